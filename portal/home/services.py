from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage

INTRO = (
    "<p>Cổng dịch vụ công của tỉnh: tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến, "
    "theo dõi tiến độ giải quyết và nhận kết quả.</p>"
)


@transaction.atomic
def ensure_home_page():
    """Make the portal's HomePage the default site's root, replacing Wagtail's placeholder once."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Cổng dịch vụ công tỉnh Thái Nguyên", slug="trang-chu", intro=INTRO))
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
    from portal.catalog.services import ensure_catalog_index, sync_procedure_pages
    from portal.content.services import ensure_demo_content

    home = ensure_home_page()
    sync_procedure_pages(ensure_catalog_index(home))
    ensure_demo_content(home)
    name_editorial_roles_in_vietnamese()
    return home


# Wagtail's migrations create these as data, in English: editors read them in the admin.
EDITORIAL_NAMES = {"Moderators approval": "Duyệt của biên tập viên trưởng", "Moderators": "Biên tập viên trưởng",
                   "Editors": "Biên tập viên"}


def name_editorial_roles_in_vietnamese():
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    for model in (Task, Workflow, Group):
        for english, vietnamese in EDITORIAL_NAMES.items():
            model.objects.filter(name=english).update(name=vietnamese)
