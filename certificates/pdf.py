"""The certificate PDF: WeasyPrint, A4 landscape, one page, PDF/A-3b, signed.

WeasyPrint only sees resources through AssetFetcher: the project's static
files and media files, nothing else (no file://, no network). The signed
credential travels inside the PDF as an embedded file; when a signing key is
available the PDF is then signed (PAdES) with pyHanko.
"""

import datetime as dt
import functools
import posixpath
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
import segno
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from certificates import pdf_text, signatures
from certificates.keys import signing_material
from core.dates import thai_date

pdf_text.install()  # Thai text extracts as typed (SARA AM, stacked marks)

# Relative URLs in the template resolve against this made-up origin; the
# fetcher maps it onto files and refuses anything outside it.
ASSET_ORIGIN = "https://certificate-assets.invalid/"
CREDENTIAL_FILENAME = "credential.jwt"
CREDENTIAL_MEDIA_TYPE = "application/vc+jwt"
SCALES = (1.0, 0.88, 0.76, 0.64, 0.52, 0.4)


class AssetRefused(ValueError):
    pass


class AssetFetcher(URLFetcher):
    """Serves /static/ and /media/ files of this project only."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):  # inline content (the QR code): nothing is fetched
            return super().fetch(url, headers)
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}/"
        path = posixpath.normpath(unquote(parts.path))
        if origin != ASSET_ORIGIN or parts.query or "\\" in path or "/../" in f"{path}/":
            raise AssetRefused(f"refused to fetch {url!r}")
        for prefix, opener in (("/static/", _open_static), ("/media/", _open_media)):
            if path.startswith(prefix):
                name = path.removeprefix(prefix)
                if not name or name.startswith(("/", ".")):
                    break
                return URLFetcherResponse(url, body=opener(name), headers={})
        raise AssetRefused(f"refused to fetch {url!r}")


def _open_static(name: str) -> bytes:
    found = finders.find(name)
    if not found:
        raise AssetRefused(f"no static file {name!r}")
    with open(found, "rb") as handle:
        return handle.read()


def _open_media(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:  # safe_join refuses traversal
        return handle.read()


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    scale: float


def qr_data_uri(url: str) -> str:
    """The QR code as a small opaque PNG, printed with crisp module edges (the template's
    `image-rendering: pixelated`). An SVG of it was a path of some 200 segments that
    WeasyPrint parses and draws in Python: a quarter of writing each certificate."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=2, dark="#1c2430")


def context_for(certificate, verify_url: str) -> dict:
    """Everything the template prints, from the frozen snapshot only."""
    design = certificate.design
    return {
        "c": certificate,
        "design": design,
        "serial": certificate.serial_label,
        "completed_th": thai_date(certificate.completed_on),
        "completed_en": f"{certificate.completed_on:%-d %B %Y}",
        "issued_th": thai_date(timezone.localtime(certificate.issued_at)),
        "verify_url": verify_url,
        "qr": qr_data_uri(verify_url),
        "signatories": [
            {**s, "src": signatures.frozen_signature_src(s)} for s in design["signatories"]
        ],
    }


def render(context: dict) -> RenderedPdf:
    """Render one page, shrinking the text until it fits on it."""
    with translation.override("th"):
        for scale in SCALES:
            sizes = {"root_pt": f"{13 * scale:.2f}", "name_pt": _name_pt(context, scale)}
            html = render_to_string("certificates/pdf/certificate.html", {**context, **sizes})
            document = HTML(
                string=html, base_url=ASSET_ORIGIN, url_fetcher=AssetFetcher(fail_on_errors=False)
            ).render(font_config=_font_config(), stylesheets=[_stylesheet()])
            if len(document.pages) == 1:
                break
    # The frame clips anything left over, so the last scale is one page as well.
    document.pages[1:] = []
    return RenderedPdf(content=document, scale=scale)


@functools.cache
def _stylesheet() -> CSS:
    """The certificate's fixed style, parsed once per process: parsing it with every
    certificate was a sixth of rendering one. WeasyPrint applies it as a user style
    sheet, beneath the template's inline rules; no property is set in both."""
    path = Path(settings.BASE_DIR) / "templates" / "certificates" / "pdf" / "certificate.css"
    return CSS(
        string=path.read_text(encoding="utf-8"),
        base_url=ASSET_ORIGIN,
        url_fetcher=AssetFetcher(fail_on_errors=False),
        font_config=_font_config(),
    )


@functools.cache
def _font_config() -> FontConfiguration:
    """Fontconfig's fonts loaded once per process (per worker child: made on first use,
    after the fork), not again for every certificate; the template has no @font-face."""
    return FontConfiguration()


def _name_pt(context: dict, scale: float) -> str:
    """Long names start smaller, so most fit at the first try."""
    length = max(len(context["c"].holder_name_th), len(context["c"].holder_name_en) * 0.8)
    size = 30 if length <= 34 else max(14, 30 * 34 / length)
    return f"{size * scale:.2f}"


