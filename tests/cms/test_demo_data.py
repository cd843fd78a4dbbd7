"""The demo's data files, as the loader returns them, hold together: every text in both
languages, and every slug, phone and region one file names exists where the seed looks for
it. No database: a broken reference is found here in a second, not halfway through a seed."""

import pytest

from cms.demo import load as loader
from cms.demo.load import load
from lms.accounts import roles

LEVELS = ["primary", "intermediate", "advanced", "trainer"]


def catalogue_paths():
    courses = load("catalogue")["courses"]
    modules = {f"{c['slug']}/{m['slug']}": (c, m) for c in courses for m in c["modules"]}
    lessons = {
        f"{path}/{lesson['slug']}": lesson
        for path, (_course, module) in modules.items()
        for lesson in module["lessons"]
    }
    return courses, modules, lessons


def people_phones():
    people = load("people")
    accounts = {a["phone"]: a for a in people["accounts"]}
    members = {m["phone"]: m for m in people["cohort"]["members"]}
    return accounts, members


def test_every_data_file_loads_with_each_text_in_both_languages():
    for name in (
        "site",
        "regions",
        "catalogue",
        "assessments",
        "ladder",
        "people",
        "mentoring",
        "training",
    ):
        assert load(name), name


@pytest.mark.parametrize(
    "text",
    [{"zh": "标题"}, {"zh": "标题", "en": ""}, {"en": "Title"}, {"zh": None, "en": "Title"}],
)
def test_a_text_missing_a_language_is_refused_with_where_it_is(tmp_path, monkeypatch, text):
    import yaml

    (tmp_path / "broken.yaml").write_text(
        yaml.safe_dump({"courses": [{"slug": "a", "title": text}]}, allow_unicode=True),
        encoding="utf-8",
    )
    monkeypatch.setattr(loader, "DATA", tmp_path)
    with pytest.raises(ValueError, match="broken.yaml:/courses/0/title"):
        load("broken")


def test_the_catalogue_has_two_courses_per_level_of_modules_and_lessons():
    courses, modules, lessons = catalogue_paths()
    levels = ["primary", "primary", "intermediate", "intermediate", "advanced", "advanced"]
    assert [c["level"] for c in courses] == levels
    assert len({c["slug"] for c in courses}) == 6
    for course in courses:
        assert len(course["modules"]) == 2
        for module in course["modules"]:
            assert len(module["lessons"]) == 3
            assert len({lesson["slug"] for lesson in module["lessons"]}) == 3
    for lesson in lessons.values():
        assert isinstance(lesson["minutes"], int) and isinstance(lesson["optional"], bool)
        for block in lesson["body"]:
            ((kind, text),) = block.items()
            assert kind in {"heading", "paragraph", "tip", "reflection"}
            assert set(text) == {"zh", "en"}


def test_quizzes_rubrics_and_tasks_are_placed_where_the_catalogue_has_room():
    data = load("assessments")
    _courses, modules, lessons = catalogue_paths()
    for path, placements in data["lesson_blocks"].items():
        assert path in lessons, path
        for placement in placements:
            ((kind, slug),) = placement.items()
            assert slug in {"quiz": data["quizzes"], "practical_task": data["tasks"]}[kind]
    for path, slug in data["module_end_quizzes"].items():
        assert path in modules and slug in data["quizzes"]
    for quiz in data["quizzes"].values():
        assert set(quiz["rules"]) >= {"pass_mark", "max_attempts", "time_limit_minutes"}
        for question in quiz["questions"]:
            if question["kind"] == "true_false":
                assert isinstance(question["statement_is_true"], bool)
            else:
                assert any(choice["correct"] for choice in question["choices"])
    for rubric in data["rubrics"].values():
        best = sum(max(level["points"] for level in c["levels"]) for c in rubric["criteria"])
        assert 0 < rubric["pass_points"] <= best
    for task in data["tasks"].values():
        assert task["rubric"] in data["rubrics"]


