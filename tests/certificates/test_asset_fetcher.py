"""WeasyPrint may read the project's static and media files, and nothing else."""

import pytest
from weasyprint.urls import URLFetchingError, fetch

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from certificates.pdf import ASSET_ORIGIN, AssetFetcher, AssetRefused


@pytest.fixture
def fetcher():
    return AssetFetcher()


def test_it_serves_a_static_file(fetcher):
    response = fetcher.fetch(ASSET_ORIGIN + "static/img/favicon.svg")
    assert b"<svg" in response.read()


def test_it_serves_a_media_file(fetcher, settings):
    name = default_storage.save("signatures/test.png", ContentFile(b"png-bytes"))
    assert fetcher.fetch(f"{ASSET_ORIGIN}media/{name}").read() == b"png-bytes"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/logo.png",
        "https://169.254.169.254/latest/meta-data/",
        ASSET_ORIGIN + "static/../../../etc/passwd",
        ASSET_ORIGIN + "static/%2e%2e/%2e%2e/config/settings/base.py",
        ASSET_ORIGIN + "media/../private/certificates/x.pdf",
        ASSET_ORIGIN + "etc/passwd",
        ASSET_ORIGIN + "static/img/favicon.svg?x=1",
        "https://certificate-assets.invalid.evil.org/static/img/favicon.svg",
    ],
)
def test_it_refuses_everything_else(fetcher, url):
    with pytest.raises((AssetRefused, Exception)) as error:
        fetcher.fetch(url)
    assert not isinstance(error.value, AssertionError)


def test_refusals_surface_as_fetch_errors_in_weasyprint(fetcher):
    with pytest.raises(URLFetchingError), fetch(fetcher, "file:///etc/passwd"):
        pass
