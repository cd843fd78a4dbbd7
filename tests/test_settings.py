"""Production settings refuse to start half-configured, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from certificates.credentials.keys import new_private_key_pem

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-production-secret-key-0123456789-abcdefghijklmnop"
SHARED_CACHE = "redis://127.0.0.1:6379/1"
SIGNING_KEY = new_private_key_pem().decode()


def manage(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "OPEN_BADGES_")) and k != "CACHE_URL"
    }
    full_env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "PUBLIC_BASE_URL": "https://academy.example.org",
            "OPEN_BADGES_SIGNING_KEY": SIGNING_KEY,
            **env,
        }
    )
    full_env = {k: v for k, v in full_env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_ALLOWED_HOSTS="academy.example.org", CACHE_URL=SHARED_CACHE)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DJANGO_SECRET_KEY=GOOD_KEY, CACHE_URL=SHARED_CACHE)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize("cache_url", [None, "locmemcache://", "dummycache://"])
def test_production_refuses_to_start_without_a_cache_shared_by_web_and_workers(cache_url):
    extra = {"CACHE_URL": cache_url} if cache_url else {}
    result = manage(
        "check", DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_ALLOWED_HOSTS="academy.example.org", **extra
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "Set CACHE_URL" in result.stderr


def test_deploy_check_is_clean_with_https_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="academy.example.org",
        CACHE_URL=SHARED_CACHE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("address", ["", "http://127.0.0.1:8000"])
def test_production_refuses_to_start_without_a_public_address(address):
    """Links in QR codes, texts and emails would point at a machine nobody can reach."""
    result = manage(
        "check",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="academy.example.org",
        CACHE_URL=SHARED_CACHE,
        PUBLIC_BASE_URL=address,
    )
    assert result.returncode != 0 and "PUBLIC_BASE_URL" in result.stderr


def test_production_refuses_to_start_without_the_credential_signing_key(tmp_path):
    """Every certificate is signed with it: made up on each machine, no credential would
    verify everywhere."""

    def check_with_key_file(path):
        return manage(
            "check",
            DJANGO_SECRET_KEY=GOOD_KEY,
            DJANGO_ALLOWED_HOSTS="academy.example.org",
            CACHE_URL=SHARED_CACHE,
            OPEN_BADGES_SIGNING_KEY=None,
            OPEN_BADGES_SIGNING_KEY_FILE=str(path),
        )

    result = check_with_key_file(tmp_path / "missing.pem")
    assert result.returncode != 0
    assert "OPEN_BADGES_SIGNING_KEY" in result.stderr
    key_file = tmp_path / "key.pem"
    key_file.write_text(SIGNING_KEY)
    result = check_with_key_file(key_file)
    assert result.returncode == 0, result.stderr
