"""Admin: what editors still have to translate (Reports › Translations to do), with the way
to fix each: Wagtail's Translate for what has no translation yet, the translation's editor
for what is out of date, and copying a quiz's new questions into its translation. And
Wagtail's "What's new" menu item named in each reader's language."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from assessments.models import Quiz
from assessments.services import quiz_questions_copy
from lms.core.translation import default_locale

from .translation_status import translation_gaps

PERMISSION = "simple_translation.submit_translation"


def _require_translator(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def translation_status(request):
    _require_translator(request)
    gaps = translation_gaps()
    return TemplateResponse(
        request, "cms/admin/translation_status.html", {"gaps": gaps, "count": len(gaps)}
    )


@require_POST
def quiz_questions_copy_view(request, quiz_id, locale_id):
    _require_translator(request)
    quiz = get_object_or_404(Quiz, pk=quiz_id, locale=default_locale())
    locale = get_object_or_404(Locale, pk=locale_id)
    translation = quiz.get_translation_or_none(locale)
    if translation is None:
        raise Http404
    copied = quiz_questions_copy(quiz=quiz, translation=translation)
    messages.success(
        request,
        ngettext(
            "%(n)s question copied into “%(quiz)s”: translate it there.",
            "%(n)s questions copied into “%(quiz)s”: translate them there.",
            copied,
        )
        % {"n": copied, "quiz": translation.title},
    )
    return redirect("wagtailsnippets_assessments_quiz:edit", translation.pk)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/to-do/", translation_status, name="translation_status"),
        path(
            "translations/quiz/<int:quiz_id>/copy-questions/<int:locale_id>/",
            quiz_questions_copy_view,
            name="translation_quiz_questions_copy",
        ),
    ]


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translation_report():
    return TranslatorMenuItem(
        gettext_lazy("Translations to do"),
        reverse("translation_status"),
        icon_name="globe",
        order=50,
    )


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, menu_items):
    """Wagtail names its "What's new" item once per process, in the language of the first
    admin page that process serves: named again here for each reader."""
    import copy

    from django.utils.translation import gettext
    from wagtail.utils.version import get_main_version

    version = get_main_version(include_patch=False)
    for index, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            item = copy.copy(item)
            item.label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[index] = item
