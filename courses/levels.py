"""Level slugs, named once. Courses and cohorts are at one of the three learning levels; the
certification ladder adds the trainer level on top."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Level(models.TextChoices):
    PRIMARY = "primary", pgettext_lazy("level", "Primary")
    INTERMEDIATE = "intermediate", pgettext_lazy("level", "Intermediate")
    ADVANCED = "advanced", pgettext_lazy("level", "Advanced")
    TRAINER = "trainer", pgettext_lazy("level", "Trainer")


COURSE_LEVEL_CHOICES = [c for c in Level.choices if c[0] != Level.TRAINER]
