"""Result documents: generated from the catalogue's template or uploaded by the specialist; on approval,
issued as the procedure says (procedures/result_books.py, decision 0024):

- an administrative document: the leader's signature, a number from the competent agency's outgoing
  register with the abbreviation of its type, the agency's signature (DOMAIN.md §10, decision 0021);
- a paper of a book: the next number of the agency's book for the year, the leader's and the agency's
  signatures, never a number of the outgoing register;
- a sector system's result: attached as uploaded, signed and numbered by that system.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import DocumentType
from documents.services.outgoing import issue_result
from government.appearances import seal_image, signature_image
from government.calendar import LOCAL_TZ
from government.pdf import date_line
from government.pdf_forms import (
    DATE_FIELD,
    NUMBER_FIELD,
    SEAL_FIELD,
    SIGNER_FIELD,
    IssueLayout,
    fill_text_fields,
    with_fields,
)
from government.places import place_name
from government.sequences import next_value
from government.uploads import check_upload
from procedures.exceptions import TransitionNotAllowed
from procedures.models import Outcome, ResultBookSequence, ResultKind
from procedures.pdf.results import result_paper, terms_of
from procedures.result_books import book_reference
from signing_adapter.pades import sign_as_agency, sign_as_signer

from . import lifecycle


def propose_result(dossier, specialist, *, outcome, note="", upload=None, generate=False, verification_url=None):
    """Propose a result with its document (a PDF upload, or one generated from the catalog), or a refusal.

    `verification_url(token)` gives the address printed as a QR code on a generated document. A
    generated document is drawn again at approval, with the approving leader's name and block; the
    proposal holds a draft of it.
    """
    files, tokens, urls = [], {}, {}
    if Outcome(outcome) == Outcome.RESULT:
        if upload is not None:
            checked = check_upload(upload)
            if checked.content_type != "application/pdf":
                raise TransitionNotAllowed(_("Văn bản kết quả phải là tệp PDF để ký số."))
            files.append((checked.name, checked.content))
        elif generate:
            if terms_of(dossier).result_kind == ResultKind.SECTOR:
                raise TransitionNotAllowed(
                    _(
                        "Kết quả của thủ tục này do hệ thống chuyên ngành cấp và đánh số; "
                        "hãy tải lên bản kết quả (PDF) từ hệ thống đó."
                    )
                )
            token, name = uuid.uuid4(), f"ket-qua-{dossier.code}.pdf"
            urls[name] = verification_url(token) if verification_url else ""
            files.append((name, result_paper(dossier, None, urls[name])))
            tokens[name] = str(token)
        else:
            raise TransitionNotAllowed(_("Hãy tải lên văn bản kết quả (PDF) hoặc chọn tạo văn bản kết quả."))
    return lifecycle.propose(
        dossier,
        specialist,
        outcome=outcome,
        note=note,
        files=files,
        data={"verification_tokens": tokens, "verification_urls": urls},
    )


@transaction.atomic
def approve_and_sign(dossier, leader, *, comment="", at=None):
    """Issue each proposed PDF as the procedure's kind of result says, then approve with the issued
    copies. One transaction: a refused approval takes no number from a register or a book."""
    at = at or timezone.now()
    proposal = dossier.events.filter(action="propose").order_by("-created_at", "-pk").first()
    data = proposal.data if proposal else {}
    tokens, urls = data.get("verification_tokens", {}), data.get("verification_urls", {})
    terms = terms_of(dossier)
    issued, entries = [], []
    for item in proposal.files.all() if proposal else []:
        with item.file.open("rb") as handle:
            content = handle.read()
        token = uuid.UUID(tokens[item.name]) if item.name in tokens else uuid.uuid4()
        if not content.startswith(b"%PDF") or terms.result_kind == ResultKind.SECTOR:
            issued.append((item.name, content, token, None))  # signed and numbered by its own system
            continue
        generated = item.name in tokens
        if terms.result_kind == ResultKind.BOOK:
            pdf, entry = _enter_in_book(
                dossier, leader, terms, content if not generated else None, urls.get(item.name, ""), at
            )
            entries.append(entry)
            issued.append((item.name, pdf, token, None))
        else:
            if generated:
                spots = {}
                content = with_fields(
                    result_paper(dossier, leader, urls.get(item.name, ""), spots=spots),
                    IssueLayout(spots["number"], spots["date"], spots["signer"]),
                )
            document = issue_result(
                leader,
                dossier.current_agency,
                content,
                document_type=_result_type(terms),
                excerpt=_("Cấp %(result)s cho %(name)s (hồ sơ %(code)s)")
                % {
                    "result": dossier.procedure.result_document or _("kết quả giải quyết"),
                    "name": dossier.applicant_name,
                    "code": dossier.code,
                },
                drafted_by=proposal.actor,
                at=at,
            )
            with document.issued_pdf.open("rb") as handle:
                issued.append((item.name, handle.read(), token, document))
    return lifecycle.approve(
        dossier, leader, comment=comment, files=issued, at=at, data={"book_entries": entries} if entries else None
    )


def _enter_in_book(dossier, leader, terms, uploaded, verification_url, at):
    """The paper with its place in the agency's book for the year of `at`, signed by the leader and
    sealed by the agency. Inside the approval's transaction: a refusal gives the number back."""
    agency = dossier.current_agency
    year = at.astimezone(LOCAL_TZ).year
    number = next_value(
        ResultBookSequence,
        {"agency_id": agency.pk, "book": terms.result_book, "year": year},
        value_column="last_number",
    )
    reference = book_reference(terms.result_book, number, year)
    reason = _("Ký %(result)s, %(reference)s") % {"result": terms.result_document, "reference": reference}
    if uploaded is None:
        spots = {}
        pdf = result_paper(dossier, leader, verification_url, spots=spots, book_reference=reference, dated=at)
        prepared = with_fields(pdf, IssueLayout(None, None, spots["signer"]))
        signed = sign_as_signer(
            prepared, leader, agency, field=SIGNER_FIELD, image=signature_image(leader), reason=reason
        )
    else:  # the specialist's own PDF: the reference and the date go where the standard layout puts them
        signed = sign_as_signer(
            with_fields(uploaded), leader, agency, field=SIGNER_FIELD, image=signature_image(leader), reason=reason
        )
        signed = fill_text_fields(
            signed, {NUMBER_FIELD: reference, DATE_FIELD: date_line(place_name(agency.unit), at.astimezone(LOCAL_TZ))}
        )
    sealed = sign_as_agency(signed, agency, field=SEAL_FIELD, image=seal_image(agency), reason=reason)
    return sealed, {"book": terms.result_book, "year": year, "number": number, "reference": reference}


def _result_type(terms):
    """The document type the procedure's result is issued as: its abbreviation's (QĐ, TB…), or a công văn."""
    if terms.result_type:
        result_type = DocumentType.objects.filter(abbreviation=terms.result_type).first()
    else:
        result_type = DocumentType.objects.filter(name="Công văn").first()
    if result_type is None:
        raise TransitionNotAllowed(
            _("Chưa có loại văn bản “%(type)s” để ban hành kết quả; hãy báo quản trị.")
            % {"type": terms.result_type or "Công văn"}
        )
    return result_type
