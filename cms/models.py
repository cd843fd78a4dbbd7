from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from lms.core.caching import memoized
from lms.core.page_models import CachedSettingMixin, CachedViewRestrictionsMixin

from .blocks import PageStreamBlock


class HomePage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(PageStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "cms.StandardPage"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.models import CourseIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"], context["menu_pages"] = memoized(
            ("home-links", self.pk),
            depends_on=("pages",),
            compute=lambda: (
                CourseIndexPage.objects.child_of(self).live().first(),
                list(StandardPage.objects.child_of(self).live().in_menu()),
            ),
        )
        return context


class StandardPage(CachedViewRestrictionsMixin, Page):
    """About, FAQ and other plain pages."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(PageStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="cog")
class SiteSettings(CachedSettingMixin, BaseSiteSetting):
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
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("programme_name"), FieldPanel("programme_name_en"), FieldPanel("logo")],
            heading=_("Programme"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_phone"), FieldPanel("contact_email")], heading=_("Contact")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def display_name(self):
        if get_language() == "en" and self.programme_name_en:
            return self.programme_name_en
        return self.programme_name
