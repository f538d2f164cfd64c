"""Records the personal data law asks for (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): who opened whose
dossier, and which registry look-ups were made about a personal ID. Consents per purpose belong to the
account that gave them (accounts.models.Consent)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from government.models.append_only import AppendOnlyModel


class Access(models.TextChoices):
    DOSSIER = "dossier", _("Mở trang hồ sơ")
    DOCUMENT = "document", _("Mở giấy tờ của hồ sơ")
    EVENT_FILE = "event_file", _("Mở tệp trong quá trình xử lý")
    FORM = "form", _("In biểu mẫu")
    IDENTITY = "identity", _("Đối chiếu CSDL dân cư")
    STORE = "store", _("Tra cứu kho dữ liệu của công dân")
    REUSE = "reuse", _("Dùng lại giấy tờ trong kho")


class AccessLogEntry(AppendOnlyModel):
    """An officer opened a dossier or one of its files. Names are copied, so the entry reads the same
    after the officer moves agency or leaves."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    officer_name = models.CharField(_("họ tên cán bộ"), max_length=150)
    agency_name = models.CharField(_("cơ quan"), max_length=255, blank=True)
    # Empty for a look-up in a citizen's store at the counter before the dossier exists, and once a
    # draft that reused a paper of the store is discarded (the entry stays, with whose store it was).
    dossier = models.ForeignKey(
        "procedures.Dossier",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_personal_id = models.CharField(_("số định danh người nộp"), max_length=12, db_index=True)
    what = models.CharField(_("thao tác"), max_length=20, choices=Access.choices)
    item = models.CharField(_("tệp"), max_length=255, blank=True)
    legal_ground = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhật ký truy cập dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký truy cập dữ liệu cá nhân")
        ordering = ["-at", "-pk"]


class RegistryLookup(models.Model):
    """A look-up in the National Population Database. The ID is kept only as a keyed digest (to
    answer "who looked me up?") and masked; what the registry returned is never kept."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    id_digest = models.CharField(max_length=64, db_index=True)
    masked_id = models.CharField(_("số định danh (che)"), max_length=12)
    actor = models.CharField(_("người hoặc tác vụ tra cứu"), max_length=150, blank=True)
    purpose = models.CharField(_("mục đích"), max_length=100, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=30)
    cached = models.BooleanField(_("từ bộ nhớ đệm"), default=False)

    # What the codes the registry adapter logs mean to the person whose ID was looked up.
    OUTCOMES = {
        "ok": _("Có thông tin"),
        "not_found": _("Không có trong CSDL"),
        "unavailable": _("CSDL không phản hồi"),
        "invalid_id": _("Số định danh không hợp lệ"),
        "invalid_response": _("CSDL trả dữ liệu không hợp lệ"),
    }
    PURPOSES = {
        "xac-thuc-tai-khoan": _("Xác thực khi đăng ký tài khoản"),
        "tra-cuu-thu-cong": _("Quản trị viên tra cứu theo yêu cầu"),
    }
    ACTORS = {
        "shell": _("Quản trị hệ thống (dòng lệnh)"),
        "": _("Hệ thống (tự động)"),
        "celery": _("Hệ thống (tự động)"),
        "verify_identities": _("Hệ thống: đối chiếu lại hồ sơ chưa xác thực"),
    }

    @property
    def outcome_display(self):
        label = self.OUTCOMES.get(self.outcome, self.outcome)
        return _("%(outcome)s (bản lưu tạm)") % {"outcome": label} if self.cached else label

    @property
    def purpose_display(self):
        if self.purpose in self.PURPOSES:
            return self.PURPOSES[self.purpose]
        if self.purpose.startswith("draft-"):
            return _("Hồ sơ đang soạn")
        return _("Hồ sơ %(code)s") % {"code": self.purpose} if self.purpose else "—"

    @property
    def actor_display(self):
        return self.ACTORS.get(self.actor, self.actor)

    class Meta:
        verbose_name = _("lượt tra cứu CSDL dân cư")
        verbose_name_plural = _("lượt tra cứu CSDL dân cư")
        ordering = ["-at", "-pk"]
