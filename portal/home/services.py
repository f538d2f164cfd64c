from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site, Task, Workflow

from portal.catalog.services import ensure_catalog_index, sync_procedure_pages
from portal.content.services import ensure_demo_content

from .models import HomePage
from .translation import default_locale_pages, ensure_translation

INTRO = (
    "<p>Cổng dịch vụ công của tỉnh: tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến, "
    "theo dõi tiến độ giải quyết và nhận kết quả.</p>"
)


INTRO_EN = (
    "<p>The province's public service portal: find an administrative procedure, file a dossier online, "
    "follow its progress and receive the result.</p>"
)
CATALOG_INTRO_EN = "<p>Find administrative procedures by level, field and where to file.</p>"


@transaction.atomic
def ensure_home_page():
    """Make the portal's HomePage the default site's root, replacing Wagtail's placeholder once."""
    home = default_locale_pages(HomePage).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Cổng dịch vụ công tỉnh Thái Nguyên", slug="trang-chu", intro=INTRO)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Một cửa")
    elif site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.save()
        if placeholder.specific_class is Page and placeholder.pk != home.pk:
            placeholder.delete()
    return home


def ensure_site():
    """The whole portal tree: home, the catalog with a page per procedure, news and help pages."""

    home = ensure_home_page()
    index = ensure_catalog_index(home)
    sync_procedure_pages(index)
    # The English site's own words; editors translate the rest in the admin ("Dịch" on a page).
    ensure_translation(home, "en", title="Thái Nguyên Province Public Service Portal", intro=INTRO_EN)
    ensure_translation(index, "en", title="Administrative procedures", intro=CATALOG_INTRO_EN)
    ensure_demo_content(home)
    name_editorial_roles_in_vietnamese()
    return home


# Wagtail's migrations create these as data, in English: editors read them in the admin.
EDITORIAL_NAMES = {
    "Moderators approval": "Duyệt của biên tập viên trưởng",
    "Moderators": "Biên tập viên trưởng",
    "Editors": "Biên tập viên",
}


def name_editorial_roles_in_vietnamese():
    for model in (Task, Workflow, Group):
        for english, vietnamese in EDITORIAL_NAMES.items():
            model.objects.filter(name=english).update(name=vietnamese)
