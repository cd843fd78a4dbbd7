"""Checking the rows of a learner import file against lookups the import service builds
(villages, cohorts, mentors, people by phone). Pure functions, no database. Problems are kept as
codes with parameters, so that the preview shows them in the language of whoever looks at it."""

import contextlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts.phone import normalize_phone

from .files import MAX_EMAIL_LENGTH, MAX_NAME_LENGTH


@dataclass
class Lookups:
    """What the rows are checked against; built by the service with a few queries.

    villages_by_code / villages_by_name: village regions in the staff member's regions
    ({code: id}, {name: [(id, code), …]}, names in Chinese and English); cohorts_by_name:
    {name: [(id, region name), …]}, cohort_ids: the visible cohort ids; mentors_by_phone:
    {E.164: (user id, free places)}; people_by_phone: {E.164: person} for accounts already
    using the file's numbers, person = {"id", "manageable", "name", "email", "village_id",
    "has_mentor"}; emails_taken: {email (lower): user id}."""

    villages_by_code: dict = field(default_factory=dict)
    villages_by_name: dict = field(default_factory=dict)
    cohorts_by_name: dict = field(default_factory=dict)
    cohort_ids: set = field(default_factory=set)
    mentors_by_phone: dict = field(default_factory=dict)
    people_by_phone: dict = field(default_factory=dict)
    emails_taken: dict = field(default_factory=dict)


def normalized_phones(rows) -> list[str]:
    """Every valid E.164 number in the rows' phone and mentor columns (for the lookups)."""
    phones = set()
    for row in rows:
        for key in ("phone", "mentor"):
            with contextlib.suppress(ValidationError):
                phones.add(normalize_phone(row.get(key, "")))
    return sorted(phones)


def check_rows(rows, lookups: Lookups) -> list[dict]:
    """Each row with what it resolves to (phone, village_id, cohort_id, mentor_id, user_id,
    action "create"/"update"/"same") and its problems [[code, params], …]."""
    checked = []
    for row in rows:
        problems = []
        result = {
            "line": row["line"],
            "name": row.get("name", ""),
            "phone_raw": row.get("phone", ""),
            "village_raw": row.get("village", ""),
            "cohort_raw": row.get("cohort", ""),
            "email": row.get("email", "").lower(),
            "mentor_raw": row.get("mentor", ""),
            "phone": None,
            "village_id": None,
            "cohort_id": None,
            "mentor_id": None,
            "user_id": None,
            "action": None,
            "problems": problems,
        }
        if not result["name"]:
            problems.append(["name_missing", {}])
        elif len(result["name"]) > MAX_NAME_LENGTH:
            problems.append(["name_too_long", {"max": MAX_NAME_LENGTH}])
        try:
            result["phone"] = normalize_phone(result["phone_raw"])
        except ValidationError:
            problems.append(["phone_invalid", {"value": result["phone_raw"]}])
        _check_village(result, lookups, problems)
        _check_cohort(result, lookups, problems)
        if result["email"]:
            try:
                if len(result["email"]) > MAX_EMAIL_LENGTH:
                    raise ValidationError("too long")
                validate_email(result["email"])
            except ValidationError:
                problems.append(["email_invalid", {"value": result["email"]}])
        checked.append(result)

    _check_duplicates(checked, "phone", "phone_duplicate")
    _check_duplicates(checked, "email", "email_duplicate")
    for result in checked:
        _check_person(result, lookups)
    _check_mentors(checked, lookups)
    return checked


def _check_village(result, lookups, problems):
    value = result["village_raw"]
    if not value:
        problems.append(["village_missing", {}])
        return
    if value in lookups.villages_by_code:
        result["village_id"] = lookups.villages_by_code[value]
        return
    matches = lookups.villages_by_name.get(value, [])
    if len(matches) == 1:
        result["village_id"] = matches[0][0]
    elif matches:
        codes = ", ".join(code for _pk, code in matches)
        problems.append(["village_ambiguous", {"value": value, "codes": codes}])
    else:
        problems.append(["village_unknown", {"value": value}])


def _check_cohort(result, lookups, problems):
    value = result["cohort_raw"]
    if not value:
        problems.append(["cohort_missing", {}])
        return
    matches = lookups.cohorts_by_name.get(value, [])
    if not matches and value.isdigit() and int(value) in lookups.cohort_ids:
        result["cohort_id"] = int(value)
    elif len(matches) == 1:
        result["cohort_id"] = matches[0][0]
    elif matches:
        choices = ", ".join(f"{pk} ({region})" for pk, region in matches)
        problems.append(["cohort_ambiguous", {"value": value, "choices": choices}])
    else:
        problems.append(["cohort_unknown", {"value": value}])


