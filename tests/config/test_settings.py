import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from certificates.keys import write_self_signed_pair

ROOT = Path(__file__).resolve().parents[2]
KEYS = Path(tempfile.mkdtemp(prefix="pms-production-keys-"))
write_self_signed_pair(KEYS)
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x7#kq2!vR9mLp4zW8nT1bY6cF3hJ0sD5gA-eU2iO9wQ7rE4tY1uI8oP3aS6dF0gH",
    "ALLOWED_HOSTS": "pms.example.org",
    "SITE_URL": "https://pms.example.org",
    "DATABASE_URL": "postgres://pms@127.0.0.1:5432/pms",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "CERTIFICATE_SIGNING_KEY": str(KEYS / "signing-key.pem"),
    "CERTIFICATE_SIGNING_CERT": str(KEYS / "signing-cert.pem"),
}


def manage(*args, env):
    dropped = {*PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,  # Django starting on a busy 2-core machine took over 120 s
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "variable",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "CERTIFICATE_SIGNING_KEY",
        "CERTIFICATE_SIGNING_CERT",
    ],
)
def test_production_refuses_to_start_without_a_required_value(variable):
    env = {**PRODUCTION_ENV, variable: ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert variable in result.stderr


def test_production_reports_a_signing_certificate_that_does_not_match_the_key(tmp_path):
    write_self_signed_pair(tmp_path)
    env = {**PRODUCTION_ENV, "CERTIFICATE_SIGNING_CERT": str(tmp_path / "signing-cert.pem")}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "certificates.E001" in result.stderr and "CERTIFICATE_SIGNING_CERT" in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_an_invalid_database_url_names_the_variable():
    result = manage("check", env={"DATABASE_URL": "mysql://nope"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_defaults_are_thai_and_bangkok(settings):
    assert settings.LANGUAGE_CODE == "th"
    assert [code for code, _ in settings.LANGUAGES] == ["th", "en"]
    assert settings.TIME_ZONE == "Asia/Bangkok"


def test_seed_demo_refuses_under_production_settings():
    result = manage("seed_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "--create-staff-with-public-password" in result.stderr
