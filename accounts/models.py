from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
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
