from django.template.loader import render_to_string
from wagtail import hooks

from lms.core.hooks import MENTEE_DETAIL_PANELS

from .models import EngagementSettings
from .rules import engagement_of, reason_labels


@hooks.register(MENTEE_DETAIL_PANELS, order=-10)  # before the readiness panel
def needs_attention_panel(request, learner):
    """On the mentor's page about one mentee: what needs her attention, by the same rule as
    the list."""
    config = EngagementSettings.load(request_or_site=request)
    engagement = engagement_of([learner.pk], config=config)[learner.pk]
    labels = reason_labels(config)
    return render_to_string(
        "engagement/_needs_attention.html",
        {
            "engagement": engagement,
            "reasons": [(labels[code], detail) for code, detail in engagement.reasons.items()],
        },
        request=request,
    )
