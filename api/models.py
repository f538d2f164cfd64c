from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey

from government.models import StaffRole


class Scope(models.TextChoices):
    READ = "read", _("Chỉ đọc hồ sơ trong phạm vi")
    TRANSITIONS = "transitions", _("Đọc và thực hiện bước xử lý")


class SystemClient(AbstractAPIKey):
    """A government system registered to use the API with a key (only its hash is stored).

    Its reach is an agency's dossiers (or the whole province, read only). With the transitions
    scope it acts as a named staff account, so that every transition goes through the same policy
    as in the back office and the log says who acted.
    """

    scope = models.CharField(_("quyền"), max_length=15, choices=Scope.choices, default=Scope.READ)
    agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("phạm vi cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Để trống: toàn tỉnh (chỉ với quyền chỉ đọc)."),
    )
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thực hiện với tài khoản cán bộ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Bắt buộc với quyền thực hiện bước xử lý: vai trò và cơ quan của tài khoản này quyết định "
            "hệ thống được làm gì, như cán bộ đó trên trang nghiệp vụ."
        ),
    )
    contact = models.CharField(_("đầu mối kỹ thuật"), max_length=200, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("hệ thống kết nối")
        verbose_name_plural = _("hệ thống kết nối")

    def clean(self):
        if self.scope == Scope.TRANSITIONS:
            role = (
                StaffRole.objects.filter(user=self.acting_user).select_related("agency").first()
                if self.acting_user_id
                else None
            )
            if role is None or role.agency_id is None:
                raise ValidationError(
                    {"acting_user": _("Quyền thực hiện bước xử lý cần một tài khoản cán bộ có cơ quan.")}
                )
            if self.agency_id and self.agency_id != role.agency_id:
                raise ValidationError({"agency": _("Phạm vi cơ quan phải là cơ quan của tài khoản cán bộ.")})
            self.agency_id = role.agency_id
