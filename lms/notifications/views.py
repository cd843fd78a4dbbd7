from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lms.accounts.decorators import login_required_with_message, safe_url

from .models import Notification
from .selectors import notifications_for
from .services import notifications_mark_read


@login_required_with_message
def notification_list(request):
    return render(
        request,
        "notifications/list.html",
        {"notifications": notifications_for(request.user)},
    )


@require_POST
@login_required_with_message
def notification_open(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications_mark_read(user=request.user, notification_ids=[notification.pk])
    return redirect(safe_url(request, notification.shown_url) or reverse("notifications:list"))


@require_POST
@login_required_with_message
def notification_mark_all_read(request):
    notifications_mark_read(user=request.user)
    return redirect("notifications:list")
