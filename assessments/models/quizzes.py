"""Quizzes: questions with an answer key, graded at once; a learner's attempts and answers."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


TRUE_ID, FALSE_ID = "true", "false"


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "radio-full"
        label = _("Answer choice")


class Quiz(TranslatableMixin, index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "What the quiz covers. Its page states the rules (how many questions, how many "
            "right to pass, tries, time limit) from the settings below: do not repeat them "
            "here, or they go out of date when a setting changes."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no time limit."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle answer choices"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Draw this many questions at random from the questions below for each attempt. "
            "Leave empty to ask every question."
        ),
    )
    show_answers = models.BooleanField(
        _("show correct answers after submitting"),
        default=True,
        help_text=_(
            "Untick to show only which questions were missed, without the answers. The "
            "explanations are still shown: write them so that they teach without giving the "
            "answer away."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("draw_count")]),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("show_answers"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    # When it was last saved: a translation older than its source is out of date
    # (cms/translation_status.py).
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    def attempts_left(self, used: int) -> int | None:
        """None: unlimited."""
        return None if self.max_attempts is None else max(self.max_attempts - used, 0)

    def clean(self):
        super().clean()
        if self.max_attempts == 0:
            raise ValidationError({"max_attempts": _("Leave empty for unlimited attempts.")})


class Question(TranslatableMixin, Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        _("kind"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    text = models.TextField(_("question"))
    choices = StreamField(
        [("choice", ChoiceBlock())],
        verbose_name=_("answer choices"),
        blank=True,
        help_text=_("For single and multiple choice. Tick every correct answer."),
    )
    statement_is_true = models.BooleanField(
        _("the statement is true"),
        default=True,
        help_text=_("For true-or-false questions only."),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after she submits her answers.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("choices"),
        FieldPanel("statement_is_true"),
        FieldPanel("explanation"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["sort_order"]

    def __str__(self):
        return self.text[:80]

    def choice_options(self) -> list[tuple[str, str]]:
        """(id, text) of every choice, in the editor's order."""
        if self.kind == QuestionKind.TRUE_FALSE:
            return [
                (TRUE_ID, str(pgettext_lazy("quiz answer", "True"))),
                (FALSE_ID, str(pgettext_lazy("quiz answer", "False"))),
            ]
        return [(child.id, child.value["text"]) for child in self.choices]

    def correct_ids(self) -> set[str]:
        if self.kind == QuestionKind.TRUE_FALSE:
            return {TRUE_ID if self.statement_is_true else FALSE_ID}
        return {child.id for child in self.choices if child.value["is_correct"]}

    def clean(self):
        super().clean()
        if self.kind == QuestionKind.TRUE_FALSE:
            return
        options = list(self.choices)
        correct = [c for c in options if c.value["is_correct"]]
        if len(options) < 2:
            raise ValidationError({"choices": _("Give at least two answer choices.")})
        if self.kind == QuestionKind.SINGLE and len(correct) != 1:
            raise ValidationError(
                {"choices": _("A single-choice question needs exactly one correct answer.")}
            )
        if self.kind == QuestionKind.MULTIPLE and not correct:
            raise ValidationError(
                {"choices": _("Tick at least one correct answer.")},
            )


class QuizAttempt(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    # PROTECT: attempts are the evidence for passing (and for certificates); a quiz someone
    # has taken cannot be deleted.
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The lesson she took it from; passing completes that lesson."),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("time limit ends"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The questions drawn for this attempt and the order she sees them and their choices in.
    question_ids = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), null=True, blank=True)
    question_count = models.PositiveSmallIntegerField(_("questions"), default=0)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    timed_out = models.BooleanField(_("time ran out"), default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="attempt_unique_number"
            ),
            # One unfinished attempt at a time: a double click on "start" resumes it.
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="attempt_one_open",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "learner"], name="attempt_quiz_learner")]

    def __str__(self):
        return f"{self.learner} · {self.quiz} #{self.number}"

    @property
    def is_open(self):
        return self.submitted_at is None

    def time_is_up(self, now=None) -> bool:
        """Past the time limit and its grace period (for a slow network)."""
        if self.deadline is None:
            return False
        grace = timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)
        return (now or timezone.now()) > self.deadline + grace


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    # SET_NULL: an editor removing a question later must not erase what was answered.
    question = models.ForeignKey(
        Question, null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    selected = models.JSONField(default=list)
    is_correct = models.BooleanField(null=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")
        ]

    def __str__(self):
        return f"{self.attempt} · {self.question_id}"
