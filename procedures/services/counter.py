"""Counter intake: a walk-in citizen's paper documents, scanned and received at the desk in one go.

Scans are the dossier's component documents, exactly like an online citizen's uploads (same
checks, same storage, same previews). Until the officer files the dossier they are held as
`PendingUpload`s of the form (its `batch`), so a registry look-up or a mistake elsewhere on the
form never makes anyone scan again. Each required document is recorded as received (its form,
how many) and, when its paper was not scanned, with the reason the officer chose: the dossier
then does not count as digitised.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from eforms.models import DossierForm
from government.calendar import LOCAL_TZ
from government.uploads import check_upload
from procedures import signals
from procedures.exceptions import DomainError
from procedures.models import ComponentForm, DossierComponent, DossierDocument, PendingUpload, StoredDocument

from . import lifecycle, store
from .documents import freeze_eforms

STALE_AFTER = dt.timedelta(days=1)


@dataclass(frozen=True)
class ReceivedComponent:
    """What the officer says of one required document of the procedure."""

    required_document: object  # RequiredDocument
    received: bool
    form: str = ComponentForm.ORIGINAL
    quantity: int = 1
    unscanned_reason: str = ""


class IntakeIncomplete(DomainError):
    """Some required documents are missing or neither scanned nor explained."""

    def __init__(self, problems):
        self.problems = problems  # {required document id: message}
        super().__init__(_("Hồ sơ chưa đủ điều kiện tiếp nhận; xem các thành phần được đánh dấu."))


# --- scans held for a form -------------------------------------------------------------------------


def staged(officer, batch):
    return PendingUpload.objects.filter(owner=officer, batch=batch).select_related(
        "required_document", "stored_document"
    )


def stage_scans(officer, batch, required_document, uploads):
    """Check and hold each upload; returns the messages of those refused (the others are kept)."""
    errors = []
    for upload in uploads:
        held = staged(officer, batch).aggregate(total=Sum("size"))["total"] or 0
        try:
            checked = check_upload(upload, already_stored_bytes=held)
        except DomainError as error:
            errors.append(str(error.message))
            continue
        pending = PendingUpload(
            owner=officer,
            batch=batch,
            required_document=required_document,
            name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
        pending.file.save(checked.name, ContentFile(checked.content), save=False)
        pending.save()
    return errors


def stage_from_store(officer, batch, required_document, item_id, *, personal_id, legal_ground, at=None):
    """Hold a paper of the applicant's store for the form, as a scan would be: no file is copied. The
    reuse is written in the access log with its legal ground."""
    at = at or timezone.now()
    item = StoredDocument.objects.filter(pk=item_id).first()
    store.check_usable(item, personal_id, required_document, at.astimezone(LOCAL_TZ).date())
    if staged(officer, batch).filter(stored_document=item, required_document=required_document).exists():
        return
    with transaction.atomic():
        PendingUpload.objects.create(
            owner=officer,
            batch=batch,
            required_document=required_document,
            file=item.file.name,
            name=item.name[:150],
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
            stored_document=item,
        )
        signals.store_used.send(
            sender=StoredDocument,
            actor=officer,
            personal_id=personal_id,
            what="reuse",
            item=str(item),
            legal_ground=legal_ground,
        )


def drop_pending(pending):
    """A held scan goes with its file; a paper held from the store leaves the store's file alone."""
    if pending.stored_document_id is None:
        pending.file.delete(save=False)
    pending.delete()


def unstage(officer, batch, ids):
    """The officer removes scans from the form; files of other officers or forms are untouched."""
    for pending in staged(officer, batch).filter(pk__in=ids):
        drop_pending(pending)


def discard_stale(officer, now=None):
    """Forms left unfiled for a day: their scans are removed from disk and from the table."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    for pending in PendingUpload.objects.filter(owner=officer, created_at__lt=cutoff):
        drop_pending(pending)


# --- filing ------------------------------------------------------------------------------------------


def problems_at_counter(procedure, components, scanned_ids):
    """{required document id: message} for what stops the desk from receiving the dossier."""
    by_id = {c.required_document.pk: c for c in components}
    problems = {}
    for required in procedure.required_documents.all():
        component = by_id.get(required.pk)
        received = required.pk in scanned_ids or (component is not None and component.received)
        if not received:
            if required.is_mandatory:
                problems[required.pk] = _(
                    "Giấy tờ bắt buộc chưa được nộp. Hướng dẫn công dân bổ sung (Mẫu 02) hoặc từ chối tiếp nhận "
                    "(Mẫu 03); không tiếp nhận hồ sơ còn thiếu."
                )
            continue
        if required.pk not in scanned_ids and not (component and component.unscanned_reason):
            problems[required.pk] = _("Hãy quét giấy tờ này, hoặc chọn lý do chưa số hóa.")
    return problems


def receive_walk_in(
    procedure,
    agency,
    officer,
    *,
    batch,
    components,
    at=None,
    comment="",
    applicant=None,
    declared=None,
    **dossier_fields,
):
    """Receive a walk-in dossier with the scans held for `batch`; all or nothing. `declared` maps a
    required document to the raw values of its electronic form, typed at the desk: the generated
    declaration stands for that document's scan."""
    declared = declared or {}
    pending = list(staged(officer, batch).filter(required_document__procedure=procedure))
    scanned_ids = {p.required_document_id for p in pending} | {document.pk for document in declared}
    problems = problems_at_counter(procedure, components, scanned_ids)
    for p in pending:  # papers held from a store belong to the person whose ID was looked up
        if p.stored_document_id and p.stored_document.personal_id != dossier_fields.get("applicant_personal_id"):
            problems[p.required_document_id] = _(
                "Giấy tờ “%(name)s” lấy từ kho dữ liệu của người có số định danh khác; hãy bỏ giấy tờ này."
            ) % {"name": p.name}
    if problems:
        raise IntakeIncomplete(problems)
    received = [c for c in components if c.received or c.required_document.pk in scanned_ids]

    def attach(dossier):
        DossierComponent.objects.bulk_create(
            DossierComponent(
                dossier=dossier,
                required_document=c.required_document,
                form=c.form,
                quantity=c.quantity,
                unscanned_reason="" if c.required_document.pk in scanned_ids else c.unscanned_reason,
            )
            for c in received
        )
        # The scans become the dossier's documents where they already lie on disk.
        DossierDocument.objects.bulk_create(
            DossierDocument(
                dossier=dossier,
                required_document_id=p.required_document_id,
                file=p.file.name,
                name=p.name,
                content_type=p.content_type,
                size=p.size,
                sha256=p.sha256,
                uploaded_at=p.created_at,
                stored_document_id=p.stored_document_id,
            )
            for p in pending
        )
        PendingUpload.objects.filter(pk__in=[p.pk for p in pending]).delete()
        if declared:
            for document, raw in declared.items():
                DossierForm.objects.create(
                    dossier=dossier, required_document=document, definition=document.eform, raw=raw
                )
            freeze_eforms(dossier, at=at)

    submit_data = {
        "documents": [{"name": p.name, "sha256": p.sha256, "size": p.size} for p in pending],
        "components": [
            {
                "name": c.required_document.name,
                "form": c.form,
                "quantity": c.quantity,
                "scanned": c.required_document.pk in scanned_ids,
                "unscanned_reason": "" if c.required_document.pk in scanned_ids else c.unscanned_reason,
            }
            for c in received
        ],
    }
    with transaction.atomic():
        return lifecycle.file_at_counter(
            procedure,
            agency,
            officer,
            at=at,
            comment=comment,
            applicant=applicant,
            attach=attach,
            submit_data=submit_data,
            **dossier_fields,
        )
