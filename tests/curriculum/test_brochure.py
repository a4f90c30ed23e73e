"""The programme brochure: a PDF in Thai and in English from the programme page (#14 item 8)."""

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.django_db


def _poppler(tool: str, content: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "brochure.pdf"
    path.write_bytes(content)
    command = [shutil.which(tool), str(path), *args]
    return subprocess.run(command, capture_output=True, check=True).stdout.decode()


def _pdf_text(content: bytes, tmp_path) -> str:
    return _poppler("pdftotext", content, tmp_path, "-")


def _fonts(content: bytes, tmp_path) -> str:
    return _poppler("pdffonts", content, tmp_path)


@pytest.mark.parametrize("who", [None, "learner", "coordinator"])
def test_the_programme_page_offers_its_brochure(client, request, site_tree, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    html = client.get(site_tree["programme"].url).content.decode()
    assert f'href="{site_tree["programme"].url}brochure.pdf"' in html


def test_the_thai_brochure_is_a_thai_pdf_in_laksaman(client, site_tree, tmp_path):
    response = client.get(site_tree["programme"].url + "brochure.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    assert site_tree["programme"].title in text
    assert "องค์กรปกครองส่วนท้องถิ่น" in text or "ท้องถิ่น" in text
    assert "Laksaman" in _fonts(response.content, tmp_path)


def test_the_english_brochure_reads_in_english(client, site_tree, tmp_path):
    response = client.get(site_tree["programme_en"].url + "brochure.pdf")
    assert response.status_code == 200
    text = _pdf_text(response.content, tmp_path)
    assert "The programme" in text
    assert "local governments" in text
