"""Outgoing documents: drafted by a specialist, signed by the competent leader, numbered, dated and
sealed by the clerk, then sent (Decree 30/2020, articles 10–19; decision 0020 for the signatures)."""

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.drafts import draft_pdf
from documents.models import Delivery, Direction, DocumentType, ExternalDelivery, OutgoingDocument, OutgoingState
from documents.policy import is_clerk_of, is_leader_of, may_draft, require
from documents.tasks import send_to_axis
from government.appearances import seal_image, signature_image
from government.calendar import LOCAL_TZ
from government.exceptions import DomainError
from government.pdf import date_line
from government.pdf_document import MissingAddressee
from government.pdf_forms import (
    DATE_FIELD,
    NUMBER_FIELD,
    SEAL_FIELD,
    SIGNER_FIELD,
    fill_text_fields,
    has_fields,
    with_fields,
)
from government.places import place_name
from government.registers import UnknownDocumentType
from government.selectors import agency_of
from government.signers import SignatureBlock, signature_block
from government.uploads import check_upload
from signing_adapter.pades import sign_as_agency, sign_as_signer

from .registers import take_number


class OutgoingRefused(DomainError):
    pass


def create_draft(
    drafter,
    *,
    document_type,
    excerpt,
    signer,
    signer_title="",
    body="",
    upload=None,
    urgency="normal",
    drafting_unit="VP",
    addressees=(),
    external_addressees=(),
):
    """A draft from the template (`body`) or from the drafter's PDF (`upload`), with the empty fields
    the leader's signature and the clerk's issue will fill."""
    agency = agency_of(drafter)
    require(may_draft(drafter, agency), _("Chỉ chuyên viên hoặc lãnh đạo của cơ quan được soạn văn bản đi."))
    require(is_leader_of(signer, agency), _("Người ký phải là lãnh đạo của cơ quan ban hành."))
    addressees = list(addressees)
    # The block the leader signs with comes from their staff record; a title typed on the form
    # replaces only the title line (for a one-off "KT." the record does not say).
    signature = signature_block(signer, agency)
    if signer_title.strip():
        signature = SignatureBlock((*signature.lines[:-1], signer_title.strip().upper()), signature.name)
    if any(a.pk == agency.pk for a in addressees):
        raise OutgoingRefused(_("Cơ quan không gửi văn bản cho chính mình; hãy bỏ cơ quan mình khỏi nơi nhận."))
    if upload is not None:
        checked = check_upload(upload)
        if checked.content_type != "application/pdf":
            raise OutgoingRefused(_("Dự thảo tải lên phải là tệp PDF để ký số."))
        pdf, layout = checked.content, None  # the standard places
    elif body.strip():
        names = [a.name for a in addressees] + [item["name"] for item in external_addressees]
        try:
            pdf, layout = draft_pdf(
                agency=agency,
                document_type=document_type,
                excerpt=excerpt,
                body=body,
                addressees=names,
                signature=signature,
                drafting_unit=drafting_unit,
            )
        except MissingAddressee:
            raise OutgoingRefused(
                _("Công văn phải có nơi nhận (“Kính gửi”): hãy chọn ít nhất một cơ quan nhận.")
            ) from None
    else:
        raise OutgoingRefused(_("Hãy nhập nội dung văn bản hoặc tải lên tệp dự thảo (PDF)."))
    prepared = _with_fields(pdf, layout)
    with transaction.atomic():
        document = OutgoingDocument(
            agency=agency,
            document_type=document_type,
            drafting_unit=drafting_unit,
            excerpt=excerpt,
            body=body,
            urgency=urgency,
            drafted_by=drafter,
            signer=signer,
            signer_title=signature.text,
            external_addressees=list(external_addressees),
        )
        document.draft_pdf.save(f"du-thao-{uuid.uuid4().hex[:12]}.pdf", ContentFile(prepared), save=False)
        document.save()
        document.addressees.set(addressees)
    return document


