"""Result documents: generated or uploaded by the specialist; on approval, issued as outgoing documents
of the competent agency (the leader's signature, a number from its register, the agency's signature)."""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from documents.models import DocumentType
from documents.services.outgoing import issue_result
from government.pdf_forms import IssueLayout, with_fields
from government.uploads import check_upload
from procedures.exceptions import TransitionNotAllowed
from procedures.models import Outcome
from procedures.pdf.forms import result_document

from . import lifecycle


def propose_result(dossier, specialist, *, outcome, note="", upload=None, generate=False, verification_url=None):
    """Propose a result with its document (a PDF upload, or one generated from the catalog), or a refusal.

    `verification_url(token)` gives the address printed as a QR code on a generated document.
    """
    files, tokens = [], {}
    if Outcome(outcome) == Outcome.RESULT:
        if upload is not None:
            checked = check_upload(upload)
            if checked.content_type != "application/pdf":
                raise TransitionNotAllowed(_("Văn bản kết quả phải là tệp PDF để ký số."))
            files.append((checked.name, checked.content))
        elif generate:
            # The QR code printed now must open the signed copy the leader will make: keep its token.
            token, name, spots = uuid.uuid4(), f"ket-qua-{dossier.code}.pdf", {}
            pdf = result_document(dossier, specialist, verification_url(token), spots=spots)
            # Empty fields where the layout put the number, the date and the leader's signature.
            files.append((name, with_fields(pdf, IssueLayout(spots["number"], spots["date"], spots["signer"]))))
            tokens[name] = str(token)
        else:
            raise TransitionNotAllowed(_("Hãy tải lên văn bản kết quả (PDF) hoặc chọn tạo văn bản kết quả."))
    return lifecycle.propose(dossier, specialist, outcome=outcome, note=note, files=files,
                             data={"verification_tokens": tokens})


@transaction.atomic
def approve_and_sign(dossier, leader, *, comment=""):
    """Issue each proposed PDF as an outgoing document of the competent agency: the leader's personal
    signature, the next number of the agency's outgoing register, the agency's signature (DOMAIN.md §10,
    decision 0021); then approve with the issued copies. One transaction: a refused approval takes no
    number from the register."""
    proposal = dossier.events.filter(action="propose").order_by("-created_at", "-pk").first()
    issued, tokens = [], proposal.data.get("verification_tokens", {}) if proposal else {}
    for item in proposal.files.all() if proposal else []:
        with item.file.open("rb") as handle:
            content = handle.read()
        if content.startswith(b"%PDF"):
            document = issue_result(leader, dossier.current_agency, content, document_type=_result_type(),
                                    excerpt=_("Cấp %(result)s cho %(name)s (hồ sơ %(code)s)") % {
                                        "result": dossier.procedure.result_document or _("kết quả giải quyết"),
                                        "name": dossier.applicant_name, "code": dossier.code},
                                    drafted_by=proposal.actor)
            with document.issued_pdf.open("rb") as handle:
                pdf = handle.read()
            token = uuid.UUID(tokens[item.name]) if item.name in tokens else uuid.uuid4()
            issued.append((item.name, pdf, token, document))
    return lifecycle.approve(dossier, leader, comment=comment, files=issued)


def _result_type():
    """Results are issued as decisions (QĐ): a certificate has no type of its own among Decree 30's."""
    result_type = DocumentType.objects.filter(abbreviation="QĐ").first()
    if result_type is None:
        raise TransitionNotAllowed(_("Chưa có loại văn bản “Quyết định” (QĐ) để ban hành kết quả; hãy báo quản trị."))
    return result_type
