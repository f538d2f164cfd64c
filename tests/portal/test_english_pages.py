"""Issue 35, item 9: the English site's home and catalogue are in English, at the same addresses; the
Vietnamese site is unchanged; the page's title names the site once, in one language."""

import pytest

from portal.home.services import ensure_site

pytestmark = pytest.mark.django_db


def title_of(page):
    return page[page.index("<title>") + 7 : page.index("</title>")]


def test_the_home_and_the_catalogue_read_in_the_readers_language(client, world):
    ensure_site()
    ensure_site()  # again: no second translation
    vi_home = client.get("/").content.decode()
    assert "<h1>Cổng dịch vụ công tỉnh Thái Nguyên</h1>" in vi_home and "tra cứu thủ tục hành chính" in vi_home
    client.get("/ngon-ngu/en/?next=/")
    en_home = client.get("/").content.decode()
    assert "<h1>Thái Nguyên Province Public Service Portal</h1>" in en_home
    assert "file a dossier online" in en_home and "Cổng dịch vụ công" not in title_of(en_home)
    for help_page in ('href="/huong-dan-nop-ho-so/"', 'href="/tra-cuu-va-nhan-ket-qua/"'):  # listed in both
        assert help_page in vi_home and help_page in en_home
    catalogue = client.get("/thu-tuc/").content.decode()
    assert "<h1>Administrative procedures</h1>" in catalogue and "by level, field and where to file" in catalogue
    assert title_of(catalogue) == "Administrative procedures — Thái Nguyên Province Public Service Portal"
    assert world.simple.name in catalogue  # procedure names stay as the catalogue has them


def test_an_editors_change_to_the_translation_stays(client, world):
    from wagtail.models import Locale

    from portal.home.models import HomePage

    home = ensure_site()
    english = home.get_translation(Locale.objects.get(language_code="en"))
    english.title = "Thai Nguyen e-services"
    english.save_revision().publish()
    ensure_site()
    client.get("/ngon-ngu/en/?next=/")
    assert "<h1>Thai Nguyen e-services</h1>" in client.get("/").content.decode()
    assert HomePage.objects.count() == 2


def test_news_and_help_read_in_the_readers_language_once_each(client, world):
    """Issue 35, item 9: the news and help pages stayed Vietnamese on the English site."""
    from portal.content.models import HelpPage, NewsPage

    ensure_site()
    ensure_site()
    assert NewsPage.objects.count() == 2 and HelpPage.objects.count() == 4  # one news item on this tree, each in two
    vi_home = client.get("/").content.decode()
    assert vi_home.count("xử lý hồ sơ hành chính hoàn toàn trên môi trường điện tử") == 1
    client.get("/ngon-ngu/en/?next=/")
    en_home = client.get("/").content.decode()
    assert "handles administrative dossiers fully electronically" in en_home
    assert "hoàn toàn trên môi trường điện tử" not in en_home  # the translation replaces, never doubles
    assert "How to file a dossier online" in en_home and "Hướng dẫn nộp hồ sơ" not in en_home
    news_url = "/tin-tuc/thai-nguyen-xu-ly-ho-so-tren-moi-truong-dien-tu/"
    assert f'href="{news_url}"' in en_home  # the same address in both languages
    news = client.get(news_url).content.decode()
    assert "9 district-level units and 177 communes" in news and title_of(news).startswith("Thái Nguyên handles")
    index = client.get("/tin-tuc/").content.decode()
    assert "<h1>News</h1>" in index and index.count("<article") == 1
    help_page = client.get("/huong-dan-nop-ho-so/").content.decode()
    assert "Register an account with your personal identification number" in help_page
    client.get("/ngon-ngu/vi/?next=/")
    assert "Đăng ký tài khoản bằng số định danh cá nhân" in client.get("/huong-dan-nop-ho-so/").content.decode()


def test_translating_a_child_first_leaves_its_parent_translatable(world):
    """copy_for_translation(copy_parents=True) makes the parent's translation an alias; translating
    the parent afterwards gives it its own words instead of raising on the alias."""
    from portal.content.models import HelpPage
    from portal.home.services import ensure_home_page
    from portal.home.translation import ensure_translation

    home = ensure_home_page()
    child = home.add_child(instance=HelpPage(title="Hỏi đáp", slug="hoi-dap", body="<p>…</p>"))
    ensure_translation(child, "en", title="Questions")
    english_home = ensure_translation(home, "en", title="Portal")
    assert (english_home.title, english_home.alias_of_id, english_home.live) == ("Portal", None, True)
