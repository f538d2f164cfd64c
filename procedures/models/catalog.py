from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from eforms.schema import check_definition
from government.collation import by_name
from government.folding import fold
from government.models.agencies import AgencyKind
from government.models.units import LEVEL_RANK, UnitLevel
from procedures.sla.kinds import TimeLimitKind
from procedures.sla.time_limits import TimeLimit


class Field(models.Model):
    """Lĩnh vực: the area of administration a procedure belongs to (Hộ tịch, Đất đai, …)."""

    code = models.SlugField(_("mã lĩnh vực"), max_length=50, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=150)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = [by_name()]  # Vietnamese alphabetical order (government.collation)

    def __str__(self):
        return self.name


class OnlineServiceLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")


class CaseBasis(models.TextChoices):
    """What decides the competent authority of a non-boundary procedure (never the receiving center)."""

    RESIDENCE = "residence", _("Nơi cư trú của người nộp hồ sơ")
    PARCEL = "parcel", _("Nơi có đất, tài sản")
    ESTABLISHMENT = "establishment", _("Nơi đặt trụ sở, địa điểm kinh doanh")


class ResultKind(models.TextChoices):
    """What the procedure issues (procedures/result_books.py)."""

    DOCUMENT = "document", _("Văn bản hành chính, lấy số ở sổ văn bản đi")
    BOOK = "book", _("Giấy tờ vào sổ riêng (hộ tịch, chứng thực, giấy phép)")
    SECTOR = "sector", _("Kết quả của hệ thống chuyên ngành, cán bộ tải lên")


class ProcedureTerms(models.Model):
    """What a publication decision sets for a procedure: held by each version, and by the procedure
    itself as the version in force (procedures.services.versions.FIELDS names them)."""

    time_limit_kind = models.CharField(
        _("cách tính thời hạn"), max_length=10, choices=TimeLimitKind.choices, default=TimeLimitKind.WORKING_DAYS
    )
    processing_days = models.DecimalField(
        _("thời hạn giải quyết (ngày làm việc)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"), _("Thời hạn giải quyết phải lớn hơn 0 ngày làm việc."))],
        help_text=_("Với thời hạn trong ngày hoặc theo giờ: số ngày chỉ dùng để chia thời hạn cho các bước xử lý."),
    )
    processing_hours = models.DecimalField(
        _("thời hạn giải quyết (giờ làm việc)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"), _("Thời hạn giải quyết phải lớn hơn 0 giờ làm việc."))],
        help_text=_("Chỉ dùng khi thời hạn tính theo giờ làm việc."),
    )
    fee_vnd = models.PositiveIntegerField(_("phí, lệ phí (đồng)"), default=0)
    fee_note = models.CharField(_("ghi chú phí, lệ phí"), max_length=400, blank=True)
    result_document = models.CharField(_("kết quả thực hiện"), max_length=400)
    result_kind = models.CharField(
        _("loại kết quả"), max_length=10, choices=ResultKind.choices, default=ResultKind.DOCUMENT
    )
    result_type = models.CharField(
        _("loại văn bản kết quả (viết tắt)"),
        max_length=10,
        blank=True,
        default="QĐ",
        help_text=_("Với kết quả là văn bản hành chính: QĐ, TB…; để trống với công văn."),
    )
    result_book = models.CharField(
        _("sổ của kết quả"),
        max_length=12,
        blank=True,
        help_text=_("Với kết quả vào sổ riêng: KS, KH, KT, SCT/BS, GPXD…"),
    )
    legal_basis = models.TextField(_("căn cứ pháp lý"))
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"), max_length=10, choices=OnlineServiceLevel.choices
    )
    description = models.TextField(_("trình tự thực hiện"), blank=True)
    # Decree 118/2025: the province lists procedures that any of its centers receives whatever the
    # applicant's residence; the route is then resolved from the case's commune.
    is_non_boundary = models.BooleanField(
        _("không phụ thuộc địa giới hành chính"),
        default=False,
        help_text=_("Mọi Trung tâm Phục vụ hành chính công của tỉnh đều tiếp nhận thủ tục này."),
    )
    case_basis = models.CharField(
        _("xác định cơ quan có thẩm quyền theo"), max_length=15, choices=CaseBasis.choices, default=CaseBasis.RESIDENCE
    )
    # Decree 69/2024: level 2 is the electronic identification account verified in person.
    assurance_level = models.PositiveSmallIntegerField(
        _("mức độ tài khoản định danh điện tử tối thiểu để nộp trực tuyến"),
        choices=[(1, _("Mức độ 1")), (2, _("Mức độ 2"))],
        default=2,
    )
    cutoff_time = models.TimeField(
        _("giờ chốt tiếp nhận trong ngày"),
        null=True,
        blank=True,
        help_text=_("Hồ sơ tiếp nhận sau giờ này được tính thời hạn từ ngày làm việc tiếp theo (ví dụ 15:00)."),
    )

    class Meta:
        abstract = True

    @property
    def time_limit(self):
        return TimeLimit.of(self)

    def clean(self):
        super().clean()
        check_time_limit(self.time_limit_kind, self.processing_hours, self.cutoff_time)


