"""The at-risk thresholds moved from the dashboard settings to the engagement settings: keep
what staff had set (and make the row now, so that no page has to make it on its first read)."""

from django.db import migrations

FIELDS = ["inactive_days", "quiz_failures", "task_wait_days", "no_contact_days", "expiry_warning_days"]


def copy_thresholds(apps, schema_editor):
    DashboardSettings = apps.get_model("dashboards", "DashboardSettings")
    EngagementSettings = apps.get_model("engagement", "EngagementSettings")
    old = DashboardSettings.objects.order_by("pk").first()
    values = {name: getattr(old, name) for name in FIELDS} if old is not None else {}
    EngagementSettings.objects.update_or_create(pk=1, defaults=values)


def copy_back(apps, schema_editor):
    DashboardSettings = apps.get_model("dashboards", "DashboardSettings")
    EngagementSettings = apps.get_model("engagement", "EngagementSettings")
    new = EngagementSettings.objects.order_by("pk").first()
    if new is not None:
        DashboardSettings.objects.update(**{name: getattr(new, name) for name in FIELDS})


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("dashboards", "0003_export_job_regions"),
    ]

    operations = [migrations.RunPython(copy_thresholds, copy_back)]
