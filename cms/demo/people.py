"""The demo's regions, its accounts (one for each role) and the demo cohort (regions.yaml,
people.yaml).

Why accounts are made on the day they joined: an account's "date joined" is shown to staff
beside the history that follows it (a mentor's certificates from years ago, a learner's
lessons from last month), and that history should not start before the person existed.
People are found again by their mobile number, regions by their code and the cohort by its
name in its county, so running the demo twice adds nothing."""

import datetime

from cms.demo.load import load
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.accounts.services import region_create, user_create
from lms.programme.models import Cohort, CohortMembership
from lms.programme.services import cohort_enrol_members, membership_add

SIGN_UP_TIME = datetime.time(9, 0)


def seed_regions() -> dict:
    """{code: region}."""

    def add(nodes, parent):
        for node in nodes:
            region = Region.objects.filter(code=node["code"]).first() or region_create(
                name=node["name"]["zh"],
                name_en=node["name"]["en"],
                kind=node["kind"],
                code=node["code"],
                parent=parent,
            )
            # Read again: treebeard's in-memory node is stale once a child is added.
            add(node.get("children", []), Region.objects.get(pk=region.pk))

    add(load("regions")["regions"], None)
    return {region.code: region for region in Region.objects.all()}


def seed_accounts(regions, clock) -> dict:
    """The demo accounts, {phone as in the data files: user}."""
    data = load("people")
    people = {}
    for account in data["accounts"]:
        joined = account["joined"]
        user = ensure_user(
            account,
            regions[account["region"]],
            password=data["password"],
            joined=clock.day(
                months_ago=joined.get("months_ago", 0),
                days_ago=joined.get("days_ago", 0),
                at=SIGN_UP_TIME,
            ),
            clock=clock,
        )
        if bool(account.get("superuser")) != user.is_superuser:
            # No service makes a superuser (only `createsuperuser` and the admin's user form):
            # the flags are set as that form sets them (and taken back from an account the
            # demo no longer makes one: least privilege).
            user.is_superuser = user.is_staff = bool(account.get("superuser"))
            user.save(update_fields=["is_superuser", "is_staff"])
        if account.get("staff_regions"):
            # The regions a staff member manages are set in the admin's user form; there is
            # no service for them either.
            user.staff_regions.add(*(regions[code] for code in account["staff_regions"]))
        people[account["phone"]] = user
    return people


def ensure_user(person, region, *, password, joined, clock):
    """Her account, made on the day she `joined` if it does not exist yet. `person` has her
    phone, name and roles (learner when not given)."""
    user = User.objects.filter(phone=f"+86{person['phone']}").first()
    if user is None:
        role_names = person.get("roles", [roles.LEARNER])
        unknown = set(role_names) - set(roles.ALL_ROLES)
        if unknown:
            raise ValueError(f"Unknown role in people.yaml: {sorted(unknown)}")
        with clock.at(joined):
            user = user_create(
                display_name=person["name"],
                phone=person["phone"],
                password=password,
                home_region=region,
                roles=role_names,
            )
    return user


def seed_cohort(regions, people, clock):
    """The demo cohort, formed by the demo staff member some weeks ago: the learners it
    brings get their accounts that day, every member is put in it and enrolled in the
    level's courses. Adds the cohort's new learners to `people`."""
    data = load("people")
    cohort_data = data["cohort"]
    formed = clock.day(days_ago=cohort_data["formed_days_ago"], at=SIGN_UP_TIME)
    region = regions[cohort_data["region"]]
    with clock.at(formed):
        cohort = Cohort.objects.filter(region=region, name=cohort_data["name"]).first()
        if cohort is None:
            # Staff make a cohort in the admin's form, which saves the model: no service.
            cohort = Cohort.objects.create(
                region=region,
                name=cohort_data["name"],
                level=cohort_data["level"],
                start_date=cohort_data["start_date"],
                target_date=cohort_data["target_date"],
                responsible_staff=people[cohort_data["responsible_staff"]],
            )
        for member in cohort_data["members"]:
            phone = member["phone"]
            if phone not in people:
                people[phone] = ensure_user(
                    member,
                    regions[member["village"]],
                    password=data["password"],
                    joined=formed,
                    clock=clock,
                )
            learner = people[phone]
            if not CohortMembership.objects.filter(cohort=cohort, learner=learner).exists():
                membership_add(cohort=cohort, learner=learner)
        # Now, not after the commit as membership_add leaves it: enrolled (by the cohort) on
        # the day she joined, before the lessons seeded next would enrol her themselves.
        cohort_enrol_members(cohort=cohort)
    return cohort
