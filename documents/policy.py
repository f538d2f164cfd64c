"""Who may do what with an agency's documents. Every service checks through here; the views ask the
same questions to decide which buttons to show."""

from django.utils.translation import gettext_lazy as _

from government.exceptions import DomainError
from government.models import Role
from government.selectors import agency_of, role_of

DOCUMENT_ROLES = {Role.CLERK, Role.LEADER, Role.SPECIALIST, Role.ONE_STOP_OFFICER}


class NotAllowed(DomainError):
    default_message = _("Anh/chị không có quyền thực hiện thao tác này với văn bản.")


def works_with_documents(user):
    """Staff of an agency: each sees that agency's documents and no other's."""
    return role_of(user) in DOCUMENT_ROLES and agency_of(user) is not None


def is_clerk_of(user, agency):
    return role_of(user) == Role.CLERK and _same_agency(user, agency)


def is_leader_of(user, agency):
    return role_of(user) == Role.LEADER and _same_agency(user, agency)


def may_draft(user, agency):
    return role_of(user) in (Role.SPECIALIST, Role.LEADER) and _same_agency(user, agency)


def require(allowed, message=None):
    if not allowed:
        raise NotAllowed(message)


def _same_agency(user, agency):
    own = agency_of(user)
    return own is not None and agency is not None and own.pk == agency.pk
