"""The mentor's home (/mentor/): her mentees, most in need first, by the engagement rule."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from lms.core.caching import memoized, valid_until
from lms.core.kept_responses import kept_response
from lms.mentoring.decorators import mentor_required
from lms.mentoring.permissions import caseload_generations

from .models import EngagementSettings
from .rules import reason_labels
from .selectors import CASELOAD_REASONS, SORTS, caseload, filtered, reason_counts, sorted_rows

PAGE_SIZE = 50


@mentor_required
@kept_response
def caseload_view(request):
    flag = request.GET.get("flag", "")
    flag = flag if flag in (*CASELOAD_REASONS, "any") else ""
    sort = request.GET.get("sort", "flags")
    sort = sort if sort in SORTS else "flags"
    search = request.GET.get("q", "").strip()[:50]
    config = EngagementSettings.load(request_or_site=request)
    rows = _kept_caseload(request.user, search, config)
    page = Paginator(sorted_rows(filtered(rows, flag), sort), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    labels = reason_labels(config)
    counts = reason_counts(rows)
    return render(
        request,
        "engagement/caseload.html",
        {
            "page": page,
            "rows": page.object_list,
            "flag": flag,
            "sort": sort,
            "search": search,
            "counts": counts,
            "chips": [
                (code, labels[code], counts[code])
                for code in CASELOAD_REASONS
                if counts[code] or code == flag
            ],
        },
    )


def _kept_caseload(mentor, search, config):
    """Her caseload, kept in memory until one of her mentees or her assignments changes (each
    bumps that person's generation: lms/core/caching.py), the engagement settings, a page or
    the ladder change, or the hour turns (the rule's day counts cross their thresholds)."""
    now = timezone.localtime()
    hour = now.strftime("%Y-%m-%dT%H")
    valid_until((now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)).timestamp())
    return memoized(
        ("caseload", mentor.pk, search, get_language(), hour),
        depends_on=(
            *caseload_generations(mentor),
            EngagementSettings._generation(),
            "pages",
            "ladder",
        ),
        compute=lambda: caseload(mentor, search=search, config=config),
    )