def validate_route(processing_days, step_days):
    """A route must have steps whose working days add up to the procedure's processing time."""
    try:
        total = Decimal(processing_days)
    except (InvalidOperation, TypeError):
        raise ValidationError(_("Thời hạn giải quyết phải là một số ngày làm việc.")) from None
    if total <= 0:
        raise ValidationError(_("Thời hạn giải quyết phải lớn hơn 0 ngày làm việc."))
    step_days = [Decimal(d) for d in step_days]
    if not step_days:
        raise ValidationError(_("Thủ tục phải có ít nhất một bước xử lý."))
    if any(d <= 0 for d in step_days):
        raise ValidationError(_("Mỗi bước xử lý phải có số ngày làm việc lớn hơn 0."))
    if sum(step_days) != total:
        raise ValidationError(
            _("Tổng số ngày của các bước (%(sum)s) phải bằng thời hạn giải quyết (%(total)s ngày làm việc).")
            % {"sum": _fmt(sum(step_days)), "total": _fmt(total)}
        )


def _fmt(days):
    return f"{days.normalize():f}".replace(".", ",")


def check_time_limit(kind, hours, cutoff):
    """The fields each kind of time limit needs (shared by the admin, the import and the models)."""
    if kind == TimeLimitKind.WORKING_HOURS and not hours:
        raise ValidationError({"processing_hours": _("Thời hạn tính theo giờ cần số giờ làm việc.")})
    if kind == TimeLimitKind.SAME_DAY and cutoff is None:
        raise ValidationError({"cutoff_time": _("Thời hạn trong ngày cần giờ chốt tiếp nhận (ví dụ 15:00).")})


