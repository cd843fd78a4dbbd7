"""People and regions."""

import datetime
import itertools

import factory
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from lms.accounts import roles
from lms.accounts.models import Region, RegionKind, User

PASSWORD = "a-good-test-password"  # noqa: S105
_region_codes = itertools.count(1)
_phones = itertools.count(1)


def make_region(name="测试省", kind=RegionKind.PROVINCE, parent=None, name_en="", code=None):
    region = Region(name=name, name_en=name_en, kind=kind, code=code or f"r{next(_region_codes)}")
    return parent.add_child(instance=region) if parent else Region.add_root(instance=region)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"学员{n}")
    phone = factory.LazyFunction(lambda: f"+86139{next(_phones):08d}")
    phone_verified = True
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        names = extracted if extracted is not None else [roles.LEARNER]
        for name in names:
            group, _ = Group.objects.get_or_create(name=name)
            self.groups.add(group)

    @factory.post_generation
    def staff_regions(self, create, extracted, **kwargs):
        if extracted:
            self.staff_regions.add(*extracted)


def staff_user(*regions, **kwargs):
    roles.sync_role_groups()
    return UserFactory(roles=[roles.PROGRAMME_STAFF], staff_regions=list(regions), **kwargs)


def english_staff(*regions):
    """Staff who read the admin in English (the admin speaks each user's own language)."""
    from wagtail.users.models import UserProfile

    user = staff_user(*regions)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def region_tree():
    """province > county > two townships > two villages each; returns a dict by short name."""
    province = make_region("贵州省", RegionKind.PROVINCE)
    county = make_region("七星关区", RegionKind.COUNTY, province)
    t1 = make_region("洪山街道", RegionKind.TOWNSHIP, county)
    t2 = make_region("撒拉溪镇", RegionKind.TOWNSHIP, county)
    other_province = make_region("安徽省", RegionKind.PROVINCE)
    return {
        "province": province,
        "county": county,
        "t1": t1,
        "t2": t2,
        "v1": make_region("周家桥社区", RegionKind.VILLAGE, t1),
        "v2": make_region("小坝村", RegionKind.VILLAGE, t1),
        "v3": make_region("热水田村", RegionKind.VILLAGE, t2),
        "other_province": other_province,
        "other_county": make_region("利辛县", RegionKind.COUNTY, other_province),
    }


def on_platform_since(user, days):
    """Pretend her account was made `days` days ago (the engagement rule's grace period)."""
    User.objects.filter(pk=user.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=days)
    )


def zh(msgid, **values):
    """The Chinese of a message, as pages without a language prefix (and the admin) show it."""
    with translation.override("zh-hans"):
        text = translation.gettext(msgid)
    return text % values if values else text
