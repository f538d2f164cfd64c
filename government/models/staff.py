from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    ONE_STOP_OFFICER = "one_stop_officer", _("Cán bộ một cửa")
    SPECIALIST = "specialist", _("Chuyên viên xử lý")
    LEADER = "leader", _("Lãnh đạo phê duyệt")
    CLERK = "clerk", _("Văn thư")
    MEETING_SECRETARY = "meeting_secretary", _("Thư ký kỳ họp")
    DELEGATE = "delegate", _("Đại biểu")
    PROVINCE_MONITOR = "province_monitor", _("Cán bộ giám sát cấp tỉnh")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")


AGENCY_BOUND_ROLES = {Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.MEETING_SECRETARY}


class Authority(models.TextChoices):
    """How a signer signs (Decree 30/2020, art. 13 and appendix I): in their own right as head, or for
    the head as deputy (KT.), acting head (Q.), by order (TL.) or by authorisation (TUQ.)."""

    HEAD = "", _("Người đứng đầu ký")
    DEPUTY = "KT.", _("KT. — cấp phó ký thay")
    ACTING = "Q.", _("Q. — quyền người đứng đầu")
    BY_ORDER = "TL.", _("TL. — ký thừa lệnh")
    BY_AUTHORISATION = "TUQ.", _("TUQ. — ký thừa ủy quyền")


class StaffRole(models.Model):
    """The one role a staff account plays, and the agency it acts for. Users without one are citizens."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_role")
    role = models.CharField(_("vai trò"), max_length=20, choices=[c for c in Role.choices if c[0] != Role.CITIZEN])
    agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    # What a leader's signature block says on what they sign (government/signers.py).
    title = models.CharField(
        _("chức vụ"),
        max_length=80,
        blank=True,
        help_text=_(
            "Ví dụ: Chủ tịch, Phó Chủ tịch, Giám đốc, Phó Giám đốc. Để trống: chức vụ người đứng đầu của cơ quan."
        ),
    )
    authority = models.CharField(
        _("thẩm quyền ký"), max_length=4, choices=Authority.choices, blank=True, default=Authority.HEAD
    )

    class Meta:
        verbose_name = _("vai trò cán bộ")
        verbose_name_plural = _("vai trò cán bộ")
        db_table = "procedures_staffrole"  # kept from before the move out of procedures (decision 0018)

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}"

    def clean(self):
        if self.role in AGENCY_BOUND_ROLES and not self.agency_id:
            raise ValidationError({"agency": _("Vai trò này phải gắn với một cơ quan.")})
