from django import template
from django.urls import reverse
from django.utils.crypto import salted_hmac

register = template.Library()


@register.inclusion_tag("courses/offline/_support.html", takes_context=True)
def offline_support(context):
    """The offline banner, the waiting count and the server's answers, with the texts the
    page's script needs (js/offline.js). `owner` tells the phone whose pages it keeps without
    naming her: another person's login clears them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    owner = ""
    if user is not None and user.is_authenticated:
        owner = salted_hmac("courses.offline.owner", str(user.pk)).hexdigest()[:20]
    return {
        "owner": owner,
        "csrf_token": context.get("csrf_token", ""),
        "sync_url": reverse("learn:sync"),
        "home_url": reverse("learn:dashboard"),
    }
