import re

import pytest
from PIL import Image

from assessments.models import Submission
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.browser, COMMITTED_DB]

# The demo's first quiz, answered right (choices are shuffled, so by their text).
RIGHT_ANSWERS = [
    (
        "儿童之家的开放时间定下来以后",
        ["时间固定不随便改，确实不能开门时，提前在门口和村微信群里通知"],
    ),
    (
        "每天开门前做安全检查",
        [
            "插座有没有盖好，电线有没有破皮",
            "地面是不是湿滑，有没有碎玻璃、钉子",
            "院子附近的水缸、水沟有没有盖子或围挡",
        ],
    ),
    ("关门的时候，只要大部分孩子已经走了", ["错"]),
    ("孩子们放学来到儿童之家，一般先做什么比较好", ["先签到、喝点水、休息一下，然后写作业"]),
    ("陪孩子写作业时，你不用每道题都会讲", ["对"]),
]


def _fits_a_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _grade(page, level, decision, feedback):
    """The mentor grades the waiting work: one level per criterion, feedback, a decision."""
    page.get_by_role("link", name=re.compile("^待评分")).first.click()
    page.get_by_role("article").filter(has_text="王小梅").get_by_role("link", name="评分").click()
    criteria = page.locator("fieldset.criterion")
    for i in range(criteria.count()):
        criteria.nth(i).get_by_role("radio", name=re.compile(level)).check()
    page.get_by_label("给她的反馈").fill(feedback)
    page.get_by_label(decision, exact=True).check()
    page.get_by_role("button", name="保存评分").click()


def test_demo_learner_passes_a_quiz_and_her_task_goes_through_a_revision(
    demo, live_url, phone_page, tmp_path
):
    from playwright.sync_api import expect

    photo = tmp_path / "活动.jpg"
    Image.new("RGB", (800, 600), (90, 160, 90)).save(photo, "JPEG")
    page = phone_page

    # She continues her course: the next lesson ends with a quiz she must pass.
    log_in(page, live_url, "13800000001")
    expect(page.get_by_role("heading", name="王小梅，您好")).to_be_visible()
    first_course = page.get_by_role("region", name="办好儿童之家")
    expect(first_course.get_by_text("共 5 节课，已完成 2 节（40%）")).to_be_visible()
    first_course.get_by_role("link", name=re.compile("^继续学习")).click()
    expect(page.get_by_role("heading", name="排好一天的活动")).to_be_visible()
    expect(page.get_by_text("通过测验“日常开放小测验”，这节课才算学完。")).to_be_visible()
    expect(page.get_by_role("button", name="我学完这节课了")).to_have_count(0)
    _fits_a_phone(page)

    page.get_by_role("link", name="去做测验").click()
    page.get_by_role("button", name="开始做测验").click()
    for question, answers in RIGHT_ANSWERS:
        group = page.get_by_role("group").filter(has_text=question)
        for answer in answers:
            group.get_by_label(answer, exact=True).check()
    _fits_a_phone(page)
    page.get_by_role("button", name="提交答案").click()
    expect(page.get_by_text("100%")).to_be_visible()
    expect(page.get_by_text("通过了！")).to_be_visible()
    page.get_by_role("link", name="回到这节课").click()
    expect(page.get_by_text("您已经学完这节课了。")).to_be_visible()
    page.get_by_role("link", name="我的学习").click()
    expect(first_course.get_by_text("共 5 节课，已完成 3 节（60%）")).to_be_visible()

    # The practical task in the same lesson: text and a photo, handed in from her phone.
    page.go_back()
    page.get_by_role("link", name="开始做任务").click()
    page.get_by_role("textbox").fill("活动：洗手歌。目标：让5到8岁的孩子学会饭前洗手。")
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name="提交给带教老师评分").click()
    expect(page.get_by_text("已提交。已经通知了您的带教老师，她会来评分。")).to_be_visible()
    expect(page.get_by_role("img", name="照片 1")).to_be_visible()

    # Her mentor asks for a revision.
    page.context.clear_cookies()
    log_in(page, live_url, "13800000002")
    _grade(page, "需要改进", "需要修改", "请写清楚要准备哪些材料，怎么保证安全。")
    expect(page.get_by_text("评分已保存，已通知 王小梅。")).to_be_visible()
    _fits_a_phone(page)

    # She reads the feedback and hands in a revision.
    page.context.clear_cookies()
    log_in(page, live_url, "13800000001")
    page.get_by_role("link", name=re.compile("^通知")).click()
    page.get_by_text(re.compile("需要修改")).first.click()
    expect(page.get_by_text("请写清楚要准备哪些材料，怎么保证安全。")).to_be_visible()
    page.get_by_role("textbox").fill(
        "活动：洗手歌。材料：肥皂、毛巾、一盆清水。安全：地面保持干燥，我在旁边看着。"
    )
    page.get_by_role("button", name="提交给带教老师评分").click()
    expect(page.get_by_text("已提交。已经通知了您的带教老师，她会来评分。")).to_be_visible()

    # Her mentor passes it.
    page.context.clear_cookies()
    log_in(page, live_url, "13800000002")
    _grade(page, "做得很好", "通过", "很好，可以在儿童之家试一试。")
    expect(page.get_by_text("评分已保存，已通知 王小梅。")).to_be_visible()

    submission = Submission.objects.get(learner__phone="+8613800000001")
    versions = list(submission.versions.order_by("number"))
    assert submission.status == "passed"
    assert [v.review.decision for v in versions] == ["needs_revision", "pass"]
    assert versions[1].photos.count() == 1  # the photo carried over to the revision
