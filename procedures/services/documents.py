"""Storing a dossier's component documents, whoever brings them: the citizen online or the desk."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from eforms import services as eforms
from procedures import signals
from procedures.models import Dossier, DossierDocument, DossierEventFile


def stored_bytes(dossier):
    """What the files people brought to the dossier already weigh, for the per-dossier upload limit:
    its component documents and every file attached along the way (supplements, officers'
    attachments). Documents the agency issued (those with a verification code) do not count."""
    documents = dossier.documents.aggregate(total=Sum("size"))["total"] or 0
    attached = (
        DossierEventFile.objects.filter(event__dossier=dossier, verification_token__isnull=True).aggregate(
            total=Sum("size")
        )["total"]
        or 0
    )
    return documents + attached


def drop_file(document):
    """Delete a dossier document's file before its row goes, unless the file is a paper of the
    applicant's store (issue 39): the store keeps it, and a paper removed from the store goes with the
    last dossier that used it."""
    item = document.stored_document
    if item is None:
        document.file.delete(save=False)
    elif item.removed_at is not None and not item.uses.exclude(pk=document.pk).exists():
        document.file.delete(save=False)


def store_document(dossier, required_document, checked):
    """Save one checked upload (government.uploads.CheckedUpload) as a document of `dossier`.

    The file is written first; if the row cannot be saved, the file goes too: no orphan on disk."""
    document = DossierDocument(
        dossier=dossier,
        required_document=required_document,
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
    )
    document.file.save(checked.name, ContentFile(checked.content), save=False)
    try:
        document.save()
    except BaseException:
        document.file.delete(save=False)
        raise
    return document


def freeze_eforms(dossier, *, at=None, forms=None):
    """At submission: each electronic form is fixed (eforms.services.freeze) and its declaration takes
    its requirement's place, replacing any upload for it. The row is written now, the PDF after the
    commit (write_declarations, in the worker): a document without a file is a declaration being drawn.
    `forms`: the forms already validated by the submission's check (eforms.services.checked)."""
    at = at or timezone.now()
    waiting = False
    for declared in eforms.freeze(dossier, at=at, forms=forms):
        for old in dossier.documents.filter(required_document=declared.required_document):
            drop_file(old)
            old.delete()
        DossierDocument.objects.create(
            dossier=dossier,
            required_document=declared.required_document,
            name=declared.name,
            content_type="application/pdf",
            size=0,
            sha256="",
            uploaded_at=at,
        )
        waiting = True
    if waiting:
        transaction.on_commit(lambda: signals.declarations_waiting.send(sender=Dossier, dossier_id=dossier.pk))


def write_declarations(dossier):
    """Draw the declarations of `dossier` still without a file. Re-runnable: a declaration already
    drawn is left alone, and two workers on one dossier draw each file once (the row is locked)."""
    written = 0
    for pk in dossier.documents.filter(file="").values_list("pk", flat=True):
        with transaction.atomic():
            document = DossierDocument.objects.select_for_update().select_related("required_document").get(pk=pk)
            if document.file:
                continue
            record = dossier.eforms.filter(required_document=document.required_document).first()
            if record is None or record.submitted_at is None:
                continue
            content = eforms.render(dossier, record)
            document.file.save(document.name, ContentFile(content), save=False)
            document.size, document.sha256 = len(content), hashlib.sha256(content).hexdigest()
            try:
                document.save(update_fields=["file", "size", "sha256"])
            except BaseException:
                document.file.delete(save=False)
                raise
            written += 1
    return written
