from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition

from government.folding import fold
from procedures import policy
from procedures.sla.kinds import Timeliness


class DossierState(models.TextChoices):
    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Mới nộp")
    RECEIVED = "received", _("Đã tiếp nhận")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Yêu cầu bổ sung")
    REJECTED = "rejected", _("Từ chối tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    TRANSFERRED = "transferred", _("Chuyển liên thông")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ phê duyệt")
    RESULT_READY = "result_ready", _("Có kết quả")
    RETURNED = "returned", _("Đã trả kết quả")
    NOT_QUALIFIED = "not_qualified", _("Không đủ điều kiện giải quyết")
    WITHDRAWN = "withdrawn", _("Rút hồ sơ")
    STOPPED = "stopped", _("Dừng giải quyết")


S = DossierState
# Filed and not yet decided: the citizen may still withdraw.
IN_PROGRESS = [S.SUBMITTED, S.RECEIVED, S.SUPPLEMENT_REQUESTED, S.PROCESSING, S.TRANSFERRED, S.AWAITING_APPROVAL]
# Received and not yet returned: what runs against a deadline (queue badges, the dashboard's "open now").
ON_THE_BOOKS = [S.RECEIVED, S.PROCESSING, S.TRANSFERRED, S.AWAITING_APPROVAL, S.SUPPLEMENT_REQUESTED, S.RESULT_READY]


class Channel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    COUNTER = "counter", _("Trực tiếp tại bộ phận một cửa")


class IdentityStatus(models.TextChoices):
    NOT_VERIFIED = "not_verified", _("Chưa xác thực danh tính")
    VERIFIED = "verified", _("Đã xác thực với CSDL quốc gia về dân cư")
    MISMATCH = "mismatch", _("Thông tin không khớp CSDL quốc gia về dân cư")


class ResultDelivery(models.TextChoices):
    COUNTER = "counter", _("Nhận trực tiếp tại bộ phận một cửa")
    POST = "post", _("Nhận qua dịch vụ bưu chính công ích")
    ONLINE = "online", _("Nhận bản điện tử trên Cổng dịch vụ công")


class Outcome(models.TextChoices):
    RESULT = "result", _("Giải quyết, cấp kết quả")
    REFUSAL = "refusal", _("Không đủ điều kiện giải quyết")


class StopGround(models.TextChoices):
    APPLICANT_REQUEST = "applicant_request", _("Theo đề nghị của người nộp hồ sơ")
    LEGAL_GROUNDS = "legal_grounds", _("Theo quy định của pháp luật")


def _not_received(dossier):
    return dossier.received_at is None


_not_received.message = _("Hồ sơ đã được tiếp nhận; không thể từ chối tiếp nhận nữa.")


def _has_next_step(dossier):
    return dossier.current_step_index + 1 < dossier.step_count


_has_next_step.message = _("Đây là bước cuối của quy trình; không còn cơ quan nào để chuyển liên thông.")


def _is_last_step(dossier):
    return dossier.current_step_index + 1 >= dossier.step_count


_is_last_step.message = _("Quy trình còn bước tiếp theo; hãy chuyển liên thông thay vì trình kết quả.")


def _not_yet_returned(dossier):
    return dossier.returned_at is None


_not_yet_returned.message = _("Kết quả đã được trả cho người nộp.")


def _received(dossier):
    return dossier.received_at is not None


_received.message = _("Hồ sơ chưa được tiếp nhận; người nộp có thể rút hồ sơ, cơ quan không dừng giải quyết.")


