"""The public pages are well-formed HTML: no HTML5 parse errors (tinyhtml5, the
spec-conformant parser WeasyPrint already brings)."""

import pytest
from tinyhtml5.parser import HTMLParser

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

PAGES = [
    "/",
    "/programme/",
    "/programme/bcg-circular-economy/",
    "/programme/khon-kaen-bcg/",
    "/search/?q=หมุนเวียน",
    "/en/",
    "/en/search/?q=Khon+Kaen",
    "/does-not-exist/",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_parse_without_html_errors(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    parser = HTMLParser()
    parser.parse(response.content.decode())
    assert parser.errors == []
