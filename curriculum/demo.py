"""Demo curriculum: the programme, 9 course modules, 3 site visits and the research
showcase (7 themes, 12 projects), each in Thai with an English translation.

Runs after cms.demo (the home page) and before cohorts.demo; cohorts.demo_links
ties the cohorts' sessions to these pages once they exist.
"""

from accounts.models import Organisation, Province
from cms.demo_pages import (
    child_page,
    demo_image,
    locales,
    paragraphs,
    publish,
    search_index_in_bulk,
    stream,
    translate,
    translate_snippet,
)
from cms.models import EventsPage, MenuItem
from curriculum import demo_content as content
from curriculum.models import (
    CourseModulePage,
    Facilitator,
    ModuleFacilitator,
    Partner,
    ProgrammePage,
    ProgrammePartner,
    ResearchIndexPage,
    ResearchProjectPage,
    ResearchThemePage,
    SiteVisitPage,
)

THEME_COLOURS = ["#0b5d7a", "#17663a", "#4a5563", "#a1261b", "#8a5a00", "#2f6b2f", "#5b3f8c"]


PAGE_MODELS = (ProgrammePage, CourseModulePage, SiteVisitPage, ResearchIndexPage,
               ResearchThemePage, ResearchProjectPage)  # fmt: skip


def seed(ctx) -> None:
    with search_index_in_bulk(*PAGE_MODELS, Facilitator):
        _seed(ctx)
    ctx.say("Curriculum: programme, 9 modules, 3 site visits, 7 research themes, 12 projects.")


def _seed(ctx) -> None:
    home = ctx.data["home"]
    partners = _partners()
    programme = _programme(home, partners)
    themes = _research(home)
    facilitators = _facilitators()
    ctx.data["modules"] = _modules(programme, facilitators, themes)
    ctx.data["site_visits"] = visits = _site_visits(programme)
    _home_links(home, programme, visits["khon-kaen-bcg"])
    _menu(home, programme, ctx.data.get("news_index"))
    ctx.data["programme"] = programme


def _partners() -> list[Partner]:
    thai, _ = locales()
    partners = []
    for name_th, name_en, role_th, role_en, colour in content.PARTNERS:
        partner = Partner.objects.filter(locale=thai, name=name_th).first()
        if partner is None:
            logo = demo_image(f"logo {name_en}", colour, size=(480, 240), label=name_th)
            partner = Partner.objects.create(locale=thai, name=name_th, role=role_th, logo=logo)
        translate_snippet(partner, {"name": name_en, "role": role_en})
        partners.append(partner)
    return partners


def _programme(home, partners) -> ProgrammePage:
    th, en = content.PROGRAMME["th"], content.PROGRAMME["en"]
    page = ProgrammePage.objects.child_of(home).first()
    if page is None:
        page = ProgrammePage(
            slug=content.PROGRAMME["slug"], locale=home.locale, **_programme_fields(th),
            social_image=demo_image("programme", "#0b5d7a", label="หลักสูตรนักพัฒนาเมืองระดับสูง"),
        )  # fmt: skip
        page.partners = [ProgrammePartner(partner=partner) for partner in partners]
        home.add_child(instance=page)
        publish(page)
    translate(page, _programme_fields(en))
    return page


def _programme_fields(data: dict) -> dict:
    return dict(title=data["title"], intro=data["intro"], body=paragraphs(data["body"]),
                objectives=stream("outcome", data["objectives"]), audience=data["audience"])  # fmt: skip


def _facilitators() -> dict[str, Facilitator]:
    thai, _ = locales()
    people = {}
    for key, prefix, name, position, prefix_en, name_en, position_en in content.FACILITATORS:
        person = Facilitator.objects.filter(locale=thai, name=name).first()
        if person is None:
            photo = demo_image(f"facilitator {name_en}", "#4a5563", size=(300, 300))
            person = Facilitator.objects.create(
                locale=thai, title_prefix=prefix, name=name, position=position, photo=photo
            )
        translate_snippet(
            person, {"title_prefix": prefix_en + " ", "name": name_en, "position": position_en}
        )
        people[key] = person
    return people


def _modules(programme, facilitators, themes) -> dict[str, CourseModulePage]:
    modules = {}
    for slug, code, hours, fmt, people, theme_codes, th, en in content.MODULES:
        page = CourseModulePage.objects.child_of(programme).filter(slug=slug).first()
        if page is None:
            page = CourseModulePage(
                slug=slug, locale=programme.locale, code=code, hours=hours, format=fmt,
                **_module_fields(th),
            )  # fmt: skip
            page.module_facilitators = [
                ModuleFacilitator(facilitator=facilitators[key]) for key in people
            ]
            page.related_themes = [themes[code] for code in theme_codes]
            programme.add_child(instance=page)
            publish(page)
        translate(page, _module_fields(en))
        modules[slug] = page
    return modules


def _module_fields(data) -> dict:
    title, intro, outcomes = data
    readings = [{"title": "BCG Model: เศรษฐกิจชีวภาพ เศรษฐกิจหมุนเวียน เศรษฐกิจสีเขียว",
                 "author": "สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ", "url": "https://www.bcg.in.th/",
                 "document": None}]  # fmt: skip
    return dict(title=title, intro=intro, learning_outcomes=stream("outcome", outcomes),
                body=paragraphs(f"<p>{intro}</p>"), readings=stream("reading", readings))  # fmt: skip


