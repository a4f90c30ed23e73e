"""An outside verifier's verdict: npm jose with our JWKS, and a decode of the status list.

The verifier (tests/certificates/outside/verify.mjs) gets only what any third party
gets from our public URLs: the JWKS, the credential and the status list. It knows
nothing of our statuses beyond the bit, so a superseded credential must carry it too.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from certificates import services

pytestmark = pytest.mark.django_db
OUTSIDE = Path(__file__).parent / "outside"


def _outside_verdict(client, certificate, tmp_path, *, token: str | None = None) -> dict:
    if not (OUTSIDE / "node_modules" / "jose").is_dir():
        pytest.fail("npm jose is missing: run `make node-deps`")
    files = {
        "jwks.json": client.get("/.well-known/jwks.json").content,
        "credential.jwt": client.get(f"/credentials/{certificate.verification_id}.jwt").content,
        "status.jwt": client.get("/credentials/status/revocation.jwt").content,
    }
    if token is not None:
        files["credential.jwt"] = token.encode()
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    result = subprocess.run(
        [shutil.which("node"), str(OUTSIDE / "verify.mjs"), *(str(tmp_path / n) for n in files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_an_outside_verifier_accepts_a_valid_certificate(client, certificate, tmp_path):
    assert _outside_verdict(client, certificate, tmp_path) == {"accepted": True, "reason": "valid"}


def test_an_outside_verifier_rejects_a_revoked_certificate(client, certificate, tmp_path):
    services.certificate_revoke(certificate=certificate, reason="ออกผิดคน")
    verdict = _outside_verdict(client, certificate, tmp_path)
    assert verdict == {"accepted": False, "reason": "status: revocation"}


def test_an_outside_verifier_rejects_a_superseded_certificate(client, certificate, tmp_path):
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อสะกดผิด")
    verdict = _outside_verdict(client, certificate, tmp_path)
    assert verdict == {"accepted": False, "reason": "status: revocation"}
    assert _outside_verdict(client, new, tmp_path)["accepted"] is True


def test_a_forged_credential_is_refused_by_the_outside_verifier(client, certificate, tmp_path):
    header, payload, signature = certificate.credential_jwt.split(".")
    forged = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    token = ".".join([header, forged, signature])
    verdict = _outside_verdict(client, certificate, tmp_path, token=token)
    assert verdict["accepted"] is False, verdict
