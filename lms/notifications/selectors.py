from .models import Notification


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user, limit=50):
    return list(Notification.objects.filter(recipient=user)[:limit])
