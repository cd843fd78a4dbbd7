"""Staff and mentor decisions in Wagtail's History (its log entries: *Reports › Site history*
and each object's history), with who and when, written in the decision's own transaction.
The app keeps its own fields too (who graded, who revoked and why); this is the one trail an
administrator reads across all of them."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

ACTIONS = {
    "companion.grade": (_("Grade"), _("Practical work graded")),
    "companion.sign_off": (_("Sign-off"), _("Signed off for a level")),
    "companion.approve": (_("Approve"), _("Certificate approved")),
    "companion.decline": (_("Decline"), _("Certificate not approved")),
    "companion.issue": (_("Issue"), _("Certificate issued")),
    "companion.revoke": (_("Revoke"), _("Certificate revoked")),
    "companion.reissue": (_("Re-issue"), _("Certificate re-issued")),
    "companion.assign": (_("Assign"), _("Mentor assigned")),
    "companion.end_assignment": (_("End mentoring"), _("Mentoring ended")),
}


def record(instance, action, user, **data):
    """One decision about `instance`, by `user` (None: the platform itself)."""
    return log(instance, action, user=user, data=data)


def record_many(instances, action, user, **data):
    """The same decision about many rows (an automatic assignment of a whole cohort), in one
    insert."""
    instances = list(instances)
    if not instances:
        return
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(instances[0], for_concrete_model=False)
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(instance.pk),
                # Named without a query per row (a cohort is thousands).
                label=f"{instance._meta.verbose_name} #{instance.pk}"[:255],
                action=action,
                timestamp=now,
                data=data,
                user=user,
            )
            for instance in instances
        ],
        batch_size=1000,
    )
