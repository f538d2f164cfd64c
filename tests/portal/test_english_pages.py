"""Issue 35, item 9: the English site's home and catalogue are in English, at the same addresses; the
Vietnamese site is unchanged; the page's title names the site once, in one language."""

import pytest

from portal.home.services import ensure_site

pytestmark = pytest.mark.django_db


def title_of(page):
    return page[page.index("<title>") + 7:page.index("</title>")]


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
