"""Page factories for the curriculum and site pages (wagtail_factories)."""

import factory
import wagtail_factories

from wagtail.models import Locale, Page, Site

from cms.models import HomePage, NewsIndexPage, NewsPage
from curriculum.models import (
    CourseModulePage,
    Facilitator,
    ProgrammePage,
    ResearchIndexPage,
    ResearchProjectPage,
    ResearchThemePage,
    SiteVisitPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "หน้าแรก พมส."
    slug = "home"
    intro = "หลักสูตรนักพัฒนาเมืองระดับสูง"


class ProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgrammePage

    title = "หลักสูตร พมส."
    slug = "programme"
    intro = "หลักสูตรสำหรับนายกเทศมนตรี"


class CourseModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseModulePage

    title = factory.Sequence(lambda n: f"ชุดวิชาที่ {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    code = factory.Sequence(lambda n: f"พมส. {100 + n}")
    hours = 12
    intro = "ชุดวิชาเกี่ยวกับการพัฒนาเมือง"


class SiteVisitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SiteVisitPage

    title = factory.Sequence(lambda n: f"ศึกษาดูงานที่ {n}")
    slug = factory.Sequence(lambda n: f"visit-{n}")
    intro = "ศึกษาดูงานเมืองต้นแบบ"


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResearchIndexPage

    title = "ผลงานวิจัย"
    slug = "research"


class ResearchThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResearchThemePage

    title = "เศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน"
    slug = factory.Sequence(lambda n: f"theme-{n}")
    theme = "green-circular-economy"


class ResearchProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResearchProjectPage

    title = factory.Sequence(lambda n: f"โครงการวิจัย {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    municipality = "เทศบาลตำบลลำพญา"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "ข่าวสาร"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"ข่าวที่ {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")


class FacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facilitator

    title_prefix = "รศ.ดร."
    name = factory.Sequence(lambda n: f"วิทยากร ทดสอบ{n}")
    position = "อาจารย์"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="th"))


def publish(page):
    page.save_revision().publish()
    return page


def translate(page, **fields):
    """Publish the page's English translation with `fields` set."""
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def build_site() -> dict:
    """A Thai home page as the default site's root, with its English translation."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root, locale=Locale.objects.get(language_code="th"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    home_en = translate(home, title="Senior Urban Developer home", intro="For mayors")
    programme = ProgrammePageFactory(parent=home)
    programme_en = translate(programme, title="The programme", intro="For mayors and executives")
    return {"home": home, "home_en": home_en, "programme": programme, "programme_en": programme_en}
