"""Response headers: a Content-Security-Policy with nonces, Permissions-Policy, COOP;
no template needs an inline script or an inline event handler to work."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [
    path for folder in ("templates", "core/templates") for path in (ROOT / folder).rglob("*.html")
]


def _script_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    directive = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    return directive.split()[1:]


@pytest.mark.parametrize("url", ["/search/?q=เมือง", "/verify/", "/accounts/login/"])
def test_public_pages_send_a_csp_without_unsafe_inline_scripts(client, url):
    response = client.get(url)
    sources = _script_src(response)
    assert "'self'" in sources and "'unsafe-inline'" not in sources
    assert "object-src 'none'" in response["Content-Security-Policy"]


def test_the_other_security_headers_are_sent(client, db):
    response = client.get("/verify/")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy
    assert "fullscreen=(self)" in policy


def test_an_admin_form_with_a_date_picker_carries_the_nonce_of_its_header(
    client, coordinator, cohort
):
    client.force_login(coordinator)
    response = client.get(f"/admin/cohort-tools/{cohort.pk}/generate/")  # AdminDateInput
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    assert f'<script nonce="{nonce}">initDateChooser(' in html


def test_every_inline_script_of_the_page_editor_carries_the_nonce_of_its_header(
    client, coordinator
):
    """Wagtail's chooser widgets (image, page, document, snippet) write their own
    `<script>new ImageChooser(...)</script>` from Python; without the nonce the browser
    blocked them and the page editor's choosers did nothing."""
    from tests.curriculum.factories import build_site

    home = build_site()["home"]
    client.force_login(coordinator)
    for url in (f"/admin/pages/add/cms/standardpage/{home.pk}/", f"/admin/pages/{home.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        html = response.content.decode()
        assert "Chooser(" in html, url  # the editor has choosers to check
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or "application/json" in tag or f'nonce="{nonce}"' in tag, (
                url,
                tag,
            )


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_an_inline_event_handler_or_an_unnonced_inline_script(path):
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", html), "use static/js/behaviours.js"
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag or "application/json" in tag, tag


def test_the_api_docs_load_swagger_from_this_site_not_a_cdn(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn.jsdelivr.net" not in html and "/static/ninja/swagger-ui-bundle.js" in html