class Dossier(ConcurrentTransitionMixin, models.Model):
    """A citizen's application for one procedure. Change its state only through procedures.services."""

    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True, null=True, blank=True)
    procedure = models.ForeignKey(
        "procedures.Procedure", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="dossiers"
    )
    # The version in force when the dossier was received: its time, route and cut-off made the deadline.
    procedure_version = models.ForeignKey(
        "procedures.ProcedureVersion",
        verbose_name=_("phiên bản thủ tục"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    receiving_agency = models.ForeignKey(
        "government.Agency", verbose_name=_("nơi tiếp nhận"), on_delete=models.PROTECT, related_name="received_dossiers"
    )
    current_agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("cơ quan đang xử lý"),
        on_delete=models.PROTECT,
        related_name="current_dossiers",
    )
    # Decree 118/2025 separates three roles: where the citizen was helped, where the dossier was
    # received (above) and the competent authority that decides (the route's last agency, set at
    # receipt). The result goes back to return_agency, the center the citizen chose (else the receiver).
    helped_at = models.ForeignKey(
        "government.Agency",
        verbose_name=_("nơi được hướng dẫn"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    competent_agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("cơ quan có thẩm quyền giải quyết"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competent_dossiers",
    )
    return_agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("nơi trả kết quả"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Where the case is (the applicant's residence, the land parcel's commune…): what a non-boundary
    # procedure's competent authority is resolved from.
    case_unit = models.ForeignKey(
        "government.AdministrativeUnit",
        verbose_name=_("địa bàn của hồ sơ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    current_step_index = models.PositiveSmallIntegerField(_("bước hiện tại"), default=0)
    step_count = models.PositiveSmallIntegerField(_("số bước"), default=0, help_text=_("Đặt khi tiếp nhận."))
    channel = models.CharField(_("hình thức nộp"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người nộp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
    )
    applicant_name = models.CharField(_("họ và tên người nộp"), max_length=150)
    applicant_personal_id = models.CharField(_("số định danh cá nhân"), max_length=12, db_index=True)
    # The applicant's name folded (no diacritics, lower case), for officers' search.
    applicant_name_folded = models.CharField(max_length=150, blank=True, editable=False)
    applicant_phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    applicant_date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    registry_consent_at = models.DateTimeField(
        _("đồng ý khai thác CSDL dân cư lúc"),
        null=True,
        blank=True,
        help_text=_("Khi người nộp đồng ý cho lấy thông tin từ CSDL quốc gia về dân cư."),
    )
    result_delivery = models.CharField(
        _("hình thức nhận kết quả"), max_length=10, choices=ResultDelivery.choices, default=ResultDelivery.COUNTER
    )
    delivery_address = models.CharField(_("địa chỉ nhận kết quả qua bưu chính"), max_length=300, blank=True)
    # Recorded by the desk at the counter; online payment comes with its own adapter.
    fee_vnd = models.PositiveBigIntegerField(_("phí, lệ phí đã thu (đồng)"), null=True, blank=True)
    fee_note = models.CharField(_("ghi chú phí, lệ phí"), max_length=200, blank=True)
    identity_status = models.CharField(
        _("xác thực danh tính"), max_length=15, choices=IdentityStatus.choices, default=IdentityStatus.NOT_VERIFIED
    )

    state = FSMField(_("trạng thái"), max_length=25, choices=DossierState.choices, default=S.DRAFT, protected=True)
    proposed_outcome = models.CharField(_("đề xuất"), max_length=10, choices=Outcome.choices, blank=True)
    decision_note = models.TextField(_("lý do, ghi chú quyết định"), blank=True)

    created_at = models.DateTimeField(_("ngày tạo"), default=timezone.now)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    received_at = models.DateTimeField(_("ngày tiếp nhận"), null=True, blank=True)
    # Its entry in the receiving desk's book for the year of receipt (ReceiptBookSequence).
    receipt_year = models.PositiveSmallIntegerField(_("quyển số (năm)"), null=True, blank=True, editable=False)
    receipt_number = models.PositiveIntegerField(_("số thứ tự trong sổ"), null=True, blank=True, editable=False)
    clock_started_at = models.DateTimeField(_("bắt đầu tính thời hạn"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn giải quyết"), null=True, blank=True)
    appointment_at = models.DateTimeField(
        _("ngày hẹn trả kết quả"),
        null=True,
        blank=True,
        help_text=_("Bằng hạn giải quyết, trừ khi đã có phiếu xin lỗi hẹn lại."),
    )
    paused_at = models.DateTimeField(_("tạm dừng tính thời hạn từ"), null=True, blank=True)
    decided_at = models.DateTimeField(_("ngày phê duyệt"), null=True, blank=True)
    returned_at = models.DateTimeField(_("ngày trả kết quả"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("ngày dừng giải quyết"), null=True, blank=True)
    stop_ground = models.CharField(_("căn cứ dừng giải quyết"), max_length=20, choices=StopGround.choices, blank=True)
    timeliness = models.CharField(_("tiến độ"), max_length=10, choices=Timeliness.choices, blank=True)
    # Set when the retention command removed the component documents after the archive period.
    documents_purged_at = models.DateTimeField(_("giấy tờ đã hủy theo thời hạn lưu trữ lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-created_at"]
        indexes = [
            # A desk's and a holder's dossiers of one state, in due order: the work queue's default view
            # reads its first page from the front of these, however long the queue (procedures/queues.py).
            models.Index(fields=["receiving_agency", "state", "due_at", "id"], name="dossier_desk_queue_idx"),
            models.Index(fields=["current_agency", "state", "due_at", "id"], name="dossier_holder_queue_idx"),
            models.Index(fields=["state", "due_at"]),
            models.Index(fields=["received_at"]),
            # The dashboard's "overdue or due soon" list: the open, running dossiers in due order,
            # read from the front (a few thousand among millions closed).
            models.Index(
                fields=["due_at"],
                condition=models.Q(state__in=ON_THE_BOOKS, paused_at__isnull=True),
                name="dossier_open_due_idx",
            ),
            # A district's count of open and overdue dossiers, by holder, from the index alone.
            models.Index(
                fields=["current_agency", "due_at"],
                condition=models.Q(state__in=ON_THE_BOOKS),
                name="dossier_open_holder_idx",
            ),
            models.Index(
                fields=["receiving_agency", "due_at"],
                condition=models.Q(state__in=ON_THE_BOOKS),
                name="dossier_open_desk_idx",
            ),
        ]

    def __str__(self):
        return self.code or _("Hồ sơ nháp #%(pk)s") % {"pk": self.pk}

    @property
    def result_desk_id(self):
        """The desk that hands the result over: the center the citizen chose, else the receiving one."""
        return self.return_agency_id or self.receiving_agency_id

    @property
    def is_on_the_books(self):
        """Received and not yet returned: running against its deadline."""
        return self.state in ON_THE_BOOKS

    def save(self, *args, **kwargs):
        self.applicant_name_folded = fold(self.applicant_name)
        if kwargs.get("update_fields") and "applicant_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "applicant_name_folded"}
        super().save(*args, **kwargs)

    # Transition methods only move the state and record what the state itself implies;
    # the clock, the route and the event log are the services' business.

    @transition(state, source=S.DRAFT, target=S.SUBMITTED, permission=policy.may("submit"))
    def submit(self, *, code, at):
        self.code = code
        self.submitted_at = at

    @transition(state, source=S.SUBMITTED, target=S.RECEIVED, permission=policy.may("receive"))
    def receive(self, *, at, clock_started_at, due_at, step_count, first_agency, competent_agency, version):
        # The route is fixed at receipt: later catalog edits do not move a running dossier. A service
        # center forwards the dossier to the route's first agency; a desk of that agency keeps it.
        self.step_count = step_count
        self.procedure_version = version
        self.current_agency = first_agency
        self.competent_agency = competent_agency
        self.received_at = at
        self.clock_started_at = clock_started_at
        self.due_at = self.appointment_at = due_at

    @transition(
        state,
        source=[S.SUBMITTED, S.PROCESSING],
        target=S.SUPPLEMENT_REQUESTED,
        permission=policy.may("request_supplement"),
    )
    def request_supplement(self, *, at):
        if self.received_at is not None:
            self.paused_at = at

    @transition(
        state,
        source=S.SUPPLEMENT_REQUESTED,
        target=GET_STATE(
            lambda d, **kw: S.PROCESSING if d.received_at else S.SUBMITTED, states=[S.PROCESSING, S.SUBMITTED]
        ),
        permission=policy.may("supply"),
    )
    def supply(self, *, at):
        self.paused_at = None

    @transition(
        state,
        source=[S.SUBMITTED, S.SUPPLEMENT_REQUESTED],
        target=S.REJECTED,
        conditions=[_not_received],
        permission=policy.may("reject"),
    )
    def reject(self, *, reason):
        self.decision_note = reason

    @transition(state, source=S.RECEIVED, target=S.PROCESSING, permission=policy.may("start_processing"))
    def start_processing(self):
        pass

    @transition(
        state, source=S.PROCESSING, target=S.TRANSFERRED, conditions=[_has_next_step], permission=policy.may("transfer")
    )
    def transfer(self, *, next_agency):
        self.current_step_index += 1
        self.current_agency = next_agency

    @transition(state, source=S.TRANSFERRED, target=S.PROCESSING, permission=policy.may("accept_transfer"))
    def accept_transfer(self):
        pass

    @transition(
        state,
        source=S.PROCESSING,
        target=S.AWAITING_APPROVAL,
        conditions=[_is_last_step],
        permission=policy.may("propose"),
    )
    def propose(self, *, outcome, note):
        self.proposed_outcome = outcome
        self.decision_note = note

    @transition(state, source=S.AWAITING_APPROVAL, target=S.PROCESSING, permission=policy.may("send_back"))
    def send_back(self):
        self.proposed_outcome = ""

    @transition(
        state,
        source=S.AWAITING_APPROVAL,
        target=GET_STATE(
            lambda d, **kw: S.NOT_QUALIFIED if d.proposed_outcome == Outcome.REFUSAL else S.RESULT_READY,
            states=[S.RESULT_READY, S.NOT_QUALIFIED],
        ),
        permission=policy.may("approve"),
    )
    def approve(self, *, at):
        self.decided_at = at
        # Results go back to the desk that hands them over, whatever level decided it.
        self.current_agency_id = self.result_desk_id

    @transition(state, source=S.RESULT_READY, target=S.RETURNED, permission=policy.may("return_result"))
    @transition(
        # A refusal stays "not qualified" once handed over; returned_at marks that it was.
        state,
        source=S.NOT_QUALIFIED,
        target=S.NOT_QUALIFIED,
        conditions=[_not_yet_returned],
        permission=policy.may("return_result"),
    )
    def return_result(self, *, at, timeliness):
        self.returned_at = at
        self.timeliness = timeliness

    @transition(
        state,
        source=[S.RECEIVED, S.PROCESSING, S.TRANSFERRED, S.AWAITING_APPROVAL, S.SUPPLEMENT_REQUESTED],
        target=S.STOPPED,
        conditions=[_received],
        permission=policy.may("stop"),
    )
    def stop(self, *, ground, reason, at):
        self.stop_ground = ground
        self.decision_note = reason
        self.stopped_at = at
        self.paused_at = None

    @transition(state, source=IN_PROGRESS, target=S.WITHDRAWN, permission=policy.may("withdraw"))
    def withdraw(self, *, reason, at):
        self.decision_note = reason
        self.paused_at = None


class DossierStep(models.Model):
    """A dossier's passage through one route step: the agency holding it and that step's deadline."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    index = models.PositiveSmallIntegerField(_("bước"))
    route_step = models.ForeignKey("procedures.RouteStep", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    working_days = models.DecimalField(_("số ngày làm việc"), max_digits=5, decimal_places=1)
    due_at = models.DateTimeField(_("hạn của bước"))
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    completed_at = models.DateTimeField(_("hoàn thành"), null=True, blank=True)
    timeliness = models.CharField(_("tiến độ"), max_length=10, choices=Timeliness.choices, blank=True)

    class Meta:
        verbose_name = _("bước xử lý của hồ sơ")
        verbose_name_plural = _("các bước xử lý của hồ sơ")
        ordering = ["dossier", "index"]
        constraints = [models.UniqueConstraint(fields=["dossier", "index"], name="dossier_step_unique_index")]

    def __str__(self):
        return f"{self.index + 1}. {self.agency}"


class ReceiptBookSequence(models.Model):
    """The last entry of a desk's Sổ theo dõi hồ sơ for one year (Form 06/07): the receipt's "Quyển
    số / Số thứ tự". Unlike the dossier code's sequence it does not restart each day."""

    agency = models.ForeignKey("government.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="receipt_book_unique_year")]


class DossierCodeSequence(models.Model):
    """Last sequence number issued per receiving agency and day; only ever counts up."""

    agency = models.ForeignKey("government.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    last_value = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="dossier_code_sequence_unique_day")]
