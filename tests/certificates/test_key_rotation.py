"""A new signing key leaves everything issued before it genuine.

The earlier key's certificate is listed in CERTIFICATE_PREVIOUS_CERTS: its
public key stays in the JWKS and its certificate stays trusted for PDFs.
"""

import datetime as dt

import pytest

from certificates import credential, keys, services, verification

pytestmark = pytest.mark.django_db


@pytest.fixture
def rotate(settings, tmp_path):
    """Switch to a new key; list the key it replaces as previous unless told not to."""
    old = keys.signing_material()

    def to_new_key(*, keep_previous: bool = True):
        keys.write_self_signed_pair(tmp_path)
        settings.CERTIFICATE_SIGNING_KEY = str(tmp_path / "signing-key.pem")
        settings.CERTIFICATE_SIGNING_CERT = str(tmp_path / "signing-cert.pem")
        settings.CERTIFICATE_PREVIOUS_CERTS = [str(old.cert_path)] if keep_previous else []
        keys.reset_cache()
        return keys.signing_material()

    yield to_new_key
    keys.reset_cache()


def _kid(token: str) -> str:
    from joserfc import jws

    kid = jws.extract_compact(token.encode()).headers()["kid"]
    return kid.rsplit("/", 1)[-1].removesuffix(".json")


def test_a_certificate_issued_before_a_rotation_stays_genuine(certificate, pdf_bytes, rotate):
    new = rotate()
    assert credential.verify(certificate.credential_jwt)["id"].endswith(
        f"/verify/{certificate.verification_id}/"
    )
    assert verification.check_pdf(pdf_bytes).genuine
    assert _kid(certificate.credential_jwt) != new.kid


def test_the_jwks_publishes_the_new_key_and_the_earlier_one(client, certificate, rotate):
    earlier_kid = _kid(certificate.credential_jwt)
    new = rotate()
    kids = {key["kid"] for key in client.get("/.well-known/jwks.json").json()["keys"]}
    assert {new.kid, earlier_kid} <= kids


def test_new_certificates_are_signed_with_the_new_key(other_learner, template, rotate):
    new = rotate()
    fresh, _ = services.certificate_issue(enrolment=other_learner.enrolments.get())
    assert _kid(fresh.credential_jwt) == new.kid
    check = verification.check_pdf(services.certificate_pdf_bytes(certificate=fresh))
    assert check.genuine


def test_without_the_earlier_certificate_listed_old_pdfs_no_longer_verify(
    certificate, pdf_bytes, rotate
):
    rotate(keep_previous=False)
    check = verification.check_pdf(pdf_bytes)
    assert not check.genuine and "signature" in check.problems
    with pytest.raises(credential.CredentialInvalid):
        credential.verify(certificate.credential_jwt)


def test_a_certificate_that_is_not_the_keys_own_is_refused(settings, tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        keys.write_self_signed_pair(tmp_path / name)
    errors = _checks(
        settings, tmp_path / "a" / "signing-key.pem", tmp_path / "b" / "signing-cert.pem"
    )
    assert [e.id for e in errors] == ["certificates.E001"]
    assert "is not the certificate of the key" in errors[0].msg


def test_an_unreadable_previous_certificate_is_reported_by_the_checks(settings, tmp_path):
    keys.write_self_signed_pair(tmp_path)
    settings.CERTIFICATE_PREVIOUS_CERTS = [str(tmp_path / "missing.pem")]
    errors = _checks(settings, tmp_path / "signing-key.pem", tmp_path / "signing-cert.pem")
    assert [e.id for e in errors] == ["certificates.E001"]
    assert "CERTIFICATE_PREVIOUS_CERTS" in errors[0].msg and "missing.pem" in errors[0].msg


def test_a_configured_pair_in_date_passes_the_checks(settings, tmp_path):
    keys.write_self_signed_pair(tmp_path)
    assert _checks(settings, tmp_path / "signing-key.pem", tmp_path / "signing-cert.pem") == []


@pytest.mark.parametrize(
    ("days_left", "expected"), [(20, "certificates.W001"), (-1, "certificates.E002")]
)
def test_a_signing_certificate_near_or_past_its_end_is_reported(
    settings, tmp_path, days_left, expected
):
    keys.write_self_signed_pair(tmp_path)
    _reissue_certificate(tmp_path, valid_for=dt.timedelta(days=days_left))
    errors = _checks(settings, tmp_path / "signing-key.pem", tmp_path / "signing-cert.pem")
    assert [e.id for e in errors] == [expected]


def _reissue_certificate(directory, *, valid_for):
    """Replace the self-signed certificate with one of the same key ending `valid_for` from now."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    key = serialization.load_pem_private_key((directory / "signing-key.pem").read_bytes(), None)
    old = x509.load_pem_x509_certificate((directory / "signing-cert.pem").read_bytes())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(old.subject)
        .issuer_name(old.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=400))
        .not_valid_after(now + valid_for)
        .sign(key, hashes.SHA256())
    )
    (directory / "signing-cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _checks(settings, key, cert):
    """The system checks' verdict on this key and certificate."""
    from certificates.checks import signing_keys_check

    settings.CERTIFICATE_SIGNING_KEY, settings.CERTIFICATE_SIGNING_CERT = str(key), str(cert)
    keys.reset_cache()
    try:
        return signing_keys_check()
    finally:
        keys.reset_cache()
