"""The settings are production-safe by default and fail loudly on bad values."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSTHROUGH = ("PATH", "HOME", "LANG", "DATABASE_URL")


def _manage(*args, **env):
    clean = {key: os.environ[key] for key in PASSTHROUGH if key in os.environ}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_prints_no_warning_with_only_the_three_required_settings():
    result = _manage(
        "check",
        "--deploy",
        DEBUG="0",
        SECRET_KEY="k3y-for-the-deploy-check-" + "x7Qp9-Lm2Zr8Vb4Nc6" * 3,
        ALLOWED_HOSTS="portal.example.go.th",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_debug_is_off_unless_asked_for():
    result = _manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", SECRET_KEY="s" * 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_missing_secret_key_in_production_fails_loudly():
    result = _manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_boolean_fails_loudly():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_bad_database_url_fails_loudly():
    result = _manage("check", DEBUG="1", DATABASE_URL="nosuchdb://x")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_time_zone_and_language(settings):
    assert settings.TIME_ZONE == "Asia/Bangkok"
    assert settings.LANGUAGE_CODE == "th"
    assert [code for code, _name in settings.LANGUAGES] == ["th", "en"]
