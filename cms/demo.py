"""Demo site: a Thai home page with its English translation, as the site root."""

import datetime as dt

from django.utils import timezone

from wagtail.models import Locale, Page, Site

from cms.demo_content import EVENTS, STANDARD_PAGES
from cms.demo_pages import (
    child_page,
    demo_image,
    locales,
    paragraphs,
    search_index_in_bulk,
    translate,
    translate_snippet,
)
from cms.models import EventsPage, FooterText, HomePage, NewsIndexPage, NewsPage, StandardPage
from cms.services import page_slugs_make_readable
from cms.site import site_address

HOME = {
    "th": dict(
        title="หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.)",
        intro=(
            "หลักสูตรสำหรับนายกเทศมนตรีและผู้บริหารท้องถิ่น เรียนรู้การพัฒนาเมืองบนฐานงานวิจัย "
            "ร่วมกับสันนิบาตเทศบาลแห่งประเทศไทยและมหาวิทยาลัยในพื้นที่"
        ),
        body=(
            "<p>พมส. พัฒนาผู้นำท้องถิ่นให้ใช้ข้อมูลและงานวิจัยขับเคลื่อนเมืองน่าอยู่ "
            "ตั้งเป้าอบรมองค์กรปกครองส่วนท้องถิ่นอย่างน้อย 300 แห่ง และบุคลากร 2,000 คน</p>"
        ),
    ),
    "en": dict(
        title="Senior Urban Developer Certificate Programme",
        intro=(
            "An executive programme for mayors and local government leaders: research-based "
            "urban development with the Municipal League of Thailand and partner universities."
        ),
        body=(
            "<p>The programme helps local leaders use data and research to build livable cities, "
            "aiming to reach at least 300 local governments and 2,000 people.</p>"
        ),
    ),
}


# date (ISO, or days before today so the demo's story stays current), slug, Thai title,
# English title, Thai intro, English intro (the dated ones from the seed articles). Three items:
# the news index's query count is pinned with three (tests/cms/test_public_page_queries.py).
NEWS = [
    (6, "cohort-3-intake-open",
     "เปิดรับสมัคร พมส. รุ่นที่ 3 นายกเทศมนตรีและผู้บริหารท้องถิ่นทั่วประเทศ", "Applications open for cohort 3: mayors and local executives nationwide",
     "เทศบาลและหน่วยงานเสนอชื่อผู้บริหารเข้าร่วมหลักสูตร พมส. รุ่นที่ 3 ได้แล้ววันนี้ผ่านหน้าเว็บไซต์", "Municipalities and agencies can now nominate their executives for cohort 3 on this site."),
    ("2022-12-12", "khon-kaen-bcg-visit",
     "พมส. รุ่นที่ 1 ยกทีมเยือนขอนแก่น ศึกษาดูงานอีสาน BCG", "Cohort 1 visits Khon Kaen for the Isan BCG study visit",
     "ผู้บริหารท้องถิ่นกว่า 50 คนร่วมเรียนรู้การพัฒนาเศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน ระหว่างวันที่ 8-10 ธันวาคม 2565", "More than 50 local leaders learnt about the green and circular economy on 8-10 December 2022."),
    ("2023-03-01", "research-network-mou",
     "ความร่วมมือส่งเสริมวิจัยด้านการพัฒนาเมืองและท้องถิ่น", "A partnership for research on urban and local development",
     "วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น ร่วมกับสันนิบาตเทศบาลฯ สร้างเครือข่ายความร่วมมือทางวิชาการ", "Khon Kaen University's College of Local Administration and the Municipal League build an academic network."),
]  # fmt: skip


def news_date(day: int | str) -> str:
    """An ISO date: as written, or `day` days before today (Bangkok)."""
    if isinstance(day, str):
        return day
    return (timezone.localdate() - dt.timedelta(days=day)).isoformat()


def _publish(page):
    page.save_revision().publish()


def seed(ctx) -> None:
    thai, _ = Locale.objects.get_or_create(language_code="th")
    home = HomePage.objects.filter(locale=thai).first()
    if home is None:
        # Wagtail's "Welcome" placeholder takes the slug "home": make way for the real page.
        Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
        home = HomePage(slug="home", locale=thai, **HOME["th"])
        Page.get_first_root_node().add_child(instance=home)
        _publish(home)
        hostname, port = site_address()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": "พมส."},
        )
    translate(home, HOME["en"])
    ctx.data["home"] = home
    _news(ctx, home)
    _standard_pages(home)
    _footer()
    # an installation seeded before Thai slugs kept their marks gets readable, redirected ones
    page_slugs_make_readable()
    ctx.say(
        "Site: home page, news, events, about, contact, privacy and footer in Thai and English."
    )


def _news(ctx, home) -> None:
    with search_index_in_bulk(NewsIndexPage, NewsPage):
        _news_pages(ctx, home)


def _news_pages(ctx, home) -> None:
    index = child_page(
        home, NewsIndexPage, "news", {"title": "ข่าวสาร", "intro": "ข่าวและกิจกรรมของหลักสูตร พมส."}
    )
    translate(
        index, {"title": "News", "intro": "News and activities of the programme.", "slug": "news"}
    )
    colours = ["#a1261b", "#0b5d7a", "#8a5a00"]
    for (day, slug, title_th, title_en, intro_th, intro_en), colour in zip(
        NEWS, colours, strict=True
    ):
        day = news_date(day)
        image = demo_image(f"news {slug}", colour, size=(960, 540), label=title_th)
        item = child_page(
            index, NewsPage, slug,
            {"title": title_th, "intro": intro_th, "date": day, "social_image": image,
             "body": paragraphs(f"<p>{intro_th}</p>")},
        )  # fmt: skip
        translate(item, {"title": title_en, "intro": intro_en, "slug": slug,
                         "body": paragraphs(f"<p>{intro_en}</p>")})  # fmt: skip
    ctx.data["news_index"] = index


def _standard_pages(home) -> None:
    with search_index_in_bulk(EventsPage, StandardPage):
        events = child_page(home, EventsPage, "events", EVENTS["th"])
        translate(events, EVENTS["en"])
        for slug, (title_th, intro_th, body_th), (title_en, intro_en, body_en) in STANDARD_PAGES:
            page = child_page(home, StandardPage, slug, {"title": title_th, "intro": intro_th,
                              "body": _body(body_th)})  # fmt: skip
            translate(page, {"title": title_en, "intro": intro_en, "slug": slug,
                             "body": _body(body_en)})  # fmt: skip


def _body(paragraph_texts: list[str]) -> str:
    return paragraphs("".join(f"<p>{text}</p>" for text in paragraph_texts))


def _footer() -> None:
    thai, _english = locales()
    footer = FooterText.objects.filter(locale=thai).first() or FooterText.objects.create(
        locale=thai,
        body="<p>หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.) · มูลนิธิส่งเสริมการปกครองท้องถิ่น "
        "ร่วมกับสมาคมสันนิบาตเทศบาลแห่งประเทศไทย</p>",
        contact_email="pms@example.org",
    )
    translate_snippet(footer, {"body": "<p>Senior Urban Developer certificate programme · Local "
                               "Government Promotion Foundation with the Municipal League of "
                               "Thailand</p>"})  # fmt: skip
