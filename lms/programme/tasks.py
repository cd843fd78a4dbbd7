from celery import shared_task

from .models import Cohort
from .services import cohort_enrol_members


@shared_task(acks_late=True)
def cohort_enrol_members_task(cohort_id: int) -> int:
    cohort = Cohort.objects.filter(pk=cohort_id).first()
    if cohort is None:
        return 0
    return cohort_enrol_members(cohort=cohort)
