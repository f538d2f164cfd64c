from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

personal_id_validator = RegexValidator(r"^\d{12}$", _("Số định danh cá nhân phải gồm đúng 12 chữ số."))


class User(AbstractUser):
    """A person who signs in: a citizen (by personal ID) or a member of staff.

    Staff roles and their agency live in procedures.StaffRole, because they are domain facts.
    """

    personal_id = models.CharField(
        _("số định danh cá nhân"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[personal_id_validator],
    )
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    identity_verified_at = models.DateTimeField(
        _("xác thực với CSDL dân cư lúc"),
        null=True,
        blank=True,
        help_text=_("Trống khi CSDL quốc gia về dân cư chưa xác nhận họ tên và ngày sinh khi đăng ký."),
    )

    # Set when the account needs an administrator's look (e.g. it registered an ID its owner then claimed).
    flagged_at = models.DateTimeField(_("cần xem xét từ"), null=True, blank=True)
    flag_reason = models.CharField(_("lý do cần xem xét"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def get_full_name(self):
        # Vietnamese order: family and middle names (last_name) before the given name (first_name).
        return f"{self.last_name} {self.first_name}".strip()


class EnrolmentCode(models.Model):
    """A one-time code an administrator (or a leader, for their agency) gives a member of staff so that
    they can register their authenticator app: without it a stolen password would be enough to enrol."""

    user = models.ForeignKey(User, verbose_name=_("cán bộ"), on_delete=models.CASCADE, related_name="enrolment_codes")
    code_hash = models.CharField(max_length=128)
    issued_by = models.ForeignKey(
        User, verbose_name=_("người cấp"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("đã dùng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã đăng ký xác thực hai lớp")
        verbose_name_plural = _("mã đăng ký xác thực hai lớp")


# What an account holder agreed to (Law 91/2025/QH15 on personal data): asked at registration, at
# filing and on "Dữ liệu của tôi"; read by the systems before they use the data for that purpose.
class Purpose(models.TextChoices):
    REGISTRY_PREFILL = "registry_prefill", _("Lấy thông tin từ CSDL quốc gia về dân cư để điền sẵn hồ sơ")
    SMS = "sms", _("Nhận thông báo về hồ sơ qua tin nhắn SMS")
    EMAIL = "email", _("Nhận thông báo về hồ sơ qua thư điện tử")
    SURVEY = "survey", _("Nhận lời mời đánh giá mức độ hài lòng sau khi nhận kết quả")


class Method(models.TextChoices):
    REGISTRATION = "registration", _("Đánh dấu khi đăng ký tài khoản")
    FILING = "filing", _("Đánh dấu khi nộp hồ sơ trực tuyến")
    SETTINGS = "settings", _("Đánh dấu trên trang quản lý đồng ý")


class Consent(models.Model):
    """One purpose a person agreed to, with the terms they were shown; withdrawn_at ends it. A new
    agreement after a withdrawal is a new record: the history stays."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("mục đích"), max_length=30, choices=Purpose.choices)
    terms_version = models.CharField(_("phiên bản điều khoản"), max_length=20)
    method = models.CharField(_("cách thức"), max_length=20, choices=Method.choices)
    given_at = models.DateTimeField(_("đồng ý lúc"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("rút lại lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("sự đồng ý")
        ordering = ["given_at", "pk"]
        db_table = "privacy_consent"  # created by privacy, which held consents until issue 36
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_purpose",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_purpose_display()}"
