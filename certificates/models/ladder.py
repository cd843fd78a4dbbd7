"""The certification ladder, edited in Wagtail: levels (translatable snippets) and their
requirements, each of a kind that a unit in ../requirements/ describes and evaluates.

Everything that counts (requirements, certificates, sign-offs) points at the default-language
("canonical") level, so a reader's language never splits her progress; translations carry only
the names shown to readers."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from courses.levels import Level

from ..requirements import TARGET_FIELDS, UNITS, RequirementKind


class Issuance(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatically, when every requirement is met")
    APPROVAL = "approval", _("After programme staff approve")


class CertificationLevel(TranslatableMixin, index.Indexed, ClusterableModel):
    slug = models.CharField(
        _("level"),
        max_length=20,
        choices=Level.choices,
        help_text=_("Courses and training sessions of this level belong to it."),
    )
    name = models.CharField(
        _("certificate name"), max_length=100, help_text=_("As printed on the certificate.")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), help_text=_("1 for the first level."))
    prerequisite = models.ForeignKey(
        "self",
        verbose_name=_("prerequisite level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its courses stay locked until she holds this certificate."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty: the certificate never expires."),
    )
    issuance = models.CharField(
        _("issued"), max_length=10, choices=Issuance.choices, default=Issuance.AUTOMATIC
    )
    grants_mentoring = models.BooleanField(
        _("holders may mentor"),
        default=False,
        help_text=_("Holding it activates her mentor profile; losing it deactivates it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("order")]),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("prerequisite"),
                FieldPanel("validity_months"),
                FieldPanel("issuance"),
                FieldPanel("grants_mentoring"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("requirements", heading=_("Requirements"), label=_("Requirement")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # When it was last saved: a translation older than its source is out of date
    # (cms/translation_status.py).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certification level")
        verbose_name_plural = _("certification levels")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="one_certification_level_per_slug",
                violation_error_message=_("There is already a certification level for this."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.prerequisite_id is None:
            return
        # The ladder is read from the default language: there, the prerequisite must be a
        # default-language level too, or nobody could ever hold it.
        default = Locale.get_default()
        if self.locale_id == default.pk and self.prerequisite.locale_id != default.pk:
            raise ValidationError(
                {"prerequisite": _("Choose the prerequisite in the same language as this level.")}
            )
        if self.order is not None and self.prerequisite.order >= self.order:
            raise ValidationError(
                {"prerequisite": _("The prerequisite must come before this level.")}
            )

    @property
    def slug_label(self):
        return Level(self.slug).label


class LevelRequirement(TranslatableMixin, Orderable):
    level = ParentalKey(CertificationLevel, on_delete=models.CASCADE, related_name="requirements")
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quiz = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("quiz"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.ForeignKey(
        "assessments.PracticalTask",
        verbose_name=_("practical task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rubric = models.ForeignKey(
        "assessments.Rubric",
        verbose_name=_("observation rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For co-facilitation: what the observer rates."),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("For sessions, coaching contacts and co-facilitation."),
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("quiz")]),
        FieldRowPanel([FieldPanel("task"), FieldPanel("rubric")]),
        FieldPanel("count"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["sort_order"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="requirement_count_positive")
        ]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        super().clean()
        needed = UNITS[self.kind].target if self.kind in UNITS else None
        errors = {}
        for name in TARGET_FIELDS:
            has = getattr(self, f"{name}_id") is not None
            if name == needed and not has:
                errors[name] = _("This kind of requirement needs one.")
            elif name != needed and has:
                errors[name] = _("Leave this empty for this kind of requirement.")
        if errors:
            raise ValidationError(errors)
