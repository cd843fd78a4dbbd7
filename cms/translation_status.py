"""What editors still have to translate: every page and translatable snippet of the default
language (Chinese) whose version in another language is missing, or older than the Chinese
(an editor changed the Chinese after the translation was last saved), and quizzes whose
translation lacks some of the Chinese quiz's questions.

Pages compare their latest revisions; snippets their `updated_at` (a quiz's questions are
edited with the quiz, so they change its time too). A fixed number of queries whatever the
amount of content: two per kind of content, two for the questions."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from assessments.models import PracticalTask, Question, Quiz, Rubric
from certificates.models import CertificationLevel
from lms.core.translation import default_locale

SNIPPETS = (Quiz, PracticalTask, Rubric, CertificationLevel)

MISSING, OUTDATED, QUESTIONS = "missing", "outdated", "questions"
STATUS_LABELS = {
    MISSING: _("No translation yet"),
    OUTDATED: _("Out of date: the Chinese changed after this translation was last saved"),
    QUESTIONS: _("Questions missing from the translation"),
}


@dataclass
class Gap:
    source: object  # the default-language page or snippet
    kind: str  # what it is, in the reader's language
    locale: Locale  # the language it lacks
    status: str  # MISSING, OUTDATED or QUESTIONS
    translation: object = None  # the out-of-date translation, when there is one
    missing_questions: int = 0

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def title(self):
        return getattr(self.source, "title", None) or str(self.source)

    @property
    def action_url(self):
        """Where to fix it: create the translation (Wagtail's Translate), or edit it."""
        if self.status == MISSING:
            if isinstance(self.source, Page):
                return reverse("simple_translation:submit_page_translation", args=[self.source.pk])
            meta = self.source._meta
            return reverse(
                "simple_translation:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, self.source.pk],
            )
        if isinstance(self.translation, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.translation.pk])
        meta = self.translation._meta
        return reverse(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[self.translation.pk]
        )


def translation_gaps() -> list[Gap]:
    default = default_locale()
    others = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    if not others:
        return []
    gaps = _page_gaps(default, others)
    for model in SNIPPETS:
        gaps += _snippet_gaps(model, default, others)
    return gaps


def _compare(sources, translations, others, kind, changed):
    """Gaps of `sources` given their `translations` ({(translation_key, locale_id): obj})."""
    gaps = []
    for source in sources:
        for locale in others:
            translation = translations.get((source.translation_key, locale.pk))
            if translation is None:
                gaps.append(Gap(source, kind, locale, MISSING))
            elif (
                changed(source) and changed(translation) and changed(source) > changed(translation)
            ):
                gaps.append(Gap(source, kind, locale, OUTDATED, translation))
    return gaps


def _page_gaps(default, others):
    sources = list(
        Page.objects.filter(locale=default, depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=[p.translation_key for p in sources], locale__in=others
        )
    }
    gaps = []
    for page in sources:
        kind = str(page.content_type.model_class()._meta.verbose_name)
        gaps += _compare([page], translations, others, kind, lambda p: p.latest_revision_created_at)
    return gaps


def _snippet_gaps(model, default, others):
    sources = list(model.objects.filter(locale=default).order_by("pk"))
    translations = {
        (obj.translation_key, obj.locale_id): obj
        for obj in model.objects.filter(
            translation_key__in=[s.translation_key for s in sources], locale__in=others
        )
    }
    kind = str(model._meta.verbose_name)
    gaps = _compare(sources, translations, others, kind, lambda obj: obj.updated_at)
    if model is Quiz:
        gaps += _question_gaps(sources, translations, others, kind)
    return gaps


def _question_gaps(quizzes, translations, others, kind):
    """A translated quiz that lacks some of the Chinese quiz's questions (added after it was
    translated): they can be copied over to translate (quiz_questions_copy)."""
    translated = list(translations.values())
    keys = {}
    for quiz_id, key in Question.objects.filter(quiz__in=quizzes + translated).values_list(
        "quiz_id", "translation_key"
    ):
        keys.setdefault(quiz_id, set()).add(key)
    gaps = []
    for quiz in quizzes:
        for locale in others:
            translation = translations.get((quiz.translation_key, locale.pk))
            if translation is None:
                continue
            lacking = keys.get(quiz.pk, set()) - keys.get(translation.pk, set())
            if lacking:
                gaps.append(Gap(quiz, kind, locale, QUESTIONS, translation, len(lacking)))
    return gaps
