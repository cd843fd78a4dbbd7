"""Learner import, from the outside: staff upload a file in the admin, see a preview with
every row's problems, import it (a task), and new learners get a way in."""

import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import Workbook, load_workbook

from lms.accounts import roles
from lms.accounts.models import User
from lms.core.models import OutboxTask
from lms.mentoring.models import MentorAssignment
from lms.programme.models import CohortMembership, ImportBatch, ImportStatus
from lms.programme.services import import_apply, import_preview, import_start
from tests.factories import CohortFactory, UserFactory, english_staff, make_mentor, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

URL = "/admin/learner-import/"
HEAD_ZH = "姓名,手机号,村,班级,邮箱,带教老师\n"
HEAD_EN = "name,phone,village,cohort,email,mentor\n"


@pytest.fixture
def cohort(regions):
    return CohortFactory(name="2026秋初级班", region=regions["county"])


def csv_bytes(*lines, head=HEAD_ZH, encoding="utf-8"):
    return (head + "".join(line + "\n" for line in lines)).encode(encoding)


def xlsx_bytes(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, data, name="learners.csv"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(URL, {"file": file})


def batch_of(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def run_import(client, batch, capture):
    with capture(execute=True):
        response = client.post(f"{URL}{batch.pk}/import/")
    assert response.status_code == 302
    batch.refresh_from_db()
    return batch


def page_text(client, batch, **params):
    return client.get(f"{URL}{batch.pk}/", params).content.decode()


# Reading files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"), "a.csv"),
        (b"\xef\xbb\xbf" + csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"), "a.csv"),
        (csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,", encoding="gbk"), "a.csv"),
        (
            csv_bytes("王小梅,138 0000 0001,周家桥社区,2026秋初级班,,", head=HEAD_EN),
            "a.csv",
        ),
        (
            xlsx_bytes(
                [
                    ["姓名", "手机号", "村", "班级"],
                    ["王小梅", 13800000001, "周家桥社区", "2026秋初级班"],
                ]
            ),
            "a.xlsx",
        ),
    ],
    ids=["utf8", "utf8-bom", "gbk", "english-headings", "xlsx"],
)
def test_every_supported_file_kind_previews_and_imports(
    staff_client, regions, cohort, data, name, django_capture_on_commit_callbacks
):
    batch = batch_of(upload(staff_client, data, name))
    assert batch.status == ImportStatus.VALIDATED and batch.problem_count == 0
    body = page_text(staff_client, batch)
    assert "王小梅" in body and "new learner" in body and ">Import<" in body
    assert not User.objects.filter(phone="+8613800000001").exists()  # nothing saved yet

    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    assert batch.status == ImportStatus.DONE and batch.created_count == 1
    learner = User.objects.get(phone="+8613800000001")
    assert learner.display_name == "王小梅"
    assert learner.home_region == regions["v1"]
    assert roles.has_role(learner, roles.LEARNER)
    assert not learner.has_usable_password()
    assert CohortMembership.objects.filter(cohort=cohort, learner=learner).exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "The file is empty."),
        (b"   \n", "a.csv", "The file is empty."),
        (HEAD_ZH.encode(), "a.csv", "The file has headings but no learners."),
        (b"PK\x03\x04 not really a zip", "a.xlsx", "This Excel file cannot be opened"),
        (b"\x81\xff\xfe\x00\x01", "a.csv", "not a CSV text file"),
        (b"\xff\xfe\xfa\xfb\xfc", "a.csv", "neither UTF-8 nor GBK"),
        (b"a,b,c\n1,2,3\n", "a.csv", "Missing: 姓名 / name, 手机号 / phone"),
        (b"%PDF-1.4", "a.pdf", "Upload a CSV file or an Excel file"),
        (
            csv_bytes(*["王,13800000001,周家桥社区,班"] * 100_000),
            "big.csv",
            "more than 20000 learners",
        ),
    ],
    ids=["empty", "blank", "no-rows", "bad-xlsx", "binary", "encoding", "columns", "pdf", "100k"],
)
def test_a_file_that_cannot_be_used_gets_a_clear_message_and_nothing_is_kept(
    staff_client, cohort, data, name, message
):
    users = User.objects.count()
    response = upload(staff_client, data, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportBatch.objects.count() == 0 and User.objects.count() == users


def test_a_file_too_big_is_refused(staff_client, settings, monkeypatch):
    from lms.programme.imports import files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    response = upload(staff_client, csv_bytes(*["王,13800000001,周家桥社区,班"] * 10))
    assert "The file is too big" in response.content.decode()


def test_the_template_downloads_in_the_staff_members_language(staff_client, client, regions):
    response = staff_client.get(f"{URL}template.csv")
    assert response.content.decode("utf-8").startswith("\ufeffname,phone,village,cohort")
    book = load_workbook(io.BytesIO(staff_client.get(f"{URL}template.xlsx").content))
    assert [c.value for c in book.active[1]][:2] == ["name", "phone"]

    chinese = staff_user(regions["county"])
    client.force_login(chinese)
    with translation.override("zh-hans"):
        body = client.get(f"{URL}template.csv").content.decode("utf-8")
    assert body.startswith("\ufeff姓名,手机号,村,班级,邮箱,带教老师")
    assert staff_client.get(f"{URL}template.pdf").status_code == 404


# Row problems ------------------------------------------------------------------------------


def test_the_preview_lists_every_rows_problems_and_offers_no_import(staff_client, regions, cohort):
    from tests.factories import make_region

    make_region("同名村", "village", regions["t1"], code="tm-1")
    make_region("同名村", "village", regions["t2"], code="tm-2")
    CohortFactory(name="利辛班", region=regions["other_county"])
    UserFactory(
        phone="+8613800000009", display_name="别的县的人", home_region=regions["other_county"]
    )
    full = make_mentor(regions["v1"], phone="+8613900000088", capacity=1)
    MentorAssignment.objects.create(learner=UserFactory(home_region=regions["v2"]), mentor=full)
    data = csv_bytes(
        ",13800000001,周家桥社区,2026秋初级班,,",  # 2 no name
        "甲,12345,周家桥社区,2026秋初级班,,",  # 3 bad phone
        "乙,13800000002,不存在村,2026秋初级班,,",  # 4 unknown village
        "丙,13800000003,同名村,2026秋初级班,,",  # 5 ambiguous village
        "丁,13800000004,周家桥社区,利辛班,,",  # 6 cohort of another county
        "戊,13800000005,周家桥社区,2026秋初级班,not-an-email,",  # 7 bad email
        "己,13800000006,周家桥社区,2026秋初级班,,13800000007",  # 8 not a mentor
        "庚,13800000008,周家桥社区,2026秋初级班,,",  # 9 duplicate
        "辛,13800000008,周家桥社区,2026秋初级班,,",  # 10 duplicate
        "壬,13800000009,周家桥社区,2026秋初级班,,",  # 11 used by someone else
        "癸,13800000010,利辛县,2026秋初级班,,",  # 12 a county, not a village
        "子,13800000011,周家桥社区,2026秋初级班,,13900000088",  # 13 mentor full
    )
    batch = batch_of(upload(staff_client, data))
    assert batch.problem_count == 12
    body = page_text(staff_client, batch)
    for message in [
        "The name is missing.",
        "“12345” is not a valid mobile number.",
        "There is no village “不存在村” in your regions.",
        "Several villages in your regions are called “同名村”; write the village&#x27;s code "
        "instead (one of tm-1, tm-2).",
        "There is no cohort “利辛班” in your regions.",
        "“not-an-email” is not a valid email address.",
        "No active, eligible mentor has the mobile number “13800000007”",
        "The mobile number 13800000008 is also on line 10.",
        "The mobile number 13800000008 is also on line 9.",
        "The mobile number 13800000009 is already used by someone else",
        "There is no village “利辛县” in your regions.",
        "has room for 0 more mentees",
        "12 rows have problems.",
    ]:
        assert message in body, message
    assert ">Import<" not in body
    response = staff_client.post(f"{URL}{batch.pk}/import/", follow=True)
    assert "12 rows have problems." in response.content.decode()
    assert User.objects.filter(phone__startswith="+861380000000").count() == 1  # only 别的县的人

    chinese = staff_user(regions["county"])
    batch.created_by = chinese
    batch.save()
    staff_client.force_login(chinese)
    with translation.override("zh-hans"):
        body = staff_client.get(f"{URL}{batch.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content
    assert "“12345”".encode() in body  # the same problems, in her language when translated


def test_a_village_can_be_given_by_its_code(staff_client, regions, cohort):
    data = csv_bytes(f"王小梅,13800000001,{regions['v3'].code},2026秋初级班,,")
    batch = batch_of(upload(staff_client, data))
    assert batch.problem_count == 0 and batch.rows[0]["village_id"] == regions["v3"].pk


# Importing --------------------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing_and_a_changed_row_updates(
    staff_client, regions, cohort, sms_outbox, django_capture_on_commit_callbacks
):
    lines = [
        "王小梅,13800000001,周家桥社区,2026秋初级班,xm@example.com,",
        "李春花,13800000002,小坝村,2026秋初级班,,",
    ]
    first = run_import(
        staff_client,
        batch_of(upload(staff_client, csv_bytes(*lines))),
        django_capture_on_commit_callbacks,
    )
    assert (first.created_count, first.updated_count, first.sms_sent) == (2, 0, 2)
    assert {m["phone"] for m in sms_outbox} == {"+8613800000001", "+8613800000002"}
    assert "/accounts/login/code/" in sms_outbox[0]["message"]

    again = batch_of(upload(staff_client, csv_bytes(*lines)))
    assert "no change" in page_text(staff_client, again)
    again = run_import(staff_client, again, django_capture_on_commit_callbacks)
    assert (again.created_count, again.updated_count) == (0, 0)
    assert len(sms_outbox) == 2  # one message per new learner, never again

    lines[1] = "李春花,13800000002,热水田村,2026秋初级班,lch@example.com,"
    changed = run_import(
        staff_client,
        batch_of(upload(staff_client, csv_bytes(*lines))),
        django_capture_on_commit_callbacks,
    )
    assert (changed.created_count, changed.updated_count) == (0, 1)
    learner = User.objects.get(phone="+8613800000002")
    assert learner.home_region == regions["v3"] and learner.email == "lch@example.com"
    assert User.objects.filter(phone__startswith="+86138").count() == 2
    assert CohortMembership.objects.filter(cohort=cohort).count() == 2
    assert len(sms_outbox) == 2


def test_an_existing_learner_with_a_new_name_is_updated_not_refused(
    staff_client, regions, cohort, django_capture_on_commit_callbacks
):
    existing = UserFactory(phone="+8613800000001", display_name="王梅", home_region=regions["v1"])
    data = csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,")
    batch = run_import(
        staff_client, batch_of(upload(staff_client, data)), django_capture_on_commit_callbacks
    )
    assert (batch.created_count, batch.updated_count) == (0, 1)
    existing.refresh_from_db()
    assert existing.display_name == "王小梅"
    assert CohortMembership.objects.filter(cohort=cohort, learner=existing).exists()


def test_the_mentor_column_assigns_a_mentor_only_to_a_learner_without_one(
    staff_client, regions, cohort, django_capture_on_commit_callbacks
):
    mentor = make_mentor(regions["v1"], phone="+8613900000088")
    other = make_mentor(regions["v1"], phone="+8613900000099")
    has_one = UserFactory(phone="+8613800000002", home_region=regions["v1"], display_name="有老师")
    MentorAssignment.objects.create(learner=has_one, mentor=other)
    data = csv_bytes(
        "王小梅,13800000001,周家桥社区,2026秋初级班,,13900000088",
        "有老师,13800000002,周家桥社区,2026秋初级班,,13900000088",
    )
    run_import(
        staff_client, batch_of(upload(staff_client, data)), django_capture_on_commit_callbacks
    )
    new = User.objects.get(phone="+8613800000001")
    assert MentorAssignment.objects.get(learner=new, ended_at__isnull=True).mentor == mentor
    assert MentorAssignment.objects.get(learner=has_one, ended_at__isnull=True).mentor == other


def test_a_mentor_of_another_county_is_unknown_to_the_import(staff_client, regions, cohort):
    """Staff give learners only mentors of their own regions (as the admin form does)."""
    make_mentor(regions["other_county"], phone="+8613900000077")
    data = csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,13900000077")
    response = upload(staff_client, data)
    text = page_text(staff_client, batch_of(response))
    assert "No active, eligible mentor has the mobile number “13900000077”" in text
    assert not MentorAssignment.objects.exists()


def test_a_failure_mid_way_leaves_nothing_half_imported(
    staff_client, cohort, monkeypatch, sms_outbox, django_capture_on_commit_callbacks
):
    from lms.programme.services import imports as import_service

    def boom(chunk):
        raise RuntimeError("database went away")

    monkeypatch.setattr(import_service, "IMPORT_CHUNK", 2)
    calls = []
    real = import_service._import_memberships

    def fail_second_chunk(chunk):
        calls.append(chunk)
        if len(calls) == 2:
            boom(chunk)
        return real(chunk)

    monkeypatch.setattr(import_service, "_import_memberships", fail_second_chunk)
    lines = [f"学员{n},1380000000{n},周家桥社区,2026秋初级班,," for n in range(1, 5)]
    batch = run_import(
        staff_client,
        batch_of(upload(staff_client, csv_bytes(*lines))),
        django_capture_on_commit_callbacks,
    )
    assert batch.status == ImportStatus.FAILED
    assert not User.objects.filter(phone__startswith="+86138").exists()
    assert not CohortMembership.objects.exists() and sms_outbox == []
    assert "Nothing was imported" in page_text(staff_client, batch)


def test_a_change_since_the_preview_stops_the_import(
    staff_client, regions, cohort, django_capture_on_commit_callbacks
):
    batch = batch_of(
        upload(staff_client, csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"))
    )
    UserFactory(phone="+8613800000001", home_region=regions["other_county"])
    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    assert batch.status == ImportStatus.FAILED and batch.problem_count == 1
    body = page_text(staff_client, batch)
    assert "since the preview, something changed" in body and "already used by someone else" in body


def test_importing_twice_or_after_done_is_harmless(
    staff, cohort, django_capture_on_commit_callbacks
):
    batch = import_preview(
        actor=staff, file_name="a.csv", data=csv_bytes("王,13800000001,周家桥社区,2026秋初级班,,")
    )
    with django_capture_on_commit_callbacks(execute=True):
        import_start(batch=batch, actor=staff)
        import_start(batch=batch, actor=staff)
    import_apply(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE and batch.created_count == 1
    assert User.objects.filter(phone="+8613800000001").count() == 1


def test_the_import_costs_the_same_queries_for_10_or_100_rows(staff, regions, cohort):
    def queries_for(count, offset):
        lines = [
            f"学员{n},138{offset + n:08d},周家桥社区,2026秋初级班,u{offset + n}@example.com,"
            for n in range(count)
        ]
        batch = import_preview(actor=staff, file_name="a.csv", data=csv_bytes(*lines))
        import_start(batch=batch, actor=staff)
        with CaptureQueriesContext(connection) as queries:
            batch = import_apply(batch_id=batch.pk)
        assert batch.created_count == count
        return len(queries)

    few, many = queries_for(10, 1000), queries_for(100, 2000)
    if connection.vendor == "sqlite":
        # SQLite takes at most 999 parameters a statement, so Django splits the insert of
        # 100 users (about 20 columns each) in two; on PostgreSQL the counts are equal.
        assert many <= few + 1
    else:
        assert many == few


def test_the_progress_page_and_printable_sheet(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    batch = batch_of(
        upload(staff_client, csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"))
    )
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.RUNNING, total=1)
    body = page_text(staff_client, batch)
    assert "<progress" in body and 'http-equiv="refresh"' in body
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.VALIDATED)

    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    body = page_text(staff_client, batch)
    assert "Imported: 1 learner added, 0 updated." in body
    sheet = staff_client.get(f"{URL}{batch.pk}/sheet/").content.decode()
    assert "王小梅" in sheet and "138 0000 0001" in sheet and "@media print" in sheet
    assert "/accounts/login/code/" in sheet


def test_the_running_page_reads_only_counts_and_the_rows_show_only_when_needed(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    batch = batch_of(
        upload(staff_client, csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"))
    )
    assert "王小梅" in page_text(staff_client, batch)  # the preview lists the rows
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.RUNNING)
    with CaptureQueriesContext(connection) as queries:
        body = page_text(staff_client, batch)
    assert "1 new learner" in body and "<progress" in body and "王小梅" not in body
    assert not [q for q in queries if '"programme_importbatch"."rows"' in q["sql"]]

    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.VALIDATED)
    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    body = page_text(staff_client, batch)
    assert "Imported: 1 learner added, 0 updated." in body and "王小梅" not in body


def test_the_result_counts_learners_in_plural_forms(
    staff_client, cohort, django_capture_on_commit_callbacks
):
    lines = [f"学员{n},1380000000{n},周家桥社区,2026秋初级班,," for n in (1, 2)]
    batch = run_import(
        staff_client,
        batch_of(upload(staff_client, csv_bytes(*lines))),
        django_capture_on_commit_callbacks,
    )
    body = page_text(staff_client, batch)
    assert "Imported: 2 learners added, 0 updated." in body
    assert "on its way to 2 new learners" in body


def test_the_preview_and_result_are_in_chinese_for_chinese_staff(
    client, regions, cohort, django_capture_on_commit_callbacks
):
    from tests.factories import zh

    chinese = staff_user(regions["county"])
    client.force_login(chinese)
    with translation.override("zh-hans"):
        batch = batch_of(upload(client, csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,")))
        body = page_text(client, batch)
        assert zh("new learner") != "new learner"  # really translated
        assert zh("new learner") in body and zh("Import") in body
        batch = run_import(client, batch, django_capture_on_commit_callbacks)
        body = page_text(client, batch)
        added = translation.ngettext("%(count)s learner added", "%(count)s learners added", 1) % {
            "count": 1
        }
        updated = translation.ngettext("%(count)s updated", "%(count)s updated", 0) % {"count": 0}
    assert zh("Imported: %(added)s, %(updated)s.", added=added, updated=updated) in body


def test_the_welcome_text_is_a_notification_sent_once_and_retried_when_the_gateway_fails(
    staff_client, cohort, sms_outbox, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    from lms.core import outbox
    from lms.notifications import services as notifications
    from lms.notifications.models import Delivery, Notification
    from lms.notifications.tasks import deliver_notification

    def gateway_down(phone, message):
        raise ConnectionError("gateway down")

    monkeypatch.setattr(notifications, "send_sms", gateway_down)
    data = csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,xm@example.com,")
    batch = run_import(
        staff_client, batch_of(upload(staff_client, data)), django_capture_on_commit_callbacks
    )
    assert batch.status == ImportStatus.DONE and batch.sms_sent == 1
    learner = User.objects.get(phone="+8613800000001")
    welcome = Notification.objects.get(recipient=learner, dedupe_key=f"welcome:{learner.pk}")
    delivery = Delivery.objects.get(notification=welcome)  # a text only, no email
    assert delivery.channel == "sms" and delivery.sent_at is None and delivery.attempts == 1
    assert "gateway down" in delivery.last_error and sms_outbox == [] and mailoutbox == []
    assert "on its way to 1 new learner" in page_text(staff_client, batch)

    # The delivery waits in the outbox to be tried again later.
    waiting = OutboxTask.objects.get(task=deliver_notification.name, args=[welcome.pk])
    assert waiting.done_at is None and waiting.attempts == 1
    assert waiting.available_at > timezone.now()

    monkeypatch.undo()
    assert outbox.run(waiting.pk) == "done"  # the machinery's retry
    assert [m["phone"] for m in sms_outbox] == ["+8613800000001"]
    assert (
        "王小梅" in sms_outbox[0]["message"] and "/accounts/login/code/" in sms_outbox[0]["message"]
    )

    with django_capture_on_commit_callbacks(execute=True):
        import_apply(batch_id=batch.pk)  # the task run again
    assert Notification.objects.filter(recipient=learner).count() == 1 and len(sms_outbox) == 1


def test_the_mentor_column_costs_the_same_queries_for_5_or_50_rows(
    staff, regions, cohort, monkeypatch
):
    from lms.programme.services import imports as import_service

    offsets = iter(range(1000, 100_000, 1000))

    def queries_for(count):
        offset = next(offsets)
        mentor = make_mentor(regions["v1"], phone=f"+86139{offset:08d}", capacity=count)
        lines = [
            f"学员{n},138{offset + n:08d},周家桥社区,2026秋初级班,,139{offset:08d}"
            for n in range(count)
        ]
        batch = import_preview(actor=staff, file_name="a.csv", data=csv_bytes(*lines))
        import_start(batch=batch, actor=staff)
        with CaptureQueriesContext(connection) as queries:
            batch = import_apply(batch_id=batch.pk)
        assert batch.status == ImportStatus.DONE and batch.created_count == count
        assigned = MentorAssignment.objects.filter(mentor=mentor, ended_at__isnull=True)
        assert assigned.count() == count
        return len(queries)

    assert queries_for(5) == queries_for(50)

    # In chunks of 10 rows (the numbers are looked up in chunks of 10, too: each file's
    # learners and her mentor), each chunk costs the same, whatever its number of rows.
    monkeypatch.setattr(import_service, "IMPORT_CHUNK", 10)
    one_chunk = queries_for(9)
    assert queries_for(5) == one_chunk
    per_chunk = queries_for(19) - one_chunk
    assert queries_for(49) == one_chunk + 4 * per_chunk


def test_the_cohorts_that_got_new_members_are_announced(
    staff, regions, cohort, cohort_events, django_capture_on_commit_callbacks
):
    calls = cohort_events
    second = CohortFactory(name="2026秋中级班", region=regions["county"])
    untouched = CohortFactory(name="2025春初级班", region=regions["county"])
    member = UserFactory(phone="+8613800000003", home_region=regions["v1"], display_name="老学员")
    CohortMembership.objects.create(cohort=untouched, learner=member)
    data = csv_bytes(
        "王小梅,13800000001,周家桥社区,2026秋初级班,,",
        "李春花,13800000002,周家桥社区,2026秋中级班,,",
        "老学员,13800000003,周家桥社区,2025春初级班,,",  # already a member: no change
    )
    batch = import_preview(actor=staff, file_name="a.csv", data=data)
    with django_capture_on_commit_callbacks(execute=True):
        import_start(batch=batch, actor=staff)
    assert calls == [sorted([cohort.pk, second.pk])]


def test_a_batch_that_failed_can_be_tried_again(
    staff_client, cohort, monkeypatch, django_capture_on_commit_callbacks
):
    from lms.programme.services import imports as import_service

    def crash(chunk):
        raise RuntimeError("database went away")

    monkeypatch.setattr(import_service, "_import_memberships", crash)
    lines = [f"学员{n},1380000000{n},周家桥社区,2026秋初级班,," for n in (1, 2)]
    batch = run_import(
        staff_client,
        batch_of(upload(staff_client, csv_bytes(*lines))),
        django_capture_on_commit_callbacks,
    )
    assert batch.status == ImportStatus.FAILED
    body = page_text(staff_client, batch)
    assert "Press “Try again”" in body and ">Try again<" in body

    monkeypatch.undo()
    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    assert batch.status == ImportStatus.DONE and batch.created_count == 2 and not batch.error
    assert User.objects.filter(phone__startswith="+86138").count() == 2


def test_a_batch_stopped_by_a_change_is_checked_again_when_tried_again(
    staff_client, regions, cohort, django_capture_on_commit_callbacks
):
    batch = batch_of(
        upload(staff_client, csv_bytes("王小梅,13800000001,周家桥社区,2026秋初级班,,"))
    )
    someone = UserFactory(phone="+8613800000001", home_region=regions["other_county"])
    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    assert batch.status == ImportStatus.FAILED

    response = staff_client.post(f"{URL}{batch.pk}/import/", follow=True)
    body = response.content.decode()
    assert "1 row has a problem." in body and "already used by someone else" in body
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED and batch.problem_count == 1

    someone.delete()  # the number is free again
    batch = run_import(staff_client, batch, django_capture_on_commit_callbacks)
    assert batch.status == ImportStatus.DONE and batch.created_count == 1


def test_pressing_import_twice_queues_the_task_once(
    staff, cohort, django_capture_on_commit_callbacks
):
    batch = import_preview(
        actor=staff, file_name="a.csv", data=csv_bytes("王,13800000001,周家桥社区,2026秋初级班,,")
    )
    with django_capture_on_commit_callbacks() as callbacks:
        import_start(batch=batch, actor=staff)
        import_start(batch=batch, actor=staff)
    assert len(callbacks) == 1


# Who may import ----------------------------------------------------------------------------


def test_county_staff_cannot_import_into_another_county(client, regions, cohort):
    CohortFactory(name="利辛班", region=regions["other_county"])
    from tests.factories import make_region

    make_region("利辛村", "village", regions["other_county"], code="lx-v")
    other = english_staff(regions["other_county"])
    client.force_login(other)
    batch = batch_of(upload(client, csv_bytes("王,13800000001,周家桥社区,2026秋初级班,,")))
    body = page_text(client, batch)
    assert "There is no village “周家桥社区” in your regions." in body
    assert "There is no cohort “2026秋初级班” in your regions." in body
    batch = batch_of(upload(client, csv_bytes("王,13800000001,lx-v,利辛班,,")))
    assert batch.problem_count == 0


def test_staff_see_only_their_own_uploads(client, staff_client, regions, cohort):
    batch = batch_of(upload(staff_client, csv_bytes("王,13800000001,周家桥社区,2026秋初级班,,")))
    client.force_login(english_staff(regions["other_county"]))
    for suffix in ("", "sheet/"):
        assert client.get(f"{URL}{batch.pk}/{suffix}").status_code == 404
    assert client.post(f"{URL}{batch.pk}/import/").status_code == 404
    assert "learners.csv" not in client.get(URL).content.decode()


@pytest.mark.parametrize("role", [roles.LEARNER, roles.MENTOR, roles.CONTENT_EDITOR])
def test_learners_mentors_and_editors_are_kept_out_of_every_import_url(
    client, staff_client, regions, cohort, role
):
    batch = batch_of(upload(staff_client, csv_bytes("王,13800000001,周家桥社区,2026秋初级班,,")))
    roles.sync_role_groups()
    person = UserFactory(roles=[role], home_region=regions["county"])
    person.groups.add(Group.objects.get(name=role))
    client.force_login(person)
    urls = [
        URL,
        f"{URL}template.csv",
        f"{URL}template.xlsx",
        f"{URL}{batch.pk}/",
        f"{URL}{batch.pk}/sheet/",
    ]
    for url in urls:
        assert client.get(url).status_code in (302, 403), url
    for url in [URL, f"{URL}{batch.pk}/import/"]:
        assert client.post(url).status_code in (302, 403), url
    batch.refresh_from_db()
    assert batch.status == ImportStatus.VALIDATED and ImportBatch.objects.count() == 1
