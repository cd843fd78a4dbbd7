from lms.core.caching import learner_generation, memoized

from .models import Notification


def unread_count(user) -> int:
    """For the header's badge: kept until a notification of hers is made or read."""
    if not user.is_authenticated:
        return 0
    return memoized(
        ("unread", user.pk),
        depends_on=(learner_generation(user.pk),),
        compute=lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count(),
    )


def notifications_for(user, limit=50):
    return list(Notification.objects.filter(recipient=user)[:limit])
