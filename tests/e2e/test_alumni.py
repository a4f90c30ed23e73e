"""Issue 20's "Done when", in a browser on the demo data: a graduate on a phone finds a
mayor of another municipality of their cohort in the directory and saves their vCard; the
mayor withdraws consent for their phone number and it is gone from the directory and the
book at once; the mayor downloads their data; once erased, the mayor's certificate still
verifies while they are gone from the directory, the book and the login."""

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from django.core import mail

from accounts.consent import Purpose, consented_purposes
from accounts.models import User
from certificates.models import Certificate
from cohorts.models import Enrolment
from tests.e2e.conftest import ARTIFACTS, PHONE, log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
GRADUATE = "graduate@example.org"


def _a_mayor_of_another_municipality() -> User:
    """A cohort-1 mayor, not of the graduate's municipality, listed with their phone shown
    and holding a certificate: the person the graduate looks for."""
    graduate = User.objects.get(email=GRADUATE)
    mates = (
        Enrolment.objects.current()
        .filter(cohort__slug="cohort-1", user__position__startswith="นายกเทศมนตรี")
        .exclude(user__organisation=graduate.organisation)
        .select_related("user")
        .order_by("user__email")
    )
    given = consented_purposes([e.user_id for e in mates])
    for enrolment in mates:
        shares = {Purpose.DIRECTORY_LISTED, Purpose.DIRECTORY_PHONE} <= given[enrolment.user_id]
        if shares and Certificate.objects.filter(enrolment=enrolment, status="valid").exists():
            return enrolment.user
    raise AssertionError("the demo has no listed cohort-1 mayor with a phone and certificate")


def _book(page, base_url: str, name: str) -> str:
    """The cohort-1 book as the signed-in viewer gets it: its text (the PDF is kept beside
    the screenshots, to look at: pdftoppm -png)."""
    response = page.request.get(f"{base_url}/directory/cohort-1/book.pdf")
    assert response.status == 200
    (ARTIFACTS / f"{name}.pdf").write_bytes(response.body())
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)


def test_a_graduate_finds_a_mayor_saves_the_card_and_consent_and_erasure_apply_at_once(
    phone, page, browser, demo
):
    mayor = _a_mayor_of_another_municipality()
    certificate = Certificate.objects.get(holder=mayor, status="valid")
    name = mayor.full_name_th
    log_in(phone, demo.url, GRADUATE)
    phone.goto(f"{demo.url}/me/")
    phone.locator("#directory a[href='/directory/']").click()
    phone.get_by_role("link", name="รุ่นที่ 1", exact=True).click()
    assert phone.url.endswith("/directory/cohort-1/")
    phone.fill("input[name=q]", mayor.first_name)
    phone.locator("form.directory-filters button[type=submit]").click()
    entry = phone.locator(".directory-entry", has_text=name)
    expect(entry).to_contain_text(mayor.position)
    expect(entry.locator(f"a[href='tel:{mayor.phone}']")).to_be_visible()
    screenshot(phone, "alumni-graduate-finds-mayor")
    with phone.expect_download() as download:
        entry.get_by_role("link", name="บันทึกรายชื่อติดต่อ (vCard)").click()
    card = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert f"FN:{name}" in card and mayor.phone in card
    assert mayor.phone in _book(phone, demo.url, "alumni-book-before")

    # The mayor withdraws the phone number on their own phone: gone at once.
    theirs = browser.new_context(viewport=PHONE, locale="th-TH").new_page()
    log_in(theirs, demo.url, mayor.email)
    theirs.goto(f"{demo.url}/me/privacy/")
    theirs.uncheck(f"input[name='{Purpose.DIRECTORY_PHONE}']")
    theirs.get_by_role("button", name="บันทึกการเลือก").click()
    theirs.wait_for_load_state("networkidle")
    expect(theirs.locator(f"input[name='{Purpose.DIRECTORY_PHONE}']")).not_to_be_checked()
    screenshot(theirs, "alumni-mayor-privacy")
    phone.reload()
    expect(entry).to_be_visible()
    expect(entry.locator("a[href^='tel:']")).to_have_count(0)
    assert mayor.phone not in phone.content()
    book = _book(phone, demo.url, "alumni-book-after")
    assert name in book and mayor.phone not in book

    # ... downloads a copy of their data, by the link the email brings ...
    mail.outbox.clear()
    theirs.goto(f"{demo.url}/me/data/")
    theirs.get_by_role("button", name="จัดเตรียมสำเนาข้อมูลของฉัน").click()
    theirs.wait_for_load_state("networkidle")
    [message] = [m for m in mail.outbox if mayor.email in m.to]
    link = re.search(r"https?://\S+/me/data/exports/[0-9a-f-]+/", message.body).group(0)
    archive = theirs.request.get(link.replace(link.split("/me/")[0], demo.url))
    assert archive.status == 200
    names = zipfile.ZipFile(io.BytesIO(archive.body())).namelist()
    assert any(name.endswith(".json") for name in names)
    screenshot(theirs, "alumni-mayor-my-data")

    # ... and asks for erasure, which a coordinator approves.
    theirs.check("input[name=confirm]")
    theirs.get_by_role("button", name="ขอลบข้อมูล").click()
    theirs.wait_for_load_state("networkidle")
    theirs.context.close()
    erasure = mayor.erasure_requests.get()
    log_in(page, demo.url, "coordinator@example.org")
    page.goto(f"{demo.url}/admin/personal-data/erasures/{erasure.pk}/")
    page.check("input[name=decision][value=approve]")
    page.fill("textarea[name=reason]", "ตามคำขอตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล")
    page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
    page.wait_for_load_state("networkidle")
    erasure.refresh_from_db()
    assert erasure.status == "erased"

    anyone = browser.new_context(viewport=PHONE, locale="th-TH").new_page()
    anyone.goto(f"{demo.url}/verify/{certificate.verification_id}/")
    expect(anyone.locator("body")).to_contain_text(certificate.holder_name_th)
    expect(anyone.locator("#not-genuine")).to_have_count(0)
    screenshot(anyone, "alumni-erased-certificate-verifies")
    log_in(anyone, demo.url, mayor.email)
    assert "/accounts/login/" in anyone.url  # cannot log in any more
    anyone.context.close()
    phone.goto(f"{demo.url}/directory/cohort-1/?q={mayor.first_name}")
    assert name not in phone.content()
    assert name not in _book(phone, demo.url, "alumni-book-erased")
