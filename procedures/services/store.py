"""The citizen's electronic data store (issue 39, decision 0036): results enter it when handed over,
counter scans when the desk keeps them as reusable copies, and a citizen's own uploads; a draft or a
counter dossier takes a paper from it instead of an upload.

Reads are in procedures.selectors (`store_of`, `offered_for`). Every officer's look-up and every reuse
is announced on `signals.store_used` in the same transaction: privacy writes the access log.
"""

import hashlib
import re

from dateutil.relativedelta import relativedelta
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from government.calendar import LOCAL_TZ
from government.signing import check_signatures
from government.uploads import check_upload
from procedures import signals
from procedures.exceptions import PermissionDenied, TransitionNotAllowed
from procedures.models import (
    DossierDocument,
    DossierState,
    IdentityStatus,
    StoredDocument,
    StoreSource,
)
from signing_adapter.pades import sign_pdf


def waived_documents(dossier):
    """The required documents not asked for because the registry confirmed the applicant's identity
    (Decree 118/2025: data the National Population Database holds is not asked for again)."""
    if dossier.identity_status != IdentityStatus.VERIFIED:
        return []
    return [r for r in dossier.procedure.required_documents.all() if r.waived_when_identity_verified]


def valid_until(kind, issued_on):
    return issued_on + relativedelta(months=kind.validity_months) if kind.validity_months else None


def _signer(content):
    checks = check_signatures(content)
    return checks[-1].signer if checks and all(check.valid for check in checks) else ""


def _create(*, content, name, content_type, **fields):
    """Write the file, then the row; a row that cannot be saved takes its file with it."""
    item = StoredDocument(
        name=name[:255],
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        **fields,
    )
    item.file.save(name, ContentFile(content), save=False)
    try:
        item.save()
    except BaseException:
        item.file.delete(save=False)
        raise
    return item


def keep_results(dossier, at):
    """The signed results of a dossier handed over, into its applicant's store (a kind is needed: the
    procedure's result kind). Re-runnable: a result already kept is left alone."""
    kind = dossier.procedure.result_document_kind
    if kind is None or not dossier.applicant_personal_id:
        return []
    approval = dossier.events.filter(action="approve").order_by("-created_at", "-pk").first()
    if approval is None:
        return []
    references = [entry.get("reference", "") for entry in (approval.data or {}).get("book_entries", [])]
    issued_on = approval.created_at.astimezone(LOCAL_TZ).date()
    kept = []
    files = approval.files.select_related("issued_as", "stored_copy").order_by("pk")
    for index, result in enumerate(files):
        if hasattr(result, "stored_copy") or not result.name.lower().endswith(".pdf"):
            continue
        with result.file.open("rb") as handle:
            content = handle.read()
        number = result.issued_as.symbol if result.issued_as else ""
        if not number and index < len(references):  # "Số: 1, Quyển số: 01/2026": the number reads after "Số"
            number = re.sub(r"^Số( chứng thực)?:\s*", "", references[index])
        kept.append(
            _create(
                content=content,
                name=result.name,
                content_type="application/pdf",
                personal_id=dossier.applicant_personal_id,
                kind=kind,
                source=StoreSource.RESULT,
                title=dossier.procedure.result_document or kind.name,
                number=number,
                issuer=approval.agency,
                issuer_name=approval.agency.name if approval.agency else "",
                issued_on=issued_on,
                valid_until=valid_until(kind, issued_on),
                signed_by=_signer(content),
                dossier=dossier,
                result_file=result,
                created_at=at,
            )
        )
    return kept


def owner_of_store(user):
    """The personal ID whose store `user` may see and use: only an identity confirmed by VNeID or the
    registry (a password account could type anyone's ID)."""
    if getattr(user, "identity_verified_at", None) is None or not getattr(user, "personal_id", ""):
        return None
    return user.personal_id


def add_upload(citizen, kind, uploaded, *, title="", at=None):
    """A citizen puts a paper of theirs in their store (not verified by anyone: the officer sees so)."""
    if owner_of_store(citizen) is None:
        raise PermissionDenied(_("Hãy xác thực danh tính (đăng nhập bằng VNeID) để dùng kho dữ liệu của bạn."))
    if not kind.is_active:
        raise TransitionNotAllowed(_("Loại giấy tờ này không còn được dùng."))
    checked = check_upload(uploaded)
    at = at or timezone.now()
    return _create(
        content=checked.content,
        name=checked.name,
        content_type=checked.content_type,
        personal_id=citizen.personal_id,
        kind=kind,
        source=StoreSource.UPLOAD,
        title=(title or kind.name).strip()[:300],
        issued_on=at.astimezone(LOCAL_TZ).date(),
        signed_by=_signer(checked.content) if checked.content_type == "application/pdf" else "",
        created_at=at,
    )


@transaction.atomic
def remove(citizen, item_id, *, at=None):
    """Take one of the citizen's own uploads out of their store. Dossiers that used it keep it: the
    file stays while a dossier points at it, and goes with the last of them (retention)."""
    item = (
        StoredDocument.objects.select_for_update().filter(pk=item_id, personal_id=owner_of_store(citizen) or "").first()
    )
    if item is None or item.removed_at is not None:
        raise PermissionDenied(_("Không tìm thấy giấy tờ này trong kho dữ liệu của bạn."))
    if not item.removable:
        raise TransitionNotAllowed(_("Kết quả do cơ quan nhà nước cấp không xóa được khỏi kho dữ liệu."))
    item.removed_at = at or timezone.now()
    item.save(update_fields=["removed_at"])
    if not item.uses.exists():
        transaction.on_commit(lambda: item.file.delete(save=False))
    return item


