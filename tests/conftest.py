import io
import os
import shutil
import socket

import pytest

from lms.accounts import roles
from lms.mentoring.services import mentor_assign

from .factories import UserFactory, make_ladder, make_mentor, make_region, make_site, region_tree

IN_CI = os.environ.get("CI", "").lower() == "true"

# Every test that needs committed data uses this: the flush after it then leaves the database
# empty without re-running post_migrate, and the next such test reloads the migrated data
# (pages, site, groups) with their original ids. Mixing in plain transaction=True tests would
# recreate content types under new ids and break that reload.
COMMITTED_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def require(condition: bool, reason: str):
    """Skip a test whose service is missing, except under CI, where it must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _media_and_sms(settings, tmp_path):
    from django.core.cache import cache

    from lms.accounts import sms

    settings.MEDIA_ROOT = tmp_path / "media"
    sms.outbox.clear()
    cache.clear()  # rate limits and site caches start empty for every test
    yield sms.outbox


@pytest.fixture(scope="session")
def _demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once per test process and keep a snapshot of it (tests/snapshots.py),
    with the files it wrote; the database is then put back as it was. Returns the files'
    folder."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from django.utils import translation
    from wagtail.models import Page

    from . import snapshots

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        snapshots.take("before_demo")
        if not Page.objects.filter(depth=1).exists():
            # Emptied by the flush after a test with committed data: the demo goes on top of
            # the migrated data (pages, site, groups) as such a test reloads it.
            serialized = getattr(connection, "_test_serialized_contents", None)
            assert serialized, "the demo needs the migrated data: use COMMITTED_DB"
            connection.creation.deserialize_db_from_string(serialized)
        # In the site's default language, as `make run` loads it (a test before may have
        # left English active in this thread).
        with translation.override(settings.LANGUAGE_CODE):
            call_command("seed_demo", stdout=io.StringIO())
        snapshots.take("demo")
        snapshots.restore("before_demo")
    cache.clear()
    return media


@pytest.fixture
def demo(db, _demo_loaded, _media_and_sms, settings):
    """The demo (`manage.py seed_demo`: its accounts, courses, cohort, ladder and history) in
    the test's database and media folder, copied from the one load of this run. Used with
    `db` or with COMMITTED_DB (its data then stays for a live server, until the flush)."""
    from django.core.cache import cache

    from . import snapshots

    snapshots.restore("demo")
    shutil.copytree(_demo_loaded, settings.MEDIA_ROOT, dirs_exist_ok=True)
    cache.clear()


@pytest.fixture
def sms_outbox(_media_and_sms):
    return _media_and_sms


@pytest.fixture
def role_groups(db):
    roles.sync_role_groups()


@pytest.fixture
def site_pages(db):
    """(home, course index) with the default site pointing at home."""
    return make_site()


@pytest.fixture
def province(db):
    return make_region("贵州省", name_en="Guizhou")


@pytest.fixture
def english():
    """Messages read in English (URLs reversed under it carry /en/, so pages answer in English
    too)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def ladder(site_pages):
    """The certification ladder of factories.make_ladder, over a fresh course catalogue."""
    _home, index = site_pages
    return make_ladder(index)


@pytest.fixture
def regions(db):
    """Provinces, counties, townships and villages by key (see factories.region_tree)."""
    return region_tree()


@pytest.fixture
def learner(db, province):
    return UserFactory(display_name="王小梅", home_region=province)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def _recorded(signal, field):
    """Every `signal` sent while the context is open: a list of its `field` values."""
    calls = []

    def record(sender, **kwargs):
        calls.append(kwargs[field])

    signal.connect(record, dispatch_uid=f"tests.{field}")
    try:
        yield calls
    finally:
        signal.disconnect(dispatch_uid=f"tests.{field}")


@pytest.fixture
def progress_events():
    """Every learner_progress_changed sent during the test: a list of learner id lists."""
    from lms.core.signals import learner_progress_changed

    yield from _recorded(learner_progress_changed, "learner_ids")


@pytest.fixture
def cohort_events():
    """Every cohort_members_changed sent during the test: a list of cohort id lists."""
    from lms.core.signals import cohort_members_changed

    yield from _recorded(cohort_members_changed, "cohort_ids")


@pytest.fixture
def level_gates():
    """Level locks a test adds (`level_gates.append(gate)`, gate(learner, level) -> reason or
    None), besides the ladder's own (none without a ladder)."""
    from wagtail import hooks

    from lms.core.hooks import LEVEL_LOCK

    gates = []

    def rule(learner, levels):
        return {
            level: reason
            for level in levels
            if (reason := next((r for gate in gates if (r := gate(learner, level))), None))
        }

    with hooks.register_temporarily(LEVEL_LOCK, rule):
        yield gates


@pytest.fixture
def mentor(regions):
    """张丽华, an eligible mentor in village v1 with room for 50 (the certificates' tests have
    their own)."""
    return make_mentor(regions["v1"], capacity=50, display_name="张丽华")


@pytest.fixture
def mentee(regions, mentor):
    learner = UserFactory(home_region=regions["v1"], display_name="李秀英")
    mentor_assign(learner=learner, mentor=mentor)
    return learner


@pytest.fixture
def mentor_client(client, mentor):
    client.force_login(mentor)
    return client
