from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from government.storage import private_storage


def _version_path(version, filename):
    return f"meetings/{version.document.item.meeting_id}/documents/{version.document_id}/{filename}"


class DocumentKind(models.TextChoices):
    MAIN = "main", _("Tài liệu chính")
    REFERENCE = "reference", _("Tài liệu tham khảo")
    LINK = "link", _("Liên kết ngoài")


class MeetingDocument(models.Model):
    """A document of an agenda item. A file document has versions; the newest is the current one."""

    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại"), max_length=10, choices=DocumentKind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=300)
    url = models.URLField(_("địa chỉ liên kết"), blank=True)
    # A public document is readable by anyone holding the meeting's QR code; the rest need a delegate's sign-in.
    is_public = models.BooleanField(_("công khai"), default=False)

    class Meta:
        verbose_name = _("tài liệu họp")
        verbose_name_plural = _("tài liệu họp")
        ordering = ["item", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="link", url__gt="") | (~models.Q(kind="link") & models.Q(url="")),
                name="meeting_document_link_has_url",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def current(self):
        versions = list(self.versions.all())  # prefetched on lists
        return max(versions, key=lambda v: v.number) if versions else None


class DocumentVersion(models.Model):
    document = models.ForeignKey(MeetingDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    file = models.FileField(max_length=300, storage=private_storage, upload_to=_version_path)
    name = models.CharField(_("tên tệp"), max_length=120)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    change_note = models.CharField(_("nội dung thay đổi"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản tài liệu")
        verbose_name_plural = _("phiên bản tài liệu")
        ordering = ["document", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")]

    def __str__(self):
        return f"{self.document} (v{self.number})"


class AnnotationKind(models.TextChoices):
    HIGHLIGHT = "highlight", _("Đánh dấu")
    NOTE = "note", _("Ghi chú")


class Annotation(models.Model):
    """A delegate's own highlight or note on a page of one version: nobody else ever reads it."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="annotations")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_annotations")
    kind = models.CharField(max_length=10, choices=AnnotationKind.choices)
    page = models.PositiveSmallIntegerField(_("trang"))
    quote = models.TextField(_("đoạn trích"), blank=True)
    # Rectangles as fractions of the page's width and height, so they land right at any zoom or screen size.
    rects = models.JSONField(default=list, blank=True)
    text = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ghi chú riêng")
        verbose_name_plural = _("ghi chú riêng")
        ordering = ["version", "page", "id"]


class Comment(models.Model):
    """Góp ý on a document, or on a passage of it, for the drafting unit."""

    document = models.ForeignKey(MeetingDocument, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(DocumentVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_comments")
    page = models.PositiveSmallIntegerField(_("trang"), null=True, blank=True)
    quote = models.TextField(_("đoạn góp ý"), blank=True)
    text = models.TextField(_("nội dung góp ý"))
    shared_with_delegates = models.BooleanField(_("cho các đại biểu khác xem"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("góp ý")
        verbose_name_plural = _("góp ý")
        ordering = ["document", "id"]
