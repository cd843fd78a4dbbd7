"""A practical task handed in from a phone on Slow 3G (400 kbps, 400 ms), with a 4 MB photo:
scaled down in the phone, progress shown, tried again when the network drops, nothing she
typed lost, and in within 20 seconds."""

import re
import time

import pytest
from PIL import Image

from assessments.models import PracticalTask, Submission
from lms.accounts.models import User
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in
from tests.e2e.test_offline import controlled
from tests.factories import zh

pytestmark = [pytest.mark.browser, COMMITTED_DB]

SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}


def phone_photo(path):
    """About 4 MB, 4000 x 3000: the size of a cheap phone's camera picture."""
    base = Image.effect_noise((400, 300), 80).convert("RGB").resize((4000, 3000), Image.BICUBIC)
    img = Image.blend(base, Image.effect_noise((4000, 3000), 30).convert("RGB"), 0.3)
    img.save(path, "JPEG", quality=90)
    assert path.stat().st_size > 4_000_000
    return path


def test_a_4_mb_photo_on_slow_3g_arrives_within_20_seconds(demo, live_url, phone_page, tmp_path):
    learner = User.objects.get(phone="+8613800000001")
    task = PracticalTask.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    page = phone_page
    log_in(page, live_url, "13800000001")
    page.goto(f"{live_url}/learn/tasks/{task.pk}/")
    controlled(page)  # the offline support answers for the page
    text = "先和孩子们一起做游戏，再讲安全常识。"
    page.locator("textarea[name=text]").fill(text)

    # The network drops as she saves: her words stay on her screen, are kept on the phone
    # (the offline queue, js/offline.js) and go when it is back.
    page.context.set_offline(True)
    page.get_by_role("button", name=zh("Save draft")).click()
    kept = zh("Kept on this phone with its photos. It will be sent when you are back online.")
    page.get_by_text(re.split("[.。]", kept)[0]).wait_for()
    assert page.locator("textarea[name=text]").input_value() == text
    page.context.set_offline(False)
    page.locator("#offline [data-notices] li").get_by_text(
        zh("Draft saved. You can come back to it later.")
    ).wait_for(timeout=30_000)
    assert Submission.objects.get(learner=learner, task=task).versions.get().text == text

    # Slow 3G, a 4 MB photo, handed in: within 20 s from her press to the answer.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    page.locator("input[type=file]").set_input_files(str(phone_photo(tmp_path / "IMG_0001.jpg")))
    started = time.monotonic()
    page.get_by_role("button", name=zh("Hand in for grading")).click()
    page.locator("progress.upload-progress").wait_for(state="visible", timeout=20_000)
    page.get_by_text(zh("Handed in. Your mentor has been told and will grade it.")).wait_for(
        timeout=40_000
    )
    elapsed = time.monotonic() - started
    print(f"handed in on Slow 3G in {elapsed:.1f} s")
    assert elapsed < 20, f"{elapsed:.1f} s on Slow 3G"

    submission = Submission.objects.get(learner=learner, task=task)
    version = submission.versions.order_by("-pk").first()
    assert submission.status == "submitted" and version.text == text
    [photo] = version.photos.all()
    with Image.open(photo.image) as stored:
        assert max(stored.size) <= 1600  # scaled in the phone (and again on the server)
