"""The pictures on a certificate's page, for tests that count signatures."""

from io import BytesIO

from pypdf import PdfReader


def signature_images(content: bytes) -> list:
    """The page's images but the QR code (an image too: it reads as the verify link)."""
    import zxingcpp

    (page,) = PdfReader(BytesIO(content)).pages
    return [i for i in page.images if not zxingcpp.read_barcodes(i.image.convert("L"))]
