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


def user_create(
    *,
    display_name,
    phone=None,
    email="",
    password=None,
    home_region=None,
    preferred_language=None,
    roles=(),
) -> User:
    """Create an account (used by imports, the demo and staff). Phone may be typed locally."""
    from django.contrib.auth.models import Group

    phone = normalize_phone(phone) if phone else None
    if phone and User.objects.filter(phone=phone).exists():
        raise ValidationError({"phone": _("An account with this mobile number already exists.")})
    username = (phone or email or display_name).lstrip("+")
    user = User(
        username=_unique_username(username),
        display_name=display_name,
        phone=phone,
        phone_verified=bool(phone),
        email=email or "",
        home_region=home_region,
    )
    if preferred_language:
        user.preferred_language = preferred_language
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    with transaction.atomic():
        user.save()
        if email:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        if roles:
            user.groups.add(*Group.objects.filter(name__in=roles))
    return user


def _unique_username(base: str) -> str:
    base = "".join(ch for ch in base if ch.isalnum() or ch in "@.+-_")[:140] or "user"
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate
