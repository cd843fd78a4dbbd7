"""The mentor's home (/mentor/): her mentees, most in need first, by the engagement rule."""

from django.core.paginator import Paginator
from django.shortcuts import render

from lms.mentoring.decorators import mentor_required

from .models import EngagementSettings
from .rules import reason_labels
from .selectors import CASELOAD_REASONS, SORTS, caseload, filtered, reason_counts, sorted_rows

PAGE_SIZE = 50


@mentor_required
def caseload_view(request):
    flag = request.GET.get("flag", "")
    flag = flag if flag in (*CASELOAD_REASONS, "any") else ""
    sort = request.GET.get("sort", "flags")
    sort = sort if sort in SORTS else "flags"
    search = request.GET.get("q", "").strip()[:50]
    config = EngagementSettings.load(request_or_site=request)
    rows = caseload(request.user, search=search, config=config)
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
