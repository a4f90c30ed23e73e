"""Signing keys for credentials (VC-JWT) and PDFs (PAdES).

Production points CERTIFICATE_SIGNING_KEY / CERTIFICATE_SIGNING_CERT at a PEM
RSA key and its X.509 certificate. Development, the demo and the tests set
CERTIFICATE_GENERATE_KEYS and get a self-signed pair under CERTIFICATE_KEYS_DIR
on first use (never committed). One RSA key signs both, so the JWKS published
for credentials also identifies the PDF signer. An Ed25519 key is made beside
it for the optional EdDSA credential.

Keys are replaced, certificates are not: CERTIFICATE_PREVIOUS_CERTS lists the
X.509 certificates of earlier signing keys. Their public keys stay in the JWKS
and their certificates stay trusted for PDF signatures, so everything issued
before a key rotation keeps verifying (docs/certificates.md).
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
    previous: tuple[x509.Certificate, ...] = ()

    @property
    def trusted_certificates(self) -> list[x509.Certificate]:
        """The signer's certificate and those of earlier keys: what PDF checks trust."""
        return [self.certificate, *self.previous]

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

    @functools.cached_property
    def _public_jwks(self) -> tuple[dict, ...]:
        pairs = [(self.rsa_jwk, "RS256"), (self.ed25519_jwk, "EdDSA")]
        pairs += [
            (_public_jwk(cert, "CERTIFICATE_PREVIOUS_CERTS"), "RS256") for cert in self.previous
        ]
        keys: dict[str, dict] = {}
        for jwk, alg in pairs:
            if jwk is not None:
                kid = jwk.thumbprint()
                keys.setdefault(
                    kid, {**jwk.as_dict(private=False), "kid": kid, "alg": alg, "use": "sig"}
                )
        return tuple(keys.values())

    def public_jwks(self) -> list[dict]:
        """Each public key once, named by its thumbprint: current keys, then earlier ones."""
        return [dict(key) for key in self._public_jwks]

    def jwks(self) -> dict:
        """Each key under its URL (the kid Open Badges asks for) and its bare thumbprint.

        Credentials issued before the URL kid name the thumbprint; both stay
        listed so any JWKS-based verifier finds the key for old and new tokens.
        """
        keys = self.public_jwks()
        return {"keys": [{**key, "kid": urls_util.key_url(key["kid"])} for key in keys] + keys}

    def public_keyset(self) -> KeySet:
        return KeySet.import_key_set(self.jwks())


def _public_jwk(cert: x509.Certificate, setting: str) -> RSAKey:
    """The certificate's RSA public key as a JWK; `setting` names where it came from."""
    public_key = cert.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ImproperlyConfigured(
            f"{setting}: only certificates of RSA keys can be used "
            f"(found {type(public_key).__name__} in {cert.subject.rfc4514_string()})."
        )
    pem = public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return RSAKey.import_key(pem)


def write_self_signed_pair(directory: Path) -> None:
    """A new RSA key with a self-signed certificate, and an Ed25519 key, as PEM files."""
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
        )
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
            write_self_signed_pair(directory)
    return key, cert, ed


@functools.cache
def _load(
    key_path: str, cert_path: str, ed_path: str | None, previous: tuple[str, ...] = ()
) -> SigningMaterial:
    ed_jwk = (
        OKPKey.import_key(_read(ed_path, "CERTIFICATE_SIGNING_ED25519_KEY")) if ed_path else None
    )
    certificate = _certificate(cert_path, "CERTIFICATE_SIGNING_CERT")
    rsa_jwk = RSAKey.import_key(_read(key_path, "CERTIFICATE_SIGNING_KEY"))
    if _public_jwk(certificate, "CERTIFICATE_SIGNING_CERT").thumbprint() != rsa_jwk.thumbprint():
        raise ImproperlyConfigured(
            f"CERTIFICATE_SIGNING_CERT ({cert_path}) is not the certificate of the key in "
            f"CERTIFICATE_SIGNING_KEY ({key_path})."
        )
    material = SigningMaterial(
        key_path=Path(key_path),
        cert_path=Path(cert_path),
        ed25519_path=Path(ed_path) if ed_path else None,
        rsa_jwk=rsa_jwk,
        ed25519_jwk=ed_jwk,
        certificate=certificate,
        previous=tuple(_certificate(path, "CERTIFICATE_PREVIOUS_CERTS") for path in previous),
    )
    material.public_jwks()  # refuses a non-RSA earlier certificate now, not at a lookup
    return material


def _read(path: str, setting: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ImproperlyConfigured(f"{setting}: cannot read {path} ({exc.strerror}).") from exc


def _certificate(path: str, setting: str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(_read(path, setting))
    except ValueError as exc:
        raise ImproperlyConfigured(f"{setting}: {path} is not a PEM X.509 certificate.") from exc


def signing_material() -> SigningMaterial:
    """The configured key pair, or a generated one where settings allow it."""
    key, cert = settings.CERTIFICATE_SIGNING_KEY, settings.CERTIFICATE_SIGNING_CERT
    previous = tuple(str(path) for path in settings.CERTIFICATE_PREVIOUS_CERTS)
    if key and cert:
        ed = settings.CERTIFICATE_SIGNING_ED25519_KEY or None
        return _load(str(key), str(cert), str(ed) if ed else None, previous)
    if settings.CERTIFICATE_GENERATE_KEYS:
        return _load(*(str(path) for path in _generated_paths()), previous)
    raise ImproperlyConfigured(
        "Set CERTIFICATE_SIGNING_KEY and CERTIFICATE_SIGNING_CERT (PEM files) to issue "
        "certificates, or CERTIFICATE_GENERATE_KEYS=true for a self-signed demo pair."
    )


def reset_cache() -> None:
    _load.cache_clear()
