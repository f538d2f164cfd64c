from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from government.models import Role
from government.selectors import role_of
from reorganisation.selectors import running_plan

register = template.Library()

ALL_STAFF = {Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.PROVINCE_MONITOR, Role.ADMINISTRATOR}
# Each entry of the back-office menu and the roles it works for: nobody is shown a door that is locked.
MENU = [
    ("backoffice:queue", _("Hồ sơ cần xử lý"), ALL_STAFF),
    ("backoffice:search", _("Tìm hồ sơ"), ALL_STAFF),
    ("backoffice:intake_choose", _("Tiếp nhận tại quầy"), {Role.ONE_STOP_OFFICER}),
    ("backoffice:register", _("Sổ theo dõi hồ sơ"), {Role.ONE_STOP_OFFICER, Role.LEADER}),
    ("backoffice:dashboard", _("Theo dõi, đánh giá"), {Role.LEADER, Role.PROVINCE_MONITOR, Role.ADMINISTRATOR}),
    ("documents:incoming", _("Văn bản đến"), {Role.CLERK, Role.LEADER, Role.SPECIALIST, Role.ONE_STOP_OFFICER}),
    ("documents:outgoing", _("Văn bản đi"), {Role.CLERK, Role.LEADER, Role.SPECIALIST}),
    ("meetings:list", _("Kỳ họp"), {Role.MEETING_SECRETARY}),
    ("backoffice:staff", _("Cán bộ của cơ quan"), {Role.LEADER}),
    ("backoffice:connections", _("Kết nối"), {Role.ADMINISTRATOR}),
]


@register.simple_tag(takes_context=True)
def backoffice_menu(context):
    """[(url, label, is_current)] for the signed-in staff member's role."""
    request = context.get("request")
    role = role_of(request.user) if request else None
    path = request.path if request else ""
    items = []
    for name, label, roles in MENU:
        if role in roles:
            url = reverse(name)
            items.append((url, label, path == url or (url != reverse("backoffice:queue") and path.startswith(url))))
    return items


@register.simple_tag
def reorganisation_in_progress():
    """The plan being applied, if any: officers are told why a dossier may be on its way elsewhere."""
    return running_plan()


@register.simple_tag
def call_link(link, measure, by="", key=""):
    """The address of the dossiers behind a count: `link` is the page's reporting.tables.Linker."""
    return link(measure, by, key)
