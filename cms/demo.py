"""Demo site: a Thai home page with its English translation, as the site root."""

from wagtail.models import Locale, Page, Site

from cms.models import HomePage

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


def _publish(page):
    page.save_revision().publish()


def seed(ctx) -> None:
    thai, _ = Locale.objects.get_or_create(language_code="th")
    english, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=thai).first()
    if home is None:
        # Wagtail's "Welcome" placeholder takes the slug "home": make way for the real page.
        Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
        home = HomePage(slug="home", locale=thai, **HOME["th"])
        Page.get_first_root_node().add_child(instance=home)
        _publish(home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home,
                      "site_name": "พมส."},
        )  # fmt: skip
    if not home.has_translation(english):
        translation = home.copy_for_translation(english)
        for field, value in HOME["en"].items():
            setattr(translation, field, value)
        _publish(translation)
    ctx.data["home"] = home
    ctx.say("Site: home page in Thai and English.")
