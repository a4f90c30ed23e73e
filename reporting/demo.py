"""Demo reporting: a programme observer account, the impact page in Thai and English,
and its first figures (the periodic job counts them again every hour)."""

from accounts.demo import ensure_person
from cms.demo_pages import child_page, translate
from reporting.impact import impact_figures, impact_refresh
from reporting.models import ImpactPage, ImpactSnapshot
from reporting.roles import OBSERVER

OBSERVER_EMAIL = "observer@example.org"

INTRO_TH = (
    "หลักสูตร พมส. มุ่งพัฒนาผู้บริหารและบุคลากรขององค์กรปกครองส่วนท้องถิ่นอย่างน้อย 300 แห่ง "
    "รวม 2,000 คน ตัวเลขในหน้านี้เป็นจำนวนรวมที่นับใหม่ทุกชั่วโมง ไม่มีข้อมูลส่วนบุคคลของผู้ใด"
)
INTRO_EN = (
    "The programme aims to train executives and staff of at least 300 local governments, "
    "2,000 people in all. The figures on this page are totals counted every hour; they hold "
    "no one's personal data."
)


def seed(ctx) -> None:
    organisations = ctx.data.get("organisations") or [None]
    ensure_person(
        ctx, OBSERVER_EMAIL, role=OBSERVER, title_prefix="นาง", title_prefix_en="Mrs",
        first_name="วิไลวรรณ", last_name="ทองดี", first_name_en="Wilaiwan",
        last_name_en="Thongdee", position="เจ้าหน้าที่ติดตามโครงการ (บพท.)",
        organisation=organisations[-1],
    )  # fmt: skip
    home = ctx.data["home"]
    page = child_page(home, ImpactPage, "impact", {"title": "ผลลัพธ์ของหลักสูตร", "intro": INTRO_TH})
    translate(page, {"title": "Programme impact", "intro": INTRO_EN})
    latest = ImpactSnapshot.objects.order_by("-computed_at").first()
    if latest is None or latest.figures != impact_figures():  # idempotent: same data, no row
        impact_refresh()
    ctx.say(f"Reporting: observer {OBSERVER_EMAIL}, the impact page and its figures.")
