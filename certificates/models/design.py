"""The design of new certificates and the ladder's defaults, edited by staff."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from lms.core.page_models import CachedSettingMixin


@register_setting(icon="doc-full")
class CertificateSettings(CachedSettingMixin, BaseGenericSetting):
    """The design of new certificates, and the ladder's defaults. Issued certificates keep
    the design they were issued with."""

    programme_name = models.CharField(
        _("programme name (Chinese)"), max_length=100, default="陪伴妈妈学堂"
    )
    programme_name_en = models.CharField(
        _("programme name (English)"), max_length=100, default="Companion Academy"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory"), max_length=100, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    default_mentor_capacity = models.PositiveSmallIntegerField(
        _("mentees for a new trainer"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Capacity given to a mentor profile when a certificate activates it."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind before expiry (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("programme_name"),
                FieldPanel("programme_name_en"),
                FieldPanel("logo"),
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
            ],
            heading=_("Certificate design"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_mentor_capacity"), FieldPanel("reminder_days")],
            heading=_("Rules"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")
