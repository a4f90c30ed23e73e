"""Signing keys for credentials (VC-JWT) and PDFs (PAdES).

Production points CERTIFICATE_SIGNING_KEY / CERTIFICATE_SIGNING_CERT at a PEM
RSA key and its X.509 certificate. Development, the demo and the tests set
CERTIFICATE_GENERATE_KEYS and get a self-signed pair under CERTIFICATE_KEYS_DIR
on first use (never committed). One RSA key signs both, so the JWKS published
for credentials also identifies the PDF signer. An Ed25519 key is made beside
it for the optional EdDSA credential.
"""

import datetime as dt
import fcntl
import functools
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.x509.oid import NameOID
from joserfc.jwk import KeySet, OKPKey, RSAKey

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from certificates import urls_util


@dataclass(frozen=True)
class SigningMaterial:
    key_path: Path
    cert_path: Path
    ed25519_path: Path | None
    rsa_jwk: RSAKey
    ed25519_jwk: OKPKey | None
    certificate: x509.Certificate

    @property
    def kid(self) -> str:
        return self.rsa_jwk.thumbprint()

    @property
    def ed25519_kid(self) -> str | None:
        return self.ed25519_jwk.thumbprint() if self.ed25519_jwk else None

    @property
    def kid_url(self) -> str:
        return urls_util.key_url(self.kid)

    @property
    def ed25519_kid_url(self) -> str | None:
        return urls_util.key_url(self.ed25519_kid) if self.ed25519_kid else None

    def public_jwks(self) -> list[dict]:
        """Each public key once, named by its thumbprint."""
        keys = []
        for jwk, alg, kid in (
            (self.rsa_jwk, "RS256", self.kid),
            (self.ed25519_jwk, "EdDSA", self.ed25519_kid),
        ):
            if jwk is not None:
                keys.append({**jwk.as_dict(private=False), "kid": kid, "alg": alg, "use": "sig"})
        return keys

    def jwks(self) -> dict:
        """Each key under its URL (the kid Open Badges asks for) and its bare thumbprint.

        Credentials issued before the URL kid name the thumbprint; both stay
        listed so any JWKS-based verifier finds the key for old and new tokens.
        """
        keys = self.public_jwks()
        return {"keys": [{**key, "kid": urls_util.key_url(key["kid"])} for key in keys] + keys}

    def public_keyset(self) -> KeySet:
        return KeySet.import_key_set(self.jwks())


def _write_new_pair(directory: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TH"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "พมส. demo issuer (self-signed)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "พมส. Certificate Signing (demo)"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .sign(key, hashes.SHA256())
    )
    pem = serialization.PrivateFormat.PKCS8
    (directory / "signing-key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, pem, serialization.NoEncryption())
    )
    (directory / "signing-cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    ed_key = ed25519.Ed25519PrivateKey.generate()
    (directory / "ed25519-key.pem").write_bytes(
        ed_key.private_bytes(serialization.Encoding.PEM, pem, serialization.NoEncryption())
    )
    for path in directory.glob("*-key.pem"):
        path.chmod(0o600)


def _generated_paths() -> tuple[Path, Path, Path]:
    directory = Path(settings.CERTIFICATE_KEYS_DIR)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    key, cert, ed = (
        directory / n for n in ("signing-key.pem", "signing-cert.pem", "ed25519-key.pem")
    )
    # Several workers may start at once: one of them makes the pair, the others wait.
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (key.exists() and cert.exists() and ed.exists()):
            _write_new_pair(directory)
    return key, cert, ed


@functools.cache
def _load(key_path: str, cert_path: str, ed_path: str | None) -> SigningMaterial:
    ed_jwk = OKPKey.import_key(Path(ed_path).read_bytes()) if ed_path else None
    return SigningMaterial(
        key_path=Path(key_path),
        cert_path=Path(cert_path),
        ed25519_path=Path(ed_path) if ed_path else None,
        rsa_jwk=RSAKey.import_key(Path(key_path).read_bytes()),
        ed25519_jwk=ed_jwk,
        certificate=x509.load_pem_x509_certificate(Path(cert_path).read_bytes()),
    )


def signing_material() -> SigningMaterial:
    """The configured key pair, or a generated one where settings allow it."""
    key, cert = settings.CERTIFICATE_SIGNING_KEY, settings.CERTIFICATE_SIGNING_CERT
    if key and cert:
        ed = settings.CERTIFICATE_SIGNING_ED25519_KEY or None
        return _load(str(key), str(cert), str(ed) if ed else None)
    if settings.CERTIFICATE_GENERATE_KEYS:
        return _load(*(str(path) for path in _generated_paths()))
    raise ImproperlyConfigured(
        "Set CERTIFICATE_SIGNING_KEY and CERTIFICATE_SIGNING_CERT (PEM files) to issue "
        "certificates, or CERTIFICATE_GENERATE_KEYS=true for a self-signed demo pair."
    )


def reset_cache() -> None:
    _load.cache_clear()