def submit(user, document):
    require(user.pk == document.drafted_by_id, _("Chỉ người soạn được trình ký văn bản."))
    if document.state != OutgoingState.DRAFT:
        raise OutgoingRefused(_("Văn bản không còn là dự thảo."))
    document.mark_submitted()
    document.save(update_fields=["state"])
    return document


def return_draft(leader, document, note):
    require(_is_signer(leader, document), _("Chỉ lãnh đạo được trình ký mới trả lại dự thảo."))
    if document.state != OutgoingState.AWAITING_SIGNATURE:
        raise OutgoingRefused(_("Văn bản không ở trạng thái chờ ký."))
    document.review_note = note
    document.mark_returned()
    document.save(update_fields=["state", "review_note"])
    return document


def sign(leader, document):
    """The leader's personal signature, which permits only the clerk's number, date and agency signature."""
    require(_is_signer(leader, document), _("Chỉ lãnh đạo được trình ký mới ký văn bản này."))
    if document.state != OutgoingState.AWAITING_SIGNATURE:
        raise OutgoingRefused(_("Văn bản không ở trạng thái chờ ký."))
    with document.draft_pdf.open("rb") as handle:
        draft = handle.read()
    signed = sign_as_signer(
        draft,
        leader,
        document.agency,
        field=SIGNER_FIELD,
        image=signature_image(leader),
        reason=_("Ký ban hành: %(excerpt)s") % {"excerpt": document.excerpt[:100]},
    )
    with transaction.atomic():
        document.signed_pdf.save(f"da-ky-{uuid.uuid4().hex[:12]}.pdf", ContentFile(signed), save=False)
        document.signed_at = timezone.now()
        document.mark_signed()
        document.save(update_fields=["signed_pdf", "signed_at", "state"])
    return document


def issue(clerk, document, at=None):
    """Number and date the signed document from the agency's outgoing register, add the agency's
    signature, and send it: a Delivery to each addressee of the system, the axis for the others.

    The register's row stays locked while the file is finished (a second or so), so the number in the
    file and the number in the register are the same or neither is written."""
    require(is_clerk_of(clerk, document.agency), _("Chỉ văn thư của cơ quan được cấp số và ban hành văn bản."))
    at = at or timezone.now()
    with transaction.atomic():
        OutgoingDocument.objects.select_for_update().filter(pk=document.pk).exists()
        document.refresh_from_db(fields=["state"])
        if document.state != OutgoingState.SIGNED:
            raise OutgoingRefused(_("Văn bản chưa được lãnh đạo ký hoặc đã ban hành."))
        _number_and_seal(document, at, clerk)
        Delivery.objects.bulk_create(
            [Delivery(document=document, agency=agency) for agency in document.addressees.all()]
        )
        external = ExternalDelivery.objects.bulk_create(
            [
                ExternalDelivery(
                    document=document,
                    recipient_code=item["code"],
                    recipient_name=item["name"],
                    message_id=uuid.uuid4().hex,
                )
                for item in document.external_addressees
            ]
        )
        if external:
            transaction.on_commit(lambda: send_to_axis.delay(document.pk))
    return document


def issue_result(leader, agency, pdf, *, document_type, excerpt, drafted_by, at=None):
    """A dossier's result as an outgoing document of the competent agency (DOMAIN.md §10): the leader's
    approval is their signature, and the number, date and agency signature follow at once from the
    agency's outgoing register, as the clerk's issue would (decision 0021). Returns the issued document."""
    require(is_leader_of(leader, agency), _("Chỉ lãnh đạo của cơ quan có thẩm quyền ký văn bản kết quả."))
    at = at or timezone.now()
    prepared = pdf if has_fields(pdf) else _with_fields(pdf)
    signed = sign_as_signer(
        prepared,
        leader,
        agency,
        field=SIGNER_FIELD,
        image=signature_image(leader),
        reason=_("Phê duyệt: %(excerpt)s") % {"excerpt": excerpt[:100]},
    )
    with transaction.atomic():
        document = OutgoingDocument(
            agency=agency,
            document_type=document_type,
            excerpt=excerpt,
            drafted_by=drafted_by,
            signer=leader,
            signed_at=at,
            state=OutgoingState.SIGNED,
            signer_title=signature_block(leader, agency).text,
        )
        document.draft_pdf.save(f"ket-qua-{uuid.uuid4().hex[:12]}.pdf", ContentFile(prepared), save=False)
        document.signed_pdf.save(f"da-ky-{uuid.uuid4().hex[:12]}.pdf", ContentFile(signed), save=False)
        document.save()
        _number_and_seal(document, at, None)
    return document


