"""A learner checks in from a phone with the projector's link; the coordinator's grid updates."""

import re

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from attendance.days import session_days
from cohorts.models import Session
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_learner_checks_in_on_a_phone_and_the_coordinator_sees_it(phone, page, demo):
    session = Session.objects.filter(cohort__slug="cohort-2").order_by("-number").first()
    start = timezone.now() - timezone.timedelta(minutes=2)
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timezone.timedelta(hours=3)
    )
    day = session_days(Session.objects.get(pk=session.pk))[0]

    log_in(page, demo.url, "coordinator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/?day={day.isoformat()}")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/projector/")
    link = page.locator("[data-check-in-url]").get_attribute("data-check-in-url")
    screenshot(page, "attendance-projector")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/?day={day.isoformat()}")

    phone.goto(link)
    expect(phone).to_have_url(re.compile(r"/accounts/login/"))
    phone.fill("input[name=login]", "learner@example.org")
    phone.fill("input[name=password]", "pms-demo-2565")
    phone.locator("form button[type=submit]").last.click()
    phone.get_by_role("button", name="ยืนยันการลงชื่อเข้าร่วม").click()
    expect(phone.locator("h1")).to_contain_text("ลงชื่อเข้าร่วมเรียบร้อยแล้ว")
    screenshot(phone, "attendance-checked-in-phone")

    from cohorts.models import Enrolment

    enrolment = Enrolment.objects.get(user__email="learner@example.org", cohort=session.cohort)
    row = page.locator(f"#row-{enrolment.pk}")
    expect(row).to_have_attribute("data-status", "present", timeout=15000)
    expect(row.locator('button[data-status="present"]')).to_have_attribute("aria-pressed", "true")
    screenshot(page, "attendance-grid-updated")


def test_a_facilitator_marks_a_row_after_another_by_keyboard_on_the_thai_layout(page, demo):
    """Physical keys: with the Thai layout P types "ย", L "ส", E "ำ"; the focus stays in the
    grid after each row is replaced, and a Thai reason is kept as typed (not %E0%B8...)."""
    from django.urls import reverse

    from accounts.models import User
    from attendance.models import AttendanceRecord

    session = Session.objects.filter(cohort__slug="cohort-2").order_by("-number").first()
    start = timezone.now() - timezone.timedelta(minutes=2)
    Session.objects.filter(pk=session.pk).update(
        starts_at=start, ends_at=start + timezone.timedelta(hours=3)
    )
    session.refresh_from_db()
    day = session_days(session)[0]
    AttendanceRecord.objects.filter(session=session).delete()
    session.facilitators.add(User.objects.get(email="facilitator@example.org"))

    log_in(page, demo.url, "facilitator@example.org", next_url="/admin/")
    page.goto(f"{demo.url}/admin/attendance/session/{session.pk}/?day={day.isoformat()}")
    rows = page.locator("tr.att-row")
    first_id, second_id, third_id, *ahead = (
        rows.nth(n).get_attribute("data-enrolment") for n in range(6)
    )
    reason = "ไปราชการที่จังหวัด ๑๐๐%"
    page.on("dialog", lambda dialog: dialog.accept(reason))

    def thai_key(code: str, key: str):
        page.evaluate(
            """([code, key]) => document.activeElement.dispatchEvent(
                new KeyboardEvent("keydown", {code, key, bubbles: true, cancelable: true}))""",
            [code, key],
        )

    rows.nth(0).locator('button[data-status="present"]').focus()
    thai_key("KeyP", "ย")
    first = page.locator(f"#row-{first_id}")
    expect(first).to_have_attribute("data-status", "present")
    expect(first.locator('button[data-status="present"]')).to_be_focused()
    page.keyboard.press("ArrowDown")
    thai_key("KeyL", "ส")
    expect(page.locator(f"#row-{second_id}")).to_have_attribute("data-status", "late")
    page.keyboard.press("ArrowDown")
    thai_key("KeyE", "ำ")
    third = page.locator(f"#row-{third_id}")
    expect(third).to_have_attribute("data-status", "excused")
    expect(third.locator('button[data-status="excused"]')).to_be_focused()

    # Typing ahead: P, ArrowDown, L, ArrowDown, A without waiting for the answers. A row's
    # answer must not pull the focus back to it once the facilitator moved on (it did, after
    # htmx's settle delay, and the next key marked the row above).
    for key in [("KeyP", "ย"), ("KeyL", "ส"), ("KeyA", "ฟ")]:
        page.keyboard.press("ArrowDown")
        thai_key(*key)
    for enrolment, status in zip(ahead, ["present", "late", "absent"], strict=True):
        expect(page.locator(f"#row-{enrolment}")).to_have_attribute("data-status", status)
    expect(page.locator(f"#row-{ahead[2]}").locator(".att-btn.is-current")).to_be_focused()
    expect(page.locator("#att-marked")).to_have_text("6")  # read again soon after a mark
    screenshot(page, "attendance-grid-keyboard-thai")

    record = AttendanceRecord.objects.get(session=session, enrolment_id=third_id)
    assert record.excuse_reason == reason
    statuses = dict(
        AttendanceRecord.objects.filter(session=session).values_list("enrolment_id", "status")
    )
    assert statuses == {
        int(first_id): "present",
        int(second_id): "late",
        int(third_id): "excused",
        int(ahead[0]): "present",
        int(ahead[1]): "late",
        int(ahead[2]): "absent",
    }
    page.goto(demo.url + reverse("attendance_admin:record", args=[record.pk]))
    expect(page.locator("body")).to_contain_text(reason)
    screenshot(page, "attendance-record-thai-reason")
