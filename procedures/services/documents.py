"""Storing a dossier's component documents, whoever brings them: the citizen online or the desk."""

import hashlib

from django.core.files.base import ContentFile
from django.db.models import Sum
from django.utils import timezone

from eforms import services as eforms
from procedures.models import DossierDocument, DossierEventFile


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


def freeze_eforms(dossier, *, at=None):
    """At submission: each electronic form is fixed and its declaration (eforms.services.freeze)
    becomes its requirement's document, replacing any upload for it."""
    at = at or timezone.now()
    for declared in eforms.freeze(dossier, at=at):
        for old in dossier.documents.filter(required_document=declared.required_document):
            old.file.delete(save=False)
            old.delete()
        document = DossierDocument(
            dossier=dossier,
            required_document=declared.required_document,
            name=declared.name,
            content_type="application/pdf",
            size=len(declared.content),
            sha256=hashlib.sha256(declared.content).hexdigest(),
            uploaded_at=at,
        )
        document.file.save(declared.name, ContentFile(declared.content), save=False)
        document.save()
