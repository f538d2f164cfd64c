from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from government.storage import private_storage


def _file_path(document_file, filename):
    return f"documents/incoming/{document_file.document.agency_id}/{filename}"


class DocumentFile(models.Model):
    """A file of an incoming document: the scan of a paper one, or the electronic document itself."""

    document = models.ForeignKey("documents.IncomingDocument", on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("tệp"), max_length=300, storage=private_storage, upload_to=_file_path)
    name = models.CharField(_("tên tệp"), max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")
        ordering = ["document", "id"]

    def __str__(self):
        return self.name