def test_the_ladder_names_what_exists():
    data = load("ladder")
    courses, _modules, _lessons = catalogue_paths()
    assessments = load("assessments")
    levels = data["levels"]
    assert [level["slug"] for level in levels] == LEVELS
    assert [level["prerequisite"] for level in levels] == [None, *LEVELS[:-1]]
    found = {
        "course": {c["slug"] for c in courses},
        "quiz": set(assessments["quizzes"]),
        "task": set(assessments["tasks"]),
        "rubric": {data["observation_rubric"]["slug"]},
    }
    for level in levels:
        for requirement in level["requirements"]:
            for key, slugs in found.items():
                if key in requirement:
                    assert requirement[key] in slugs, requirement
    # The demo signs learners off for the first two levels: each needs a sign-off and a comment.
    signed_off = {
        level["slug"]
        for level in levels
        if any(r["kind"] == "sign_off" for r in level["requirements"])
    }
    assert set(data["sign_off_comments"]) == {"primary", "intermediate"} <= signed_off


def test_the_people_the_files_name_are_the_demo_accounts_and_cohort():
    accounts, members = people_phones()
    people = {**accounts, **members}
    regions = set()

    def walk(nodes):
        for node in nodes:
            regions.add(node["code"])
            walk(node.get("children", []))

    walk(load("regions")["regions"])
    for account in accounts.values():
        assert account["region"] in regions
        assert set(account["roles"]) <= set(roles.ALL_ROLES)
        assert set(account.get("staff_regions", [])) <= regions
    cohort = load("people")["cohort"]
    assert cohort["region"] in regions and cohort["responsible_staff"] in accounts
    assert len(members) == len(cohort["members"]) >= 20
    for phone, member in members.items():
        assert phone in accounts or member["village"] in regions
        assert member.get("lessons", 0) <= 10  # the required primary lessons
        if "quiz_correct" in member:
            assert member["lessons"] >= 3  # the third primary lesson holds the quiz

    ladder = load("ladder")
    certificates = ladder["mentor_certificates"]
    assert certificates["issued_by"] in accounts
    for phone, held in certificates["holders"].items():
        assert roles.MENTOR in accounts[phone]["roles"] and list(held) == LEVELS
    named = [ladder["ready_learner"]["learner"], ladder["awaiting_approval"]["learner"]]
    named += [contact["learner"] for contact in ladder["contacts"]["log"]]
    named += list(ladder["primary_holders"]) + list(ladder["reflection_texts"])
    assert ladder["awaiting_approval"]["learner"] in ladder["primary_holders"]
    assert set(ladder["primary_holders"]) == set(ladder["reflection_texts"])

    mentoring = load("mentoring")
    for phone, mentor in mentoring["mentors"].items():
        assert roles.MENTOR in accounts[phone]["roles"]
        assert set(mentor["serves"]) <= regions
        assert len(mentor.get("mentees", {})) <= mentor["capacity"]
        named += list(mentor.get("mentees", {}))
    mentees = {p for m in mentoring["mentors"].values() for p in m.get("mentees", {})}
    for contact in mentoring["contacts"]["log"]:
        assert contact["learner"] in mentees
        named.append(contact["learner"])

    assessments = load("assessments")
    named += [a["learner"] for a in assessments["attempts"] + assessments["submissions"]]
    training = load("training")
    named += [training["scheduled_by"], training["facilitator"]]
    for session in training["sessions"]:
        named += session["booked"]
        assert set(session.get("present", [])) <= set(session["booked"])
    assert set(named) <= set(people), set(named) - set(people)


def test_every_moment_in_the_data_is_in_the_past_and_in_order():
    """The seed travels back to each moment; a session is scheduled before it is booked and
    booked before it starts."""
    training = load("training")
    for session in training["sessions"]:
        assert session["scheduled_days_ago"] >= session["booked_days_ago"] >= 0
        if session["days"] < 0:
            assert session["booked_days_ago"] > -session["days"]
            assert set(session["present"])
    for contact in load("mentoring")["contacts"]["log"] + load("ladder")["contacts"]["log"]:
        assert contact["days_ago"] >= 0
    formed = load("people")["cohort"]["formed_days_ago"]
    for member in load("people")["cohort"]["members"]:
        assert 0 <= member.get("active_days_ago", 0) < formed
    for mentor in load("mentoring")["mentors"].values():
        assert all(0 < days < formed for days in mentor.get("mentees", {}).values())
