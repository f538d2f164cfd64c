"""Public check of an issued document: opened from its QR code, or by uploading the PDF."""

import hashlib

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from documents.models import OutgoingDocument, OutgoingState
from government.signing import SignatureCheck, check_signatures
from procedures.models import DossierEventFile


class UploadForm(forms.Form):
    document = forms.FileField(label=_("Tệp PDF cần xác thực"))


def verify_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        if upload.size > settings.UPLOAD_MAX_FILE_MB * 1024 * 1024:
            form.add_error("document", _("Tệp quá lớn."))
        else:
            content = upload.read()
            digest = hashlib.sha256(content).hexdigest()
            context.update(
                _checks(content),
                sha256=digest,
                issued=DossierEventFile.objects.filter(sha256=digest, verification_token__isnull=False)
                .select_related("event__dossier")
                .first(),
                document=OutgoingDocument.objects.filter(issued_sha256=digest, state=OutgoingState.ISSUED)
                .select_related("agency")
                .first(),
            )
    return render(request, "citizens/verify.html", context, status=400 if form.errors else 200)


def verify_token(request, token):
    issued = get_object_or_404(DossierEventFile.objects.select_related("event__dossier"), verification_token=token)
    with issued.file.open("rb") as handle:
        checks = _checks(handle.read())
    return render(
        request, "citizens/verify.html", {"form": UploadForm(), **checks, "issued": issued, "sha256": issued.sha256}
    )


def _checks(content):
    """Every signature of the file (an issued document has the signer's and the agency's); the file is
    valid when each of them is: the last covers the whole file, the earlier ones permit what followed."""
    signatures = check_signatures(content)
    return {
        "signatures": signatures,
        "check": signatures[-1] if signatures else SignatureCheck(signed=False),
        "all_valid": bool(signatures) and all(check.valid for check in signatures),
    }