def _check_duplicates(checked, key, code):
    lines = {}
    for result in checked:
        if result[key]:
            lines.setdefault(result[key], []).append(result["line"])
    for result in checked:
        others = [n for n in lines.get(result[key], []) if n != result["line"]]
        if others:
            value = result["phone_raw"] if key == "phone" else result[key]
            result["problems"].append(
                [code, {"value": value, "lines": ", ".join(str(n) for n in others)}]
            )


def _check_person(result, lookups):
    phone = result["phone"]
    person = lookups.people_by_phone.get(phone) if phone else None
    if person is not None and not person["manageable"]:
        # Someone outside the staff member's learners (another county, a staff account):
        # the import must not take over or change her account.
        result["problems"].append(["phone_taken", {"value": result["phone_raw"]}])
        person = None
    email_owner = lookups.emails_taken.get(result["email"]) if result["email"] else None
    if email_owner is not None and (person is None or email_owner != person["id"]):
        result["problems"].append(["email_taken", {"value": result["email"]}])
    if person is None:
        result["action"] = "create"
        return
    result["user_id"] = person["id"]
    changed = (
        person["name"] != result["name"]
        or person["village_id"] != result["village_id"]
        or (result["email"] and person["email"].lower() != result["email"])
        or result["cohort_id"] not in person["cohort_ids"]
    )
    result["action"] = "update" if changed else "same"


def _check_mentors(checked, lookups):
    new_mentees = {}
    for result in checked:
        raw = result["mentor_raw"]
        if not raw:
            continue
        try:
            phone = normalize_phone(raw)
        except ValidationError:
            phone = None
        mentor = lookups.mentors_by_phone.get(phone) if phone else None
        if mentor is None:
            result["problems"].append(["mentor_unknown", {"value": raw}])
            continue
        if phone == result["phone"]:
            result["problems"].append(["mentor_self", {}])
            continue
        person = lookups.people_by_phone.get(result["phone"]) if result["user_id"] else None
        if person and person["has_mentor"]:
            continue  # she keeps the mentor she has; staff reassign in the admin
        result["mentor_id"] = mentor[0]
        new_mentees.setdefault(phone, []).append(result)
    for phone, results in new_mentees.items():
        free = lookups.mentors_by_phone[phone][1]
        if len(results) > free:
            for result in results:
                result["mentor_id"] = None
                result["problems"].append(
                    ["mentor_full", {"value": phone, "free": max(free, 0), "wanted": len(results)}]
                )
        else:
            for result in results:
                if result["action"] == "same":
                    result["action"] = "update"


def problem_message(code: str, params: dict) -> str:
    """A row problem in the active language."""
    messages = {
        "name_missing": _("The name is missing."),
        "name_too_long": _("The name is longer than %(max)s characters."),
        "phone_invalid": _("“%(value)s” is not a valid mobile number."),
        "phone_duplicate": _("The mobile number %(value)s is also on line %(lines)s."),
        "phone_taken": _(
            "The mobile number %(value)s is already used by someone else (not a learner in "
            "your regions)."
        ),
        "village_missing": _("The village is missing."),
        "village_unknown": _("There is no village “%(value)s” in your regions."),
        "village_ambiguous": _(
            "Several villages in your regions are called “%(value)s”; write the village's "
            "code instead (one of %(codes)s)."
        ),
        "cohort_missing": _("The cohort is missing."),
        "cohort_unknown": _("There is no cohort “%(value)s” in your regions."),
        "cohort_ambiguous": _(
            "Several cohorts in your regions are called “%(value)s”; write the cohort's "
            "number instead (one of %(choices)s)."
        ),
        "email_invalid": _("“%(value)s” is not a valid email address."),
        "email_duplicate": _("The email address %(value)s is also on line %(lines)s."),
        "email_taken": _("The email address %(value)s is already used by someone else."),
        "mentor_unknown": _(
            "No active, eligible mentor has the mobile number “%(value)s”. Write the "
            "mentor's mobile number."
        ),
        "mentor_self": _("A learner cannot be her own mentor."),
        "mentor_full": _(
            "The mentor %(value)s has room for %(free)s more mentees; this file gives her "
            "%(wanted)s."
        ),
    }
    message = messages.get(code)
    if message is None:
        return code
    return message % params if params else message


def summary_counts(checked) -> dict:
    counts = {"create": 0, "update": 0, "same": 0, "problems": 0}
    for result in checked:
        if result["problems"]:
            counts["problems"] += 1
        else:
            counts[result["action"]] += 1
    return counts


def rows_with_problems_message(count: int) -> str:
    return ngettext(
        "%(count)s row has a problem. Correct the file and upload it again; nothing was saved.",
        "%(count)s rows have problems. Correct the file and upload it again; nothing was saved.",
        count,
    ) % {"count": count}
