import pytest

from curriculum.models import ModuleFacilitator
from tests.curriculum.factories import (
    CourseModulePageFactory,
    FacilitatorFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    publish,
    translate,
)
from tests.factories import CohortFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(site_tree):
    page = CourseModulePageFactory(
        parent=site_tree["programme"],
        title="เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน",
        slug="bcg",
        code="พมส. 105",
        hours=18,
        learning_outcomes=[("outcome", "อธิบาย BCG Model ได้")],
    )
    person = FacilitatorFactory(name="ศุภวัฒนากร วงศ์ธนวสุ", position="ผู้อำนวยการฝ่าย")
    page.module_facilitators = [ModuleFacilitator(facilitator=person)]
    publish(page)
    return page


def _sessions(module, count):
    for number in range(count):
        cohort = CohortFactory()
        SessionFactory(
            cohort=cohort,
            module=module,
            number=number + 1,
            title_th=f"ครั้งที่ {number + 1} เศรษฐกิจหมุนเวียน",
            title_en=f"Session {number + 1}: circular economy",
        )


def test_a_module_page_shows_its_code_hours_outcomes_and_facilitators(client, module):
    html = client.get(module.url).content.decode()
    assert "พมส. 105" in html and "18" in html
    assert "อธิบาย BCG Model ได้" in html
    assert "รศ.ดร.ศุภวัฒนากร วงศ์ธนวสุ" in html


def test_a_module_page_lists_the_sessions_of_every_cohort_that_teach_it(client, module):
    first, second = CohortFactory(title_th="พมส. รุ่นที่ 7"), CohortFactory(title_th="พมส. รุ่นที่ 8")
    SessionFactory(cohort=first, module=module, title_th="ครั้งที่หก ขอนแก่น")
    SessionFactory(cohort=second, module=module, title_th="ครั้งที่สาม ขอนแก่น")
    SessionFactory(cohort=second, title_th="วิชาอื่น")
    html = client.get(module.url).content.decode()
    assert "พมส. รุ่นที่ 7" in html and "พมส. รุ่นที่ 8" in html
    assert "ครั้งที่หก ขอนแก่น" in html and "ครั้งที่สาม ขอนแก่น" in html
    assert "วิชาอื่น" not in html


def test_the_english_module_page_shows_the_sessions_linked_to_the_thai_page(client, module):
    SessionFactory(module=module, title_th="ชื่อไทย", title_en="Circular economy day")
    english = translate(module, title="BCG and the circular economy")
    html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    assert "BCG and the circular economy" in html
    assert "Circular economy day" in html


def test_the_english_module_page_shows_the_facilitators_english_translation(client, module):
    person = module.module_facilitators.get().facilitator
    person_en = person.copy_for_translation(_en())
    person_en.name = "Supawatanakorn Wongthanavasu"
    person_en.title_prefix = "Assoc. Prof. Dr. "
    person_en.save()
    english = translate(module, title="BCG")
    html = client.get(english.url).content.decode()
    assert "Assoc. Prof. Dr. Supawatanakorn Wongthanavasu" in html


def _en():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_a_module_page_links_its_research_themes_in_the_visitors_language(
    client, site_tree, module
):
    index = ResearchIndexPageFactory(parent=site_tree["home"])
    theme = ResearchThemePageFactory(parent=index, title="เศรษฐกิจหมุนเวียน")
    module.related_themes = [theme]
    publish(module)
    assert "เศรษฐกิจหมุนเวียน" in client.get(module.url).content.decode()


def test_a_module_page_costs_the_same_queries_with_two_or_twenty_sessions(
    client, module, django_assert_max_num_queries
):
    _sessions(module, 2)
    client.get(module.url)  # warm caches (site root paths, renditions)
    with django_assert_max_num_queries(20) as few:
        client.get(module.url)
    _sessions(module, 18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(module.url)
    assert response.content.decode().count("circular economy") == 0  # Thai page shows Thai titles
    assert response.content.decode().count("เศรษฐกิจหมุนเวียน") >= 20
