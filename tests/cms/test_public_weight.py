"""Public pages carry no htmx: no public page uses it, and `hx-headers` on <body> was a
Nu checker error (#14 item 9). The admin screens that use htmx load it themselves."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/en/", "/programme/", "/en/programme/", "/search/"])
def test_public_pages_load_no_htmx(client, site_tree, url):
    html = client.get(url).content.decode()
    assert "htmx" not in html
    assert "hx-headers" not in html
