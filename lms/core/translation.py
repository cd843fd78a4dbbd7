"""Canonical objects and their translations, looked up once for every app.

Pages and translatable snippets (courses, quizzes, tasks, rubrics, ladder levels) exist once
per language. Progress, attempts, submissions and certificates are recorded against the
default-language ("canonical") version, so that work done in English counts for the Chinese
course and the other way round; readers see the version in their language."""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from .caching import memoized


def _locales() -> dict:
    """{language code (lower case): Locale}, kept in each process until a locale changes."""
    return memoized(
        ("locales",),
        depends_on=("locales",),
        compute=lambda: {loc.language_code.lower(): loc for loc in Locale.objects.all()},
    )


def default_locale():
    """The Locale of settings.LANGUAGE_CODE (what Locale.get_default() answers, without a
    query per call)."""
    return _locales().get(settings.LANGUAGE_CODE.lower()) or Locale.get_default()


def canonical(obj):
    """The object's (page or translatable snippet) version in the default language, or the
    object itself when it has none."""
    default = default_locale()
    if obj.locale_id == default.pk:
        return obj
    return obj.get_translation_or_none(default) or obj


def locale_for(language=None):
    """The Locale of `language` (default: the active language), or None."""
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    return _locales().get(language)


def localized(obj, language=None):
    """The object in the reader's language, or as it is when it has no translation."""
    locale = locale_for(language)
    if locale is None or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj


def localized_many(objects, language=None) -> dict:
    """{pk: the object in the reader's language, or itself} for objects of one translatable
    model. Two queries at most, whatever their number."""
    objects = list(objects)
    if not objects:
        return {}
    return translations_of(type(objects[0]), objects, language)


def translations_of(model, canonical_objects, language=None) -> dict:
    """Map each canonical object's pk to its translation in `language` (or to itself). One
    query."""
    locale = locale_for(language)
    objects = {o.pk: o for o in canonical_objects}
    if locale is None:
        return objects
    translations = {
        t.translation_key: t
        for t in model.objects.filter(
            translation_key__in=[o.translation_key for o in canonical_objects], locale=locale
        )
    }
    return {pk: translations.get(o.translation_key, o) for pk, o in objects.items()}


class InReaderLanguage:
    """A read-only attribute: the value `lookup(obj, field, language)` gives for the reader's
    language (the active one), or the object's own `field` when it gives nothing. For text
    kept in each language beside the default one (a session's English title, a
    notification's texts)."""

    def __init__(self, field, lookup):
        self.field, self.lookup = field, lookup

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        language = (get_language() or settings.LANGUAGE_CODE).lower()
        return self.lookup(obj, self.field, language) or getattr(obj, self.field)