def write(rendered: RenderedPdf, *, credential_jwt: str, title: str) -> bytes:
    attachments = []
    if credential_jwt:
        # WeasyPrint stamps these dates with "Z", so give it UTC, not local time.
        now = dt.datetime.now(dt.UTC)
        attachments.append(
            Attachment(
                string=credential_jwt.encode(),
                name=CREDENTIAL_FILENAME,
                description="Open Badges 3.0 credential (VC-JWT)",
                relationship="Data",
                created=now,
                modified=now,
            )
        )
    return rendered.content.write_pdf(
        pdf_variant="pdf/a-3b", attachments=attachments, finisher=_finish_pdfa
    )


def _finish_pdfa(document, pdf) -> None:
    """Tidy WeasyPrint's PDF/A-3b output before it is written, then signed.

    PDF/A wants the Info dictionary's /Producer equal to the XMP pdf:Producer.
    Signing rewrites both: pyHanko puts its own name in the XMP and appends it
    to an existing /Producer, so only an Info without one ends up equal.
    """
    pdf.info.pop("Producer", None)
    if "AF" in pdf.catalog:  # WeasyPrint lists each attachment twice
        pdf.catalog["AF"] = pydyf.Array(dict.fromkeys(pdf.catalog["AF"]))
    for pdf_object in pdf.objects:
        extra = getattr(pdf_object, "extra", None)
        if isinstance(extra, dict) and extra.get("Type") == "/EmbeddedFile":
            extra["Subtype"] = "/" + CREDENTIAL_MEDIA_TYPE.replace("/", "#2f")


def sign(pdf: bytes, *, reason: str, location: str = "Thailand") -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    material = signing_material()
    signer = _signer(material)
    timestamping = _timestamping(material)
    meta = signers.PdfSignatureMetadata(
        field_name="CertificateSignature",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        **timestamping.get("meta", {}),
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    timestamper = timestamping.get("timestamper")
    reserved = None if timestamper else _RESERVED.get(id(signer))
    signed = signers.sign_pdf(
        writer, meta, signer=signer, timestamper=timestamper, bytes_reserved=reserved
    ).getvalue()
    if not timestamper and reserved is None:
        _RESERVED[id(signer)] = _reserved_in(signed)
    return signed


# Bytes pyHanko reserved for the signature container, per cached signer. Without a
# timestamp authority the container's size depends only on the key and certificate,
# so pyHanko's estimate (a whole dummy signature, a third of signing) is made once.
_RESERVED: dict[int, int] = {}


def _reserved_in(signed: bytes) -> int:
    """The placeholder size pyHanko chose: the hex digits between the signed ranges."""
    *_, byte_range = re.finditer(rb"/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)", signed)
    first_end, second_start = (int(value) for value in byte_range.groups())
    return second_start - first_end - 2  # without the "<" and ">" around the digits


def _timestamping(material) -> dict:
    """With CERTIFICATE_TSA_URL: an RFC 3161 timestamp and the data for B-LT.

    pyHanko fetches the authority's chain and revocation data (CRL or OCSP) while
    signing and puts them, with our certificate's, in the document security store,
    so the signature can be checked long after the certificates expire.
    """
    from django.conf import settings

    if not settings.CERTIFICATE_TSA_URL:
        return {}
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.keys import load_certs_from_pemder
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko_certvalidator import ValidationContext

    ours = [
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        for cert in material.trusted_certificates
    ]
    extra = list(load_certs_from_pemder(settings.CERTIFICATE_TSA_TRUST_ROOTS))
    context = ValidationContext(extra_trust_roots=ours + extra, allow_fetching=True)
    return {
        "timestamper": HTTPTimeStamper(settings.CERTIFICATE_TSA_URL, timeout=10),
        "meta": {"embed_validation_info": True, "validation_context": context},
    }


_SIGNERS: dict = {}


def _signer(material):
    key = (str(material.key_path), str(material.cert_path))
    if key not in _SIGNERS:
        _SIGNERS[key] = _key_cached_signer(*key)
    return _SIGNERS[key]


def _key_cached_signer(key_path: str, cert_path: str):
    """pyHanko's SimpleSigner with the private key parsed once per process.

    SimpleSigner parses the DER key again for every raw signature, and PAdES
    signs twice (once to size the placeholder); with RSA's key checks that
    was about half of the signing time.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class KeyCachedSigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            try:
                algorithm = mechanism.signature_algo
            except ValueError:
                algorithm = ""
            if algorithm != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            return private_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    loaded = signers.SimpleSigner.load(key_path, cert_path)
    private_key = serialization.load_der_private_key(loaded.signing_key.dump(), password=None)
    return KeyCachedSigner(
        signing_cert=loaded.signing_cert,
        signing_key=loaded.signing_key,
        cert_registry=loaded.cert_registry,
    )
