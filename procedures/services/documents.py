"""Storing a dossier's component documents, whoever brings them: the citizen online or the desk."""

from django.core.files.base import ContentFile
from django.db.models import Sum

from procedures.models import DossierDocument


def stored_bytes(dossier):
    """What the dossier's component documents already weigh, for the per-dossier upload limit."""
    return dossier.documents.aggregate(total=Sum("size"))["total"] or 0


def store_document(dossier, required_document, checked):
    """Save one checked upload (procedures.uploads.CheckedUpload) as a document of `dossier`.

    The file is written first; if the row cannot be saved, the file goes too: no orphan on disk."""
    document = DossierDocument(
        dossier=dossier, required_document=required_document, name=checked.name,
        content_type=checked.content_type, size=checked.size, sha256=checked.sha256,
    )
    document.file.save(checked.name, ContentFile(checked.content), save=False)
    try:
        document.save()
    except BaseException:
        document.file.delete(save=False)
        raise
    return document
