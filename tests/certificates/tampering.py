"""Kinds of tampering with a certificate PDF, each a function of the genuine bytes.

Shared by the verify page and `manage.py verify_certificate` tests, so both are
held to the same list: every kind must be reported as not genuine.
"""

from io import BytesIO


def byte_flipped(content: bytes) -> bytes:
    tampered = bytearray(content)
    tampered[len(tampered) // 2] ^= 0x01
    return bytes(tampered)


def truncated(content: bytes) -> bytes:
    return content[: len(content) * 2 // 3]


def empty(content: bytes) -> bytes:
    return b""


def not_a_pdf(content: bytes) -> bytes:
    return b"PK\x03\x04 this is a zip file, not a certificate" * 20


def header_only(content: bytes) -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def title_changed(content: bytes) -> bytes:
    start = content.index(b"/Title (") + len(b"/Title (")
    end = content.index(b")", start)
    digit = content[end - 1] - ord("0")
    return content[: end - 1] + str((digit + 1) % 8).encode() + content[end:]


def overlay_appended(content: bytes) -> bytes:
    """An incremental update painting over the name, after the signature."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(content), strict=False)
    box = writer.add_object(generic.StreamObject(stream_data=b"1 1 1 rg 200 300 300 60 re f"))
    writer.add_stream_to_page(0, box)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def garbage_appended(content: bytes) -> bytes:
    return content + b"\n%% appended junk\n" * 10


def signature_stripped(content: bytes) -> bytes:
    """Rewritten whole by another tool: the credential stays, the signature goes."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(content)))
    if "/AcroForm" in writer._root_object:
        del writer._root_object["/AcroForm"]
    for page in writer.pages:
        if "/Annots" in page:
            del page["/Annots"]
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def credential_swapped(content: bytes) -> bytes:
    """The embedded credential replaced by a token with one character changed."""
    return _with_attachment(content, lambda token: token[:40] + _other(token[40]) + token[41:])


def credential_removed(content: bytes) -> bytes:
    return _with_attachment(content, None)


def resigned_by_a_stranger(content: bytes) -> bytes:
    """A second, foreign signature over an unchanged file."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder_data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Forger")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pem") as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
        handle.flush()
        signing_cert = load_cert_from_pemder(handle.name)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    signer = signers.SimpleSigner(
        signing_cert=signing_cert,
        signing_key=load_private_key_from_pemder_data(pem, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([signing_cert]),
    )
    writer = IncrementalPdfFileWriter(BytesIO(content), strict=False)
    meta = signers.PdfSignatureMetadata(field_name="Forgery")
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def _other(character: str) -> str:
    return "B" if character == "A" else "A"


def _with_attachment(content: bytes, change) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(content))
    token = reader.attachments["credential.jwt"][0].decode()
    writer = PdfWriter(clone_from=reader)
    names = writer._root_object["/Names"]
    del names["/EmbeddedFiles"]
    if change is not None:
        writer.add_attachment("credential.jwt", change(token).encode())
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


KINDS = {
    function.__name__: function
    for function in (
        byte_flipped,
        truncated,
        empty,
        not_a_pdf,
        header_only,
        title_changed,
        overlay_appended,
        garbage_appended,
        signature_stripped,
        credential_swapped,
        credential_removed,
        resigned_by_a_stranger,
    )
}
