"""Public pages offer their pictures as WebP renditions, PNG kept as the <img> fallback
for the few browsers without WebP (#14 item 9). Open Graph images stay PNG/JPEG: some
link-preview crawlers read no WebP."""

import io
import re
from urllib.parse import unquote

import pytest
from PIL import Image

from django.conf import settings
from django.test import RequestFactory
from django.views.static import serve

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

SOURCE = re.compile(r'<source [^>]*srcset="([^"]+)" type="image/webp"')
IMG = re.compile(r"<img [^>]*>")


def _webp_urls(html: str) -> list[str]:
    urls = []
    for srcset in SOURCE.findall(html):
        urls += [candidate.strip().split(" ")[0] for candidate in srcset.split(",")]
    return urls


def _fetch_media(url: str):
    """The rendition as the media server answers it (Django's static serve in DEBUG)."""
    path = unquote(url.removeprefix(settings.MEDIA_URL))
    return serve(RequestFactory().get(url), path, document_root=settings.MEDIA_ROOT)


@pytest.mark.parametrize("path", ["/", "/en/", "/programme/bcg-circular-economy/"])
def test_pictures_are_offered_as_webp_renditions_that_are_served_as_webp(client, path):
    html = client.get(path).content.decode()
    urls = _webp_urls(html)
    assert urls, f"no WebP <source> on {path}"
    for url in urls:
        assert url.endswith(".webp")
        response = _fetch_media(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        body = b"".join(response.streaming_content)
        assert Image.open(io.BytesIO(body)).format == "WEBP"


@pytest.mark.parametrize("path", ["/", "/programme/bcg-circular-economy/"])
def test_every_picture_keeps_a_png_fallback_in_its_img(client, path):
    html = client.get(path).content.decode()
    images = [tag for tag in IMG.findall(html) if "/media/" in tag]
    assert images
    assert all(".png" in tag and "<picture>" in html for tag in images)
