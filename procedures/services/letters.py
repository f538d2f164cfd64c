"""Forms 04 and 05 of the 2025 set are letters of the agency (Circular 03/2025, appendix I): each takes
the next number of the agency's outgoing register, and the register keeps a line for it, so the
register runs without gaps and the letter can be found there (DOMAIN.md §10)."""

from django.utils.translation import gettext as _

from documents.models import DocumentType, OutgoingDocument, OutgoingState
from documents.services.outgoing import symbol_of
from documents.services.registers import take_number
from government.calendar import LOCAL_TZ
from government.models import Authority, Role, StaffRole
from procedures.exceptions import TransitionNotAllowed

# Form → the type it is issued as: the apology is a công văn, the stop a thông báo.
LETTER_TYPES = {"issue_apology": "Công văn", "stop": "Thông báo"}


def register_letter(dossier, action, agency, actor, at):
    """The letter's line in `agency`'s outgoing register; call inside the transaction that logs the
    event. Returns {"letter_symbol", "letter_document"} for the event's data."""
    document_type = DocumentType.objects.filter(name=LETTER_TYPES[action]).first()
    if document_type is None:
        raise TransitionNotAllowed(_("Chưa có loại văn bản “%(type)s” để ban hành phiếu; hãy báo quản trị.")
                                   % {"type": LETTER_TYPES[action]})
    excerpt = (_("V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ %(code)s") if action == "issue_apology"
               else _("Thông báo dừng giải quyết hồ sơ %(code)s")) % {"code": dossier.code}
    number = take_number(agency, "outgoing", at)
    document = OutgoingDocument(agency=agency, document_type=document_type, excerpt=excerpt, drafted_by=actor,
                                signer=signer_for(agency, actor), state=OutgoingState.ISSUED, year=number.year,
                                number=number.number, issued_on=at.astimezone(LOCAL_TZ).date(), issued_at=at,
                                issued_by=actor)
    document.symbol = symbol_of(document, number)
    document.save()
    return {"letter_symbol": document.symbol, "letter_document": document.pk}


def signer_for(agency, actor):
    """Who signs the agency's letter: its head, else a leader of it, else the person who issued it."""
    leaders = StaffRole.objects.filter(agency=agency, role=Role.LEADER).select_related("user").order_by("pk")
    head = next((s for s in leaders if s.authority == Authority.HEAD), None) or leaders.first()
    return head.user if head else actor
