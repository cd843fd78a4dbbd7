"""Practical tasks: work a learner hands in (text and photos), graded by her mentor against
a rubric; every version and review is kept."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Level"), max_length=100)
    description = blocks.TextBlock(label=_("What it looks like"), required=False)
    points = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=100)

    class Meta:
        icon = "list-ol"
        label = _("Performance level")


class Rubric(TranslatableMixin, index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    pass_points = models.PositiveSmallIntegerField(
        _("points needed to pass"),
        help_text=_("The mentor can mark the work passed only at or above this total."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("pass_points"),
        InlinePanel("criteria", heading=_("Criteria"), label=_("Criterion"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    # When it was last saved: a translation older than its source is out of date
    # (cms/translation_status.py).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self):
        return self.title


class RubricCriterion(TranslatableMixin, Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    levels = StreamField(
        [("level", RubricLevelBlock())],
        verbose_name=_("performance levels"),
        help_text=_("From weakest to strongest."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("levels")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["sort_order"]

    def __str__(self):
        return self.title

    def level_options(self) -> list[tuple[str, str, int, str]]:
        """(id, label, points, description) of each level."""
        return [
            (c.id, c.value["label"], c.value["points"], c.value["description"]) for c in self.levels
        ]

    @property
    def max_points(self):
        return max((c.value["points"] for c in self.levels), default=0)

    def clean(self):
        super().clean()
        if len(list(self.levels)) < 2:
            raise ValidationError({"levels": _("Give at least two performance levels.")})


class PracticalTask(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    instructions = RichTextField(
        _("instructions"), features=["bold", "italic", "ol", "ul", "link", "h3"]
    )
    text_prompt = models.CharField(
        _("what to write"),
        max_length=300,
        blank=True,
        help_text=_("For example: “Describe the activity and what the children did.”"),
    )
    text_required = models.BooleanField(_("a written answer is required"), default=True)
    min_photos = models.PositiveSmallIntegerField(
        _("photos required"), default=0, validators=[MaxValueValidator(10)]
    )
    max_photos = models.PositiveSmallIntegerField(
        _("photos allowed"), default=3, validators=[MaxValueValidator(10)]
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="tasks"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("instructions"),
        MultiFieldPanel(
            [
                FieldPanel("text_prompt"),
                FieldPanel("text_required"),
                FieldRowPanel([FieldPanel("min_photos"), FieldPanel("max_photos")]),
            ],
            heading=_("What she hands in"),
        ),
        FieldPanel("rubric"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    # When it was last saved: a translation older than its source is out of date
    # (cms/translation_status.py).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("practical task")
        verbose_name_plural = _("practical tasks")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.min_photos > self.max_photos:
            raise ValidationError({"min_photos": _("Cannot require more photos than are allowed.")})
        if not self.text_required and self.max_photos == 0:
            raise ValidationError({"max_photos": _("Ask for a written answer, photos, or both.")})


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for grading")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    PASSED = "passed", _("Passed")


class Submission(models.Model):
    """One learner's work on one task: its versions and their reviews."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="task_submissions",
    )
    task = models.ForeignKey(
        PracticalTask,
        verbose_name=_("practical task"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(
        _("waiting since"),
        null=True,
        blank=True,
        help_text=_("When the version waiting to be graded was handed in."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "task"], name="submission_unique_task")
        ]
        indexes = [models.Index(fields=["status", "submitted_at"], name="submission_queue")]

    def __str__(self):
        return f"{self.learner} · {self.task}"


class SubmissionVersion(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("written answer"), blank=True, max_length=10000)
    # The last form save applied to this draft: a double click or a retried request carrying
    # the same photos adds them once.
    last_form_token = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    submitted_at = models.DateTimeField(_("handed in"), null=True, blank=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="version_unique_number"),
            models.UniqueConstraint(
                fields=["submission"],
                condition=Q(submitted_at__isnull=True),
                name="version_one_draft",
            ),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"

    @property
    def is_draft(self):
        return self.submitted_at is None


def _photo_path(instance, filename):
    # Random names: the file name a phone gives can carry a date, a place or a person.
    return f"submissions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.jpg"


class SubmissionPhoto(models.Model):
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"), upload_to=_photo_path, width_field="width", height_field="height"
    )
    thumbnail = models.ImageField(upload_to=_photo_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.version} · {self.image.name}"


class Decision(models.TextChoices):
    PASS = "pass", _("Pass")
    NEEDS_REVISION = "needs_revision", _("Needs revision")


class Review(models.Model):
    version = models.OneToOneField(
        SubmissionVersion, on_delete=models.CASCADE, related_name="review"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        on_delete=models.PROTECT,
        related_name="reviews_given",
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    feedback = models.TextField(_("feedback"), max_length=5000)
    total_points = models.PositiveSmallIntegerField(_("points"))
    created_at = models.DateTimeField(_("graded"), default=timezone.now)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.version} · {self.get_decision_display()}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        RubricCriterion, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    criterion_title = models.CharField(max_length=200)
    level_id = models.CharField(max_length=64)
    level_label = models.CharField(max_length=100)
    points = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_unique_criterion")
        ]

    def __str__(self):
        return f"{self.criterion_title}: {self.level_label}"
