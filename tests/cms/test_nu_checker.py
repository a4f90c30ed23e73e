"""The W3C Nu HTML checker (vnu-jar from npm, package.json; Debian's Java runtime) finds
no error on the main public pages in Thai and English (#14 item 9). One page of every
public page type per language, and the public screens that are not pages; one Java
process checks them all. Warnings are printed, not failed."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from wagtail.models import Page

from tests.conftest import require_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]
ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENS = [
    "/search/?q=หมุนเวียน",
    "/verify/",
    "/accounts/login/",
    "/en/search/?q=Khon+Kaen",
    "/en/verify/",
    "/en/accounts/login/",
]
MISSING = ["/does-not-exist/", "/en/does-not-exist/"]


def _one_page_of_each_type() -> list[str]:
    """The address of the first live public page of each page type, in each language."""
    seen, urls = set(), []
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    for page in pages:
        key = (type(page), page.locale_id)
        if key in seen or (url := page.get_url()) is None:
            continue
        seen.add(key)
        urls.append(url)
    return urls


def _vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    require_service(bool(java), "java (Debian package default-jre-headless)")
    require_service(VNU.is_file(), "vnu-jar (run `npm ci`)")
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stderr)["messages"]


def test_the_nu_checker_finds_no_error_on_the_public_pages(client, tmp_path):
    pages = _one_page_of_each_type()
    assert len(pages) >= 16, pages  # both languages, every kind of public page
    files = {}
    for number, url in enumerate(pages + SCREENS + MISSING):
        response = client.get(url)
        assert response.status_code == (404 if url in MISSING else 200), url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    messages = _vnu(list(tmp_path.glob("page-*.html")))
    for message in messages:
        name = message.get("url", "").rsplit("/", 1)[-1]
        message["page"] = files.get(name, message.get("url"))
    for warning in (m for m in messages if m["type"] != "error"):
        print(f"Nu {warning['type']} on {warning['page']}: {warning['message']}")  # noqa: T201
    errors = [
        f"{m['page']}: {m['message']} | {m.get('extract', '')}"
        for m in messages
        if m["type"] == "error"
    ]
    others = len(messages) - len(errors)
    print(f"Nu checker: {len(files)} pages, {len(errors)} errors, {others} other messages")  # noqa: T201
    assert errors == []