def _site_visits(programme) -> dict[str, SiteVisitPage]:
    provinces = {p.code: p for p in Province.objects.all()}
    visits = {}
    for index, (slug, code, lat, lon, th, en) in enumerate(content.SITE_VISITS):
        page = SiteVisitPage.objects.child_of(programme).filter(slug=slug).first()
        if page is None:
            image = demo_image(
                f"site visit {slug}", THEME_COLOURS[index * 2], size=(960, 540), label=th["title"]
            )
            gallery = [
                {"image": demo_image(f"gallery {n}", colour, size=(640, 480)).pk,
                 "alt_text": f"{th['title']} ภาพที่ {n}", "caption": ""}
                for n, colour in enumerate(("#17663a", "#8a5a00", "#0b5d7a"), 1)
            ]  # fmt: skip
            page = SiteVisitPage(
                slug=slug, locale=programme.locale, province=provinces[code], latitude=lat,
                longitude=lon, social_image=image, gallery=stream("image", gallery),
                **_visit_fields(th, "th" if slug == "khon-kaen-bcg" else None),
            )  # fmt: skip
            programme.add_child(instance=page)
            publish(page)
        translate(page, _visit_fields(en, "en" if slug == "khon-kaen-bcg" else None))
        visits[slug] = page
    return visits


def _visit_fields(data: dict, agenda_language: str | None) -> dict:
    hosts = [{"name": name, "description": text, "url": ""} for name, text in data["hosts"]]
    fields = dict(
        title=data["title"], intro=data["intro"], address=data["address"],
        hosts=stream("host", hosts), themes=stream("theme", data["themes"]),
        questions=stream("question", data["questions"]), body=paragraphs(data["body"]),
    )  # fmt: skip
    if agenda_language:
        fields["agenda"] = stream("day", _agenda(agenda_language))
    return fields


def _agenda(language: str) -> list[dict]:
    thai = language == "th"
    return [
        {"date": day, "title": title_th if thai else title_en,
         "items": [{"starts_at": f"{start}:00", "ends_at": f"{end}:00",
                    "title": item_th if thai else item_en,
                    "place": place_th if thai else place_en}
                   for start, end, item_th, item_en, place_th, place_en in items]}
        for day, title_th, title_en, items in content.KHON_KAEN_AGENDA
    ]  # fmt: skip


def _research(home) -> dict[str, ResearchThemePage]:
    index = child_page(
        home, ResearchIndexPage, "research",
        {"title": "ผลงานวิจัยของเทศบาล", "intro": "งานวิจัยเพื่อพัฒนาเมืองของเทศบาลในหลักสูตร พมส. แยกตามประเด็น"},
    )  # fmt: skip
    translate(index, {"title": "Municipal research", "intro": "The municipalities' urban "
                      "development research in the programme, by theme."})  # fmt: skip
    themes = {}
    for position, (code, (title_th, title_en, intro_th, intro_en)) in enumerate(
        content.THEMES.items()
    ):
        image = demo_image(
            f"theme {code}", THEME_COLOURS[position], size=(640, 360), label=title_th
        )
        page = ResearchThemePage.objects.child_of(index).filter(theme=code).first() or child_page(
            index, ResearchThemePage, code,
            {"title": title_th, "intro": intro_th, "theme": code, "social_image": image},
        )  # fmt: skip
        translate(page, {"title": title_en, "intro": intro_en})
        themes[code] = page
    _projects(themes)
    return themes


def _projects(themes) -> None:
    provinces = {p.code: p for p in Province.objects.all()}
    organisations = {o.name_th: o for o in Organisation.objects.all()}
    for theme, slug, (
        town_th,
        town_en,
    ), code, title_th, title_en, summary_th, summary_en in content.PROJECTS:
        page = child_page(
            themes[theme], ResearchProjectPage, slug,
            {"title": title_th, "intro": summary_th, "municipality": town_th,
             "organisation": organisations.get(town_th), "province": provinces[code],
             "summary": f"<p>{summary_th}</p>", "team": f"นายก{town_th}\nนักวิจัยประจำโครงการ",
             "outputs": stream("output", [{"title": "รายงานวิจัยฉบับสมบูรณ์", "description": summary_th, "url": ""}])},
        )  # fmt: skip
        translate(page, {"title": title_en, "intro": summary_en, "municipality": town_en,
                         "summary": f"<p>{summary_en}</p>",
                         "team": f"Mayor of {town_en}\nProject researcher",
                         "outputs": stream("output", [{"title": "Final research report",
                                                       "description": summary_en, "url": ""}])})  # fmt: skip


def _home_links(home, programme, visit) -> None:
    """Point the home page's button at the programme and feature the Khon Kaen visit."""
    _thai, english = locales()
    for page, text in (
        (home, "อ่านเกี่ยวกับหลักสูตร"),
        (home.get_translation_or_none(english), "About the programme"),
    ):
        if page is None or page.featured_site_visit_id:
            continue
        page.featured_site_visit = visit.get_translation_or_none(page.locale) or visit
        page.hero_link_page = programme.get_translation_or_none(page.locale) or programme
        page.hero_link_text = text
        page.social_image = demo_image("home", "#0b5d7a", size=(1200, 500), label="พมส.")
        publish(page)


def _menu(home, programme, news_index) -> None:
    thai, _english = locales()
    if MenuItem.objects.filter(locale=thai).exists():
        return
    research = ResearchIndexPage.objects.child_of(home).first()
    events = EventsPage.objects.child_of(home).first()
    links = [("หลักสูตร", "Programme", programme, ""), ("ผลงานวิจัย", "Research", research, ""),
             ("กิจกรรม", "Events", events, ""), ("ข่าวสาร", "News", news_index, ""),
             ("ค้นหา", "Search", None, "/search/")]  # fmt: skip
    for order, (label_th, label_en, page, url) in enumerate(links):
        if page is None and not url:
            continue
        item = MenuItem.objects.create(
            locale=thai, label=label_th, page=page, url=url, sort_order=order
        )
        translate_snippet(item, {"label": label_en, "url": "/en/search/" if url else ""})
