import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# V1V2V3.Z1Z2.Y1Y2.MX1X2 (Circular 10/2016/TT-BTTTT), e.g. 000.30.25.H50.
electronic_code_validator = RegexValidator(
    r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$",
    _("Mã định danh điện tử phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.30.25.H50."),
)


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Cơ quan chuyên ngành")
    # Decree 118/2025: a province's and each commune's Public Administration Service Center receives
    # and returns dossiers for the agencies it hosts; it decides none itself.
    SERVICE_CENTER = "center", _("Trung tâm Phục vụ hành chính công")
    # The elected body of a unit: it meets in sessions (meetings app) and handles no dossier.
    COUNCIL = "council", _("Hội đồng nhân dân")


class Agency(models.Model):
    """A body that handles dossiers; each has its own one-stop desk and office hours."""

    unit = models.ForeignKey(
        "government.AdministrativeUnit",
        verbose_name=_("đơn vị hành chính"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    kind = models.CharField(_("loại cơ quan"), max_length=20, choices=AgencyKind.choices)
    sector = models.SlugField(
        _("ngành"), max_length=40, blank=True, help_text=_("Để trống cho UBND; ví dụ justice cho Sở Tư pháp.")
    )
    name = models.CharField(_("tên cơ quan"), max_length=200)
    desk_name = models.CharField(
        _("tên bộ phận một cửa"),
        max_length=200,
        default="Bộ phận tiếp nhận và trả kết quả",
        blank=True,
        help_text=_("In trên các phiếu dưới tên cơ quan; để trống với Trung tâm Phục vụ hành chính công."),
    )
    electronic_code = models.CharField(
        _("mã định danh điện tử"), max_length=13, unique=True, validators=[electronic_code_validator]
    )
    code_is_demo = models.BooleanField(
        _("mã minh họa"), default=True, help_text=_("Mã do hệ thống sinh cho dữ liệu mẫu, không phải mã chính thức.")
    )
    abbreviation = models.CharField(
        _("tên viết tắt"),
        max_length=20,
        blank=True,
        help_text=_(
            "Trong ký hiệu văn bản, ví dụ UBND, STP. Để trống: UBND với Ủy ban nhân dân, chữ đầu các từ "
            "của tên với cơ quan khác."
        ),
    )
    statutory_members = models.PositiveSmallIntegerField(
        _("số đại biểu (thành viên) theo luật định"),
        null=True,
        blank=True,
        help_text=_(
            "Tổng số đại biểu Hội đồng nhân dân được bầu, hoặc số thành viên Ủy ban nhân dân: cơ sở tính "
            "tỷ lệ biểu quyết, kể cả khi số người có tên trong hệ thống ít hơn."
        ),
    )
    morning_start = models.TimeField(_("sáng bắt đầu"), default=dt.time(7, 30))
    morning_end = models.TimeField(_("sáng kết thúc"), default=dt.time(11, 30))
    afternoon_start = models.TimeField(_("chiều bắt đầu"), default=dt.time(13, 30))
    afternoon_end = models.TimeField(_("chiều kết thúc"), default=dt.time(17, 0))
    warning_days = models.DecimalField(
        _("cảnh báo sắp đến hạn (ngày làm việc)"),
        max_digits=3,
        decimal_places=1,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text=_("Hồ sơ còn ít hơn chừng này thời gian làm việc thì được đánh dấu “sắp đến hạn”."),
    )

    # Closed by a reorganisation, never deleted: dossiers' history and old receipts keep naming it;
    # its work went to `successor` (or, divided by field and procedure, as its plan says).
    valid_from = models.DateTimeField(_("có hiệu lực từ"), null=True, blank=True)  # empty: before any plan
    valid_until = models.DateTimeField(_("hết hiệu lực từ"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        db_table = "procedures_agency"  # kept from before the move out of procedures (decision 0018)
        ordering = ["electronic_code"]
        constraints = [
            # One in force: a commune that keeps its code across a merger gets a new committee beside
            # the old one, which stays (closed) for its history.
            models.UniqueConstraint(
                fields=["unit", "kind", "sector"],
                condition=models.Q(valid_until__isnull=True),
                name="agency_unique_per_unit_kind_sector",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        times = [self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end]
        if None not in times and (
            times != sorted(times)
            or self.morning_start == self.morning_end
            or self.afternoon_start == self.afternoon_end
        ):
            raise ValidationError(
                _("Giờ làm việc phải tăng dần: sáng bắt đầu < sáng kết thúc ≤ chiều bắt đầu < chiều kết thúc.")
            )
        if self.kind == AgencyKind.DEPARTMENT and not self.sector:
            raise ValidationError({"sector": _("Cơ quan chuyên ngành phải có mã ngành.")})

    @property
    def is_council(self):
        return self.kind == AgencyKind.COUNCIL

    @property
    def is_service_center(self):
        return self.kind == AgencyKind.SERVICE_CENTER

    @property
    def symbol_abbreviation(self):
        """What the agency's documents carry after the type in their symbol: "UBND" in "15/QĐ-UBND"."""
        if self.abbreviation:
            return self.abbreviation
        if self.kind == AgencyKind.PEOPLES_COMMITTEE:
            return "UBND"
        if self.kind == AgencyKind.COUNCIL:
            return "HĐND"
        # "Sở Kế hoạch và Đầu tư tỉnh Thái Nguyên" → SKHĐT: the words before the place, "và" left out.
        words = []
        for word in self.name.split():
            if word.lower() in {"tỉnh", "huyện", "xã", "phường", "thành", "thị"}:
                break
            if word.lower() != "và":
                words.append(word[0].upper())
        return "".join(words) or "CQ"

    @property
    def parent_body(self):
        """The body printed above this one in a document's header (Decree 30/2020, appendix I), in
        capitals: none above a People's Committee; the provincial police above a commune's police
        and the ministry above the provincial police; the People's Committee of the unit above a
        department, an office or a service center ("UBND TỈNH THÁI NGUYÊN")."""
        if self.kind in (AgencyKind.PEOPLES_COMMITTEE, AgencyKind.COUNCIL):
            return ""
        if self.sector == "police":
            province = next((u for u in self.unit.lineage() if u.parent_id is None), self.unit)
            return "BỘ CÔNG AN" if province == self.unit else f"CÔNG AN {province.name.upper()}"
        return f"UBND {self.unit.name.upper()}"

    @property
    def office_sessions(self):
        return ((self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end))


class Desk(models.Model):
    """A desk (quầy) of a service center where one hosted agency's dossiers are received."""

    center = models.ForeignKey(
        Agency,
        verbose_name=_("trung tâm"),
        on_delete=models.CASCADE,
        related_name="desks",
        limit_choices_to={"kind": AgencyKind.SERVICE_CENTER},
    )
    number = models.PositiveSmallIntegerField(_("số quầy"))
    name = models.CharField(_("tên quầy"), max_length=200)
    hosted_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan có quầy"),
        on_delete=models.PROTECT,
        related_name="center_desks",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("quầy tiếp nhận")
        verbose_name_plural = _("quầy tiếp nhận")
        db_table = "procedures_desk"  # kept from before the move out of procedures (decision 0018)
        ordering = ["center", "number"]
        constraints = [models.UniqueConstraint(fields=["center", "number"], name="desk_unique_number")]

    def __str__(self):
        return _("Quầy số %(number)s — %(name)s") % {"number": self.number, "name": self.name}
