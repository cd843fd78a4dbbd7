"""Level slugs, named once. Courses and cohorts are at one of the three learning levels; the
certification ladder adds the trainer level on top."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    TRAINER = "trainer", _("Trainer")


COURSE_LEVEL_CHOICES = [c for c in Level.choices if c[0] != Level.TRAINER]
