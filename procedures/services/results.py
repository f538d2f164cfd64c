"""Result documents: generated or uploaded by the specialist, signed by the leader on approval."""

import uuid

from django.utils.translation import gettext as _

from government.signing import sign_pdf
from procedures.exceptions import TransitionNotAllowed
from procedures.models import Outcome
from procedures.pdf.forms import result_document
from procedures.uploads import check_upload

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
            token, name = uuid.uuid4(), f"ket-qua-{dossier.code}.pdf"
            files.append((name, result_document(dossier, specialist, verification_url(token))))
            tokens[name] = str(token)
        else:
            raise TransitionNotAllowed(_("Hãy tải lên văn bản kết quả (PDF) hoặc chọn tạo văn bản kết quả."))
    return lifecycle.propose(dossier, specialist, outcome=outcome, note=note, files=files,
                             data={"verification_tokens": tokens})


def approve_and_sign(dossier, leader, *, comment=""):
    """Sign the proposed documents with the agency's certificate, then approve with the signed copies."""
    proposal = dossier.events.filter(action="propose").order_by("-created_at", "-pk").first()
    signed, tokens = [], proposal.data.get("verification_tokens", {}) if proposal else {}
    for item in proposal.files.all() if proposal else []:
        with item.file.open("rb") as handle:
            content = handle.read()
        if content.startswith(b"%PDF"):
            pdf = sign_pdf(content, dossier.current_agency, reason=_("Phê duyệt kết quả giải quyết hồ sơ %(code)s")
                           % {"code": dossier.code})
            signed.append((item.name, pdf, uuid.UUID(tokens[item.name]) if item.name in tokens else uuid.uuid4()))
    return lifecycle.approve(dossier, leader, comment=comment, files=signed)
