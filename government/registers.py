"""The body's outgoing register (Decree 30/2020, appendix IV) as the other systems see it: a paper they
make (a meeting's minutes or invitation) takes the next number there and gets its line. The documents
system keeps the register and provides the implementation when it starts (documents/apps.py); this
port lets the meetings system number its papers while building on the shared base only (decision 0018)."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from government.exceptions import DomainError

_issue = None


class UnknownDocumentType(DomainError):
    default_message = _("Chưa có loại văn bản này để ban hành; hãy báo quản trị.")


def provide(issue):
    global _issue
    _issue = issue


def register_issued(agency, type_name, *, excerpt, drafted_by, signer, at):
    """The register's line (with its `symbol`, "05/BB-HĐND") for a paper of `type_name`; call it inside
    the transaction that keeps the paper, so that a rolled-back paper gives its number back."""
    if _issue is None:
        raise ImproperlyConfigured("The documents app keeps the registers: add it to INSTALLED_APPS.")
    return _issue(agency, type_name, excerpt=excerpt, drafted_by=drafted_by, signer=signer, at=at)
