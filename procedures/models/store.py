"""The citizen's electronic data store (Kho dữ liệu điện tử, Decree 45/2020 kept by Decree 118/2025):
what the State already holds of a person, so that no one is asked for it twice (issue 39).

A store belongs to a personal ID, not to an account: a walk-in citizen's results and digitised
papers are there before they ever sign in, and appear once they sign in with VNeID.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from government.storage import private_storage


class DocumentKind(models.Model):
    """A kind of paper (birth extract, marriage status certificate…): what a required document asks
    for, what a result is and what a digitised scan is of. Reference data (fixtures/document_kinds.json)."""

    code = models.SlugField(_("mã loại giấy tờ"), max_length=60, unique=True)
    name = models.CharField(_("tên loại giấy tờ"), max_length=200)
    # How long a paper of this kind may be reused from its issue date; empty: as long as it stands.
    validity_months = models.PositiveSmallIntegerField(
        _("thời hạn sử dụng (tháng)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu giấy tờ không có thời hạn."),
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại giấy tờ")
        verbose_name_plural = _("loại giấy tờ")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StoreSource(models.TextChoices):
    RESULT = "result", _("Kết quả giải quyết do cơ quan cấp")
    DIGITISED = "digitised", _("Bản điện tử số hóa tại Bộ phận một cửa")
    UPLOAD = "upload", _("Do công dân tải lên")


def _store_path(item, filename):
    return f"kho-du-lieu/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{filename}"


class StoredDocument(models.Model):
    """One paper in a person's store. Issued results are never removed; a citizen's own upload is
    removed by setting `removed_at`: dossiers that used it keep their copy (they point at the file)."""

    personal_id = models.CharField(_("số định danh cá nhân"), max_length=12, db_index=True)
    kind = models.ForeignKey(DocumentKind, verbose_name=_("loại giấy tờ"), on_delete=models.PROTECT)
    source = models.CharField(_("nguồn"), max_length=12, choices=StoreSource.choices)
    title = models.CharField(_("tên giấy tờ"), max_length=300)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issuer = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan cấp"), null=True, blank=True, on_delete=models.PROTECT
    )
    # Copied: the store reads the same after the agency is renamed or merged.
    issuer_name = models.CharField(_("cơ quan cấp"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày cấp"))
    valid_until = models.DateField(_("có giá trị đến"), null=True, blank=True)
    file = models.FileField(_("tệp"), upload_to=_store_path, storage=private_storage, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("định dạng"), max_length=50)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    # The signature found on the file when it entered the store (re-checked on the bytes when shown).
    signed_by = models.CharField(_("ký số bởi"), max_length=255, blank=True)
    dossier = models.ForeignKey(
        "procedures.Dossier",
        verbose_name=_("hồ sơ phát sinh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    result_file = models.OneToOneField(
        "procedures.DossierEventFile", null=True, blank=True, on_delete=models.PROTECT, related_name="stored_copy"
    )
    created_at = models.DateTimeField(_("thời điểm lưu"), default=timezone.now)
    removed_at = models.DateTimeField(_("thời điểm xóa khỏi kho"), null=True, blank=True)

    class Meta:
        verbose_name = _("giấy tờ trong kho dữ liệu")
        verbose_name_plural = _("kho dữ liệu của công dân")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source="result") | models.Q(removed_at__isnull=True),
                name="store_result_never_removed",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.number})" if self.number else self.title

    @property
    def removable(self):
        return self.source == StoreSource.UPLOAD

    def is_valid_on(self, day):
        return self.removed_at is None and (self.valid_until is None or self.valid_until >= day)


class Digitisation(models.TextChoices):
    """The state of digitisation of a submitted document, as the national portal counts it (DOMAIN §12)."""

    NOT_DIGITISED = "0", _("Chưa số hóa")
    DIGITISED = "1", _("Đã số hóa")
    REUSED_DOCUMENT = "2", _("Tái sử dụng từ giấy tờ đã số hóa")
    REUSED_RESULT = "3", _("Tái sử dụng từ kết quả đã cấp")
