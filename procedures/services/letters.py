"""Forms 04 and 05 of the 2025 set are letters of the agency (Circular 03/2025, appendix I): each takes
the next number of the agency's outgoing register, and the register keeps a line for it, so the
register runs without gaps and the letter can be found there (DOMAIN.md §10)."""

from django.utils.translation import gettext as _

from documents.services.outgoing import register_issued
from government.models import Authority, Role, StaffRole
from government.registers import UnknownDocumentType
from procedures.exceptions import TransitionNotAllowed

# Form → the type it is issued as: the apology is a công văn, the stop a thông báo.
LETTER_TYPES = {"issue_apology": "Công văn", "stop": "Thông báo"}


def register_letter(dossier, action, agency, actor, at):
    """The letter's line in `agency`'s outgoing register; call inside the transaction that logs the
    event. Returns {"letter_symbol", "letter_document"} for the event's data."""
    excerpt = (
        _("V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ %(code)s")
        if action == "issue_apology"
        else _("Thông báo dừng giải quyết hồ sơ %(code)s")
    ) % {"code": dossier.code}
    try:
        document = register_issued(
            agency, LETTER_TYPES[action], excerpt=excerpt, drafted_by=actor, signer=signer_for(agency, actor), at=at
        )
    except UnknownDocumentType as error:
        raise TransitionNotAllowed(error.message) from None
    return {"letter_symbol": document.symbol, "letter_document": document.pk}


def signer_for(agency, actor):
    """Who signs the agency's letter: its head, else a leader of it, else the person who issued it."""
    leaders = StaffRole.objects.filter(agency=agency, role=Role.LEADER).select_related("user").order_by("pk")
    head = next((s for s in leaders if s.authority == Authority.HEAD), None) or leaders.first()
    return head.user if head else actor