def _with_fields(pdf, layout=None):
    try:
        return with_fields(pdf, layout)
    except Exception as error:  # noqa: BLE001 - pyHanko refuses PDFs it cannot update incrementally
        raise OutgoingRefused(
            _("Không thêm được ô ký số vào tệp dự thảo này; hãy xuất lại tệp PDF từ phần mềm soạn thảo.")
        ) from error


def _number_and_seal(document, at, clerk):
    """The next number of the agency's outgoing register, written with the date into the signed file's
    fields, and the agency's signature as the last revision. Inside the caller's transaction."""
    number = take_number(document.agency, Direction.OUTGOING, at)
    day = at.astimezone(LOCAL_TZ).date()
    document.year, document.number, document.issued_on = number.year, number.number, day
    document.symbol = symbol_of(document, number)
    with document.signed_pdf.open("rb") as handle:
        signed = handle.read()
    issued = sign_as_agency(
        _filled(signed, document, day),
        document.agency,
        field=SEAL_FIELD,
        image=seal_image(document.agency),
        reason=_("Ban hành văn bản số %(symbol)s") % {"symbol": document.symbol},
    )
    document.issued_pdf.save(
        f"{document.symbol.replace('/', '-')}-{uuid.uuid4().hex[:8]}.pdf", ContentFile(issued), save=False
    )
    document.issued_sha256 = hashlib.sha256(issued).hexdigest()
    document.issued_at, document.issued_by = at, clerk
    document.mark_issued()
    document.save()


def register_issued(agency, type_name, *, excerpt, drafted_by, signer, at):
    """A line of `agency`'s outgoing register for a paper another system makes (a dossier's letter, a
    meeting's minutes or invitation), with the next number; call it inside the transaction that keeps
    the paper, so a rolled-back paper gives its number back. The OutgoingDocument, its symbol set."""
    document_type = DocumentType.objects.filter(name=type_name).first()
    if document_type is None:
        raise UnknownDocumentType(
            _("Chưa có loại văn bản “%(type)s” để ban hành; hãy báo quản trị.") % {"type": type_name}
        )
    number = take_number(agency, Direction.OUTGOING, at)
    document = OutgoingDocument(
        agency=agency,
        document_type=document_type,
        excerpt=excerpt[:500],
        drafted_by=drafted_by,
        signer=signer,
        state=OutgoingState.ISSUED,
        year=number.year,
        number=number.number,
        issued_on=at.astimezone(LOCAL_TZ).date(),
        issued_at=at,
        issued_by=drafted_by,
    )
    document.symbol = symbol_of(document, number)
    document.save()
    return document


def symbol_of(document, number):
    """ "15/QĐ-UBND" for a typed document; "123/UBND-VP" for an official letter, whose suffix names the
    drafting unit (Decree 30/2020, appendix I)."""
    agency = document.agency.symbol_abbreviation
    kind = document.document_type.abbreviation
    if kind:
        return f"{number}/{kind}-{agency}"
    return f"{number}/{agency}-{document.drafting_unit}"


def _filled(signed, document, day):
    return fill_text_fields(
        signed, {NUMBER_FIELD: f"Số: {document.symbol}", DATE_FIELD: date_line(place_name(document.agency.unit), day)}
    )


def _is_signer(user, document):
    return document.signer_id == user.pk and is_leader_of(user, document.agency)
