from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from .phone import display_phone, normalize_phone


class RegionKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    COUNTY = "county", _("County / district")
    TOWNSHIP = "township", _("Township")
    VILLAGE = "village", _("Village")


class RegionQuerySet(MP_NodeQuerySet):
    def under(self, regions):
        """Every region at or below any of `regions` (one query, by materialised path)."""
        paths = [r.path for r in regions]
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition)


class RegionManager(MP_NodeManager):
    def get_queryset(self):
        return RegionQuerySet(self.model).order_by("path")

    def under(self, regions):
        return self.get_queryset().under(regions)


class Region(MP_Node):
    """Province › county › township › village. `path` makes "everything under" one query."""

    name = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RegionKind.choices)
    code = models.SlugField(_("code"), max_length=60, unique=True)

    objects = RegionManager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


def path_under_q(field: str, regions) -> Q:
    """Q matching rows whose region FK `field` lies at or below any of `regions`."""
    condition = Q(pk__in=[])
    for region in regions:
        condition |= Q(**{f"{field}__path__startswith": region.path})
    return condition


class User(AbstractUser):
    display_name = models.CharField(_("full name"), max_length=100, blank=True)
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stored in international form, e.g. +8613800000001."),
    )
    phone_verified = models.BooleanField(_("mobile number verified"), default=False)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    home_region = models.ForeignKey(
        Region,
        verbose_name=_("home region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
    )
    staff_regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions managed (programme staff)"),
        blank=True,
        related_name="staff",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.get_username()

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.get_username()

    def get_short_name(self):
        return self.display_name or self.first_name or self.get_username()

    @property
    def phone_display(self):
        return display_phone(self.phone) if self.phone else ""

    def clean(self):
        super().clean()
        if self.phone:
            self.phone = normalize_phone(self.phone)
        else:
            self.phone = None
