from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.core.page_models import CachedViewRestrictionsMixin

from .blocks import LessonStreamBlock
from .levels import COURSE_LEVEL_CHOICES

# What a page shows beside its fields (the learner's ticks, locks, next lesson) comes from
# the template tags in templatetags/learning_tags.py, which ask the selectors: the page models
# stay data, and the selectors may import them.


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    template = "courses/course_index_page.html"

    class Meta:
        verbose_name = _("course catalogue")


class CoursePage(CachedViewRestrictionsMixin, Page):
    level = models.CharField(_("level"), max_length=20, choices=COURSE_LEVEL_CHOICES)
    summary = models.TextField(_("summary"), max_length=500)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=60)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("estimated_minutes")], heading=_("Course")
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")


class ModulePage(CachedViewRestrictionsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    end_quiz = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("quiz at the end of the module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("end_quiz")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")


class LessonPage(CachedViewRestrictionsMixin, Page):
    estimated_minutes = models.PositiveIntegerField(_("estimated time (minutes)"), default=15)
    is_optional = models.BooleanField(
        _("optional"),
        default=False,
        help_text=_("Optional lessons do not count towards completing the course."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("is_optional")], heading=_("Lesson")
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def block_values(self, block_type):
        """The values of every block of one type in the body, in order."""
        return [block.value for block in self.body if block.block_type == block_type]


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Enrolled herself")
    COHORT = "cohort", _("Through her cohort")


class Enrolment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    source = models.CharField(
        _("how"), max_length=10, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="enrolment_unique_learner_course"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.course}"


class LessonCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson"], name="completion_unique_learner_lesson"
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.lesson}"


class OfflineActionStatus(models.TextChoices):
    DONE = "done", _("Done")
    REFUSED = "refused", _("Refused")


class OfflineAction(models.Model):
    """An action she took on her phone without a network, accepted once: the id her phone made
    for it, and what came of it, so that the same action sent again (a lost answer, a second
    sync) is answered the same and changes nothing (courses/offline/sync.py)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    client_id = models.CharField(_("id made by her phone"), max_length=64)
    kind = models.CharField(_("kind"), max_length=20)
    status = models.CharField(_("outcome"), max_length=10, choices=OfflineActionStatus.choices)
    message = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("offline action")
        verbose_name_plural = _("offline actions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "client_id"], name="offline_action_unique_client_id"
            )
        ]

    def __str__(self):
        return f"{self.learner_id} · {self.kind} · {self.client_id}"