class Procedure(ProcedureTerms):
    national_code = models.CharField(_("mã thủ tục"), max_length=20, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=400)
    field = models.ForeignKey(Field, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures")
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    version_in_force = models.ForeignKey(
        "procedures.ProcedureVersion",
        verbose_name=_("phiên bản đang áp dụng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Law on Archives 33/2024/QH15: how long a closed dossier's documents are kept. Empty: permanently.
    retention_years = models.PositiveSmallIntegerField(
        _("thời hạn lưu trữ (năm)"),
        null=True,
        blank=True,
        help_text=_("Theo danh mục thời hạn lưu trữ hồ sơ; để trống nếu lưu trữ vĩnh viễn."),
    )
    # The kind of paper its result is: an issued result enters the applicant's store as one (issue 39).
    result_document_kind = models.ForeignKey(
        "procedures.DocumentKind",
        verbose_name=_("loại giấy tờ của kết quả"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Folded copies (no diacritics, lower case) that the database search backend matches on.
    search_name = models.CharField(max_length=400, blank=True, editable=False)
    search_body = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = [by_name()]  # Vietnamese alphabetical order (government.collation)

    def __str__(self):
        return f"{self.name} ({self.national_code})"

    def save(self, *args, **kwargs):
        self.search_name = fold(f"{self.name} {self.national_code}")
        self.search_body = fold(f"{self.description} {self.result_document} {self.legal_basis}")
        super().save(*args, **kwargs)

    @property
    def levels(self):
        """Levels that implement this procedure, top-down, from its route."""
        levels = {step.level for step in self.route_steps.all()}
        return sorted(levels, key=LEVEL_RANK.__getitem__)

    @property
    def is_inter_level(self):
        return len(self.levels) > 1


class CopyKind(models.TextChoices):
    ORIGINAL = "original", _("Bản chính")
    COPY = "copy", _("Bản sao")
    ORIGINAL_OR_COPY = "either", _("Bản chính hoặc bản sao")


class RequiredDocument(models.Model):
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="required_documents")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên giấy tờ"), max_length=400)
    template_name = models.CharField(_("mẫu đơn, tờ khai"), max_length=200, blank=True)
    # A public blank form citizens download and fill in; the official file, uploaded by the catalog's editors.
    template_file = models.FileField(
        _("tệp mẫu đơn, tờ khai"),
        upload_to="mau-don-to-khai/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "doc", "docx", "odt"])],
        help_text=_("Tệp mẫu chính thức (PDF, DOC, DOCX, ODT) để công dân tải về."),
    )
    copy_kind = models.CharField(_("loại bản"), max_length=10, choices=CopyKind.choices, default=CopyKind.ORIGINAL)
    # An electronic form (eforms.schema) the applicant fills instead of uploading a filled paper form.
    eform = models.JSONField(
        _("biểu mẫu điện tử"),
        null=True,
        blank=True,
        help_text=_("Định nghĩa tờ khai điện tử (JSON); để trống nếu công dân tải tệp lên."),
    )
    quantity = models.PositiveSmallIntegerField(_("số lượng"), default=1)
    is_mandatory = models.BooleanField(_("bắt buộc"), default=True)
    # Papers of these kinds in the applicant's store satisfy it (issue 39): offered instead of an upload.
    kinds = models.ManyToManyField(
        "procedures.DocumentKind", verbose_name=_("loại giấy tờ đáp ứng"), blank=True, related_name="+"
    )
    # Data the National Population Database holds (ID card copies, residence confirmations): not asked
    # for once the applicant's identity is confirmed there (Decree 118/2025 art. 9, DOMAIN §0).
    waived_when_identity_verified = models.BooleanField(
        _("không yêu cầu khi đã xác thực qua CSDL quốc gia về dân cư"), default=False
    )

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["procedure", "order"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.eform:
            try:
                check_definition(self.eform)
            except ValidationError as error:
                raise ValidationError({"eform": error.messages}) from None


class RouteStep(models.Model):
    """One step of a procedure's route: which agency, at which level, with its share of the days."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="route_steps")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    level = models.CharField(_("cấp thực hiện"), max_length=10, choices=UnitLevel.choices)
    agency_kind = models.CharField(_("loại cơ quan"), max_length=20, choices=AgencyKind.choices)
    sector = models.SlugField(_("ngành"), max_length=40, blank=True)
    task = models.CharField(_("nội dung công việc"), max_length=300)
    working_days = models.DecimalField(
        _("số ngày làm việc"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"), _("Mỗi bước phải có ít nhất 0,5 ngày làm việc."))],
    )

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("quy trình xử lý")
        ordering = ["procedure", "order"]
        constraints = [models.UniqueConstraint(fields=["procedure", "order"], name="route_step_unique_order")]

    def __str__(self):
        return f"{self.order}. {self.task} ({self.get_level_display()})"

    @property
    def point(self):
        """Where a dossier is filed when this is the route's first step: "level:kind:sector"."""
        return point_key(self.level, self.agency_kind, self.sector)


def point_key(level, kind, sector):
    return f"{level}:{kind}:{sector}"


def parse_point(point):
    """(level, kind, sector) from a point key; missing parts are empty."""
    return tuple((str(point).split(":") + ["", "", ""])[:3])


class ProcedureVersion(ProcedureTerms):
    """A procedure as one publication decision (quyết định công bố) made it, from its effective date.

    The procedure's own fields, documents and route are the version in force, written there when its
    day comes (procedures.services.versions); a dossier records the version it was received under and
    keeps the deadline computed from it, whatever is published later.
    """

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="versions")
    effective_from = models.DateField(_("ngày có hiệu lực"))
    decision_number = models.CharField(_("số quyết định công bố"), max_length=100)
    decision_date = models.DateField(_("ngày ký quyết định"), null=True, blank=True)
    decision_signer = models.CharField(_("người ký quyết định"), max_length=150, blank=True)
    # [{"name", "template", "copy", "quantity", "mandatory"}], [{"level", "agency", "task", "days"}]:
    # the shapes of the catalogue file (docs/catalogue-import.md).
    documents = models.JSONField(_("thành phần hồ sơ"), default=list)
    route = models.JSONField(_("quy trình xử lý"), default=list)
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True)
    applied_at = models.DateTimeField(_("đưa vào áp dụng lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        ordering = ["procedure", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "effective_from"], name="procedure_version_unique_day")
        ]

    def __str__(self):
        return _("%(procedure)s, từ %(day)s (%(decision)s)") % {
            "procedure": self.procedure.national_code,
            "day": self.effective_from.strftime("%d/%m/%Y"),
            "decision": self.decision_number,
        }