def check_usable(item, personal_id, required_document, day):
    """Raises unless `item` is a paper of `personal_id`'s store, of a kind `required_document` accepts,
    still valid on `day`."""
    if item is None or item.personal_id != personal_id or item.removed_at is not None:
        raise PermissionDenied(_("Giấy tờ này không có trong kho dữ liệu của người nộp hồ sơ."))
    if not required_document.kinds.filter(pk=item.kind_id).exists():
        raise TransitionNotAllowed(
            _("“%(item)s” không phải loại giấy tờ mà thành phần “%(name)s” yêu cầu.")
            % {"item": item.title, "name": required_document.name}
        )
    if not item.is_valid_on(day):
        raise TransitionNotAllowed(
            _("“%(item)s” đã hết thời hạn sử dụng ngày %(day)s.")
            % {"item": item.title, "day": item.valid_until.strftime("%d/%m/%Y")}
        )


@transaction.atomic
def reuse(dossier, actor, required_document, item_id, *, legal_ground="", at=None):
    """Attach a paper of the applicant's store to their online draft, for one of its required documents,
    without an upload (at the counter: counter.stage_from_store)."""
    at = at or timezone.now()
    if required_document.procedure_id != dossier.procedure_id:
        raise PermissionDenied()
    if dossier.state != DossierState.DRAFT:
        raise TransitionNotAllowed(_("Hồ sơ đã nộp, không sửa được nữa."))
    if dossier.applicant_id is None or dossier.applicant_id != actor.pk:
        raise PermissionDenied()
    if owner_of_store(actor) != dossier.applicant_personal_id:
        raise PermissionDenied(_("Hãy xác thực danh tính (đăng nhập bằng VNeID) để dùng kho dữ liệu của bạn."))
    item = StoredDocument.objects.select_related("kind").filter(pk=item_id).first()
    check_usable(item, dossier.applicant_personal_id, required_document, at.astimezone(LOCAL_TZ).date())
    existing = dossier.documents.filter(required_document=required_document, stored_document=item).first()
    if existing is not None:
        return existing
    document = DossierDocument.objects.create(
        dossier=dossier,
        required_document=required_document,
        file=item.file.name,  # the store's own file: nothing is copied, nothing uploaded
        name=item.name[:150],
        content_type=item.content_type,
        size=item.size,
        sha256=item.sha256,
        uploaded_at=at,
        stored_document=item,
    )
    signals.store_used.send(
        sender=StoredDocument,
        actor=actor,
        personal_id=dossier.applicant_personal_id,
        what="reuse",
        item=str(item),
        dossier=dossier,
        legal_ground=legal_ground or _("Công dân chọn dùng giấy tờ trong kho dữ liệu của mình"),
    )
    return document


def looked_up(officer, personal_id, *, legal_ground, dossier=None):
    """An officer reads a citizen's store (at the counter, for the dossier being received): logged."""
    if not legal_ground.strip():
        raise TransitionNotAllowed(_("Hãy nêu căn cứ tra cứu kho dữ liệu của công dân."))
    signals.store_used.send(
        sender=StoredDocument,
        actor=officer,
        personal_id=personal_id,
        what="store",
        dossier=dossier,
        legal_ground=legal_ground.strip(),
    )


@transaction.atomic
def keep_scan(document, officer, kind, *, at=None):
    """Keep a counter scan (a PDF) as a reusable electronic copy in the applicant's store, signed by the
    desk's agency at digitisation (Law on Electronic Transactions 2023, art. 12)."""
    at = at or timezone.now()
    dossier = document.dossier
    agency = dossier.receiving_agency
    if document.stored_document_id is not None or document.kept_as_id is not None:
        raise TransitionNotAllowed(_("Giấy tờ này đã có trong kho dữ liệu của công dân."))
    if not document.file or document.content_type != "application/pdf":
        raise TransitionNotAllowed(_("Chỉ bản quét PDF mới lưu được thành bản điện tử có ký số."))
    if not document.required_document.kinds.filter(pk=kind.pk).exists():
        raise TransitionNotAllowed(_("Loại giấy tờ không khớp với thành phần hồ sơ."))
    with document.file.open("rb") as handle:
        content = handle.read()
    reason = _("Số hóa từ bản giấy, hồ sơ %(code)s") % {"code": dossier.code}
    signed = sign_pdf(content, agency, reason=reason)
    issued_on = at.astimezone(LOCAL_TZ).date()
    item = _create(
        content=signed,
        name=document.name,
        content_type="application/pdf",
        personal_id=dossier.applicant_personal_id,
        kind=kind,
        source=StoreSource.DIGITISED,
        title=kind.name,
        issuer=agency,
        issuer_name=agency.name,
        issued_on=issued_on,
        valid_until=valid_until(kind, issued_on),
        signed_by=_signer(signed),
        dossier=dossier,
        created_at=at,
    )
    document.kept_as = item
    document.save(update_fields=["kept_as"])
    return item
