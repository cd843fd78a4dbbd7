import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Region, User
from .permissions import regions_visible_to
from .phone import normalize_phone


@transaction.atomic
def region_create(*, name, kind, code, parent=None, name_en="", actor=None) -> Region:
    """Add a region under `parent` (or a new province at the top, superusers only)."""
    if actor is not None:
        if parent is None and not actor.is_superuser:
            raise PermissionDenied(_("Only administrators can add a top-level region."))
        if parent is not None and not regions_visible_to(actor).filter(pk=parent.pk).exists():
            raise PermissionDenied(_("You can only add regions inside your own regions."))
    if Region.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A region with this code already exists.")})
    region = Region(name=name, name_en=name_en, kind=kind, code=code)
    if parent is None:
        return Region.add_root(instance=region)
    return parent.add_child(instance=region)


@dataclass
class NewUser:
    """One account to create: what the import, the admin and the demo know of a person."""

    display_name: str
    phone: str | None = None  # as typed (13800000001) or in E.164
    email: str = ""
    home_region_id: int | None = None
    password: str | None = None  # None: she logs in with a code by SMS or email
    preferred_language: str | None = None
    username: str | None = None  # None: made from her phone, email or name (kept if free)


def users_create(people, *, roles=()) -> list[User]:
    """Create accounts in a fixed number of queries whatever their number (the one way an
    account is made: the learner import, the admin and the demo all come here). Each gets a
    unique user name, her verified email address and the role groups `roles`. A mobile number
    already in use is refused (ValidationError) and nothing is created."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    people = list(people)
    if not people:
        return []
    phones = [normalize_phone(p.phone) if p.phone else None for p in people]
    if User.objects.filter(phone__in=[p for p in phones if p]).exists():
        raise ValidationError({"phone": _("An account with this mobile number already exists.")})
    wanted = [
        _username_base(p.username or (phone or p.email or p.display_name).lstrip("+"))
        for p, phone in zip(people, phones, strict=True)
    ]
    taken = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    users = []
    for person, phone, username in zip(people, phones, wanted, strict=True):
        if username in taken:
            username = f"{username}-{uuid.uuid4().hex[:6]}"
        taken.add(username)
        user = User(
            username=username,
            display_name=person.display_name,
            phone=phone,
            phone_verified=bool(phone),
            email=person.email or "",
            home_region_id=person.home_region_id,
        )
        if person.preferred_language:
            user.preferred_language = person.preferred_language
        if person.password:
            user.set_password(person.password)
        else:
            user.set_unusable_password()
        users.append(user)
    with transaction.atomic():
        users = User.objects.bulk_create(users)
        groups = list(Group.objects.filter(name__in=roles)) if roles else []
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=g.pk) for u in users for g in groups]
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user_id=u.pk, email=u.email, primary=True, verified=True)
                for u in users
                if u.email
            ]
        )
    return users


def user_create(*, display_name, home_region=None, roles=(), **fields) -> User:
    """Create one account (see users_create). Phone may be typed locally."""
    person = NewUser(
        display_name=display_name,
        home_region_id=home_region.pk if home_region else None,
        **fields,
    )
    return users_create([person], roles=roles)[0]


def _username_base(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum() or ch in "@.+-_")[:140] or "user"


def user_preferred_language_set(*, user, language) -> None:
    """She chose a language (the site's switch): her log-ins, texts and emails follow it, and
    so does the admin for staff and editors (Wagtail's own preference, which its account page
    sets, otherwise keeps the admin in the default language)."""
    from wagtail.users.models import UserProfile

    User.objects.filter(pk=user.pk).update(preferred_language=language)
    user.preferred_language = language
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    # Saved with an update (no signal): what is kept about her follows.
    from lms.core.caching import learner_changed

    learner_changed([user.pk])
