"""Paying a dossier's fee: online through the payment platform (payment_adapter), or at the counter.

A result from the platform changes a payment only when its integrity code is right, it names a
payment of ours for the same amount, and the payment is still waiting: a forged or replayed callback
changes nothing. A dossier's fee counts once (a database constraint), whatever arrives twice.
"""

import datetime as dt
import logging
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from eforms.selectors import declared_fees
from payment_adapter.client import GatewayError, PaymentRequest, get_gateway
from payment_adapter.http_client import result_from
from procedures.exceptions import DomainError, PermissionDenied
from procedures.models import IN_PROGRESS, Dossier, DossierEvent, DossierState

from .models import Payment, PaymentChannel, PaymentStatus

log = logging.getLogger(__name__)
# Filed and not yet closed: the fee can be paid until the result is handed over.
PAYABLE_STATES = {*IN_PROGRESS, DossierState.RESULT_READY}
COUNTED = (PaymentStatus.PAID, PaymentStatus.REFUNDED)


class CallbackRefused(Exception):
    pass


def fee_of(dossier):
    """The fee of the version the dossier was received under (else the procedure's), in VND, plus what
    the declaration adds (copies asked for on a birth registration)."""

    terms = dossier.procedure_version or dossier.procedure
    return terms.fee_vnd + declared_fees(dossier)


def counted(dossier):
    return dossier.payments.filter(status__in=COUNTED).first()


def can_pay_online(dossier, payments=None):
    """`payments`: the dossier's payments if the caller has them already (the dossier page)."""
    if fee_of(dossier) <= 0 or dossier.state not in PAYABLE_STATES:
        return False
    if payments is not None:
        return not any(p.status in COUNTED for p in payments)
    return counted(dossier) is None


def start_online(dossier, citizen, *, return_url, notify_url, gateway=None, at=None):
    """A payment request at the platform for the dossier's fee; returns (payment, address to go to)."""
    if dossier.applicant_id != citizen.pk:
        raise PermissionDenied()
    if counted(dossier) is not None:
        raise DomainError(_("Hồ sơ này đã được thanh toán phí, lệ phí."))
    if not can_pay_online(dossier):
        raise DomainError(_("Hồ sơ này không có phí, lệ phí phải nộp trực tuyến lúc này."))
    at = at or timezone.now()
    payment = Payment.objects.create(
        dossier=dossier,
        reference=_reference(dossier),
        channel=PaymentChannel.ONLINE,
        amount_vnd=fee_of(dossier),
        created_by=citizen,
        created_at=at,
    )
    request = PaymentRequest(
        reference=payment.reference,
        amount=payment.amount_vnd,
        description=_("Phí, lệ phí hồ sơ %(code)s — %(procedure)s")
        % {"code": dossier.code, "procedure": dossier.procedure.name},
        procedure_code=dossier.procedure.national_code,
        agency_code=dossier.receiving_agency.electronic_code,
        dossier_code=dossier.code,
        return_url=return_url,
        notify_url=notify_url,
    )
    try:
        address = (gateway or get_gateway()).create(request)
    except GatewayError as error:
        Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.FAILED, gateway_error="init")
        log.warning("payment platform refused %s: %s", payment.reference, error.reason)
        raise DomainError(_("Chưa kết nối được cổng thanh toán. Vui lòng thử lại sau ít phút; bạn chưa bị trừ tiền."))
    return payment, address


def _reference(dossier):
    return f"{dossier.pk}-{secrets.token_hex(6).upper()}"


def apply_callback(message, *, at=None):
    """The platform's signed result, posted to us. Returns the payment; CallbackRefused if forged,
    unknown or not matching (nothing is changed then)."""
    try:
        result = result_from(message, settings.PAYMENT["SECRET"])
    except GatewayError as error:
        raise CallbackRefused(error.reason) from None
    if message.get("MaDoiTac") != settings.PAYMENT["PARTNER_CODE"]:
        raise CallbackRefused("another partner's message")
    return _apply(result, at=at)


def _apply(result, *, at=None):
    at = at or timezone.now()
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(reference=result.reference).first()
        if payment is None:
            raise CallbackRefused("unknown reference")
        if result.amount != payment.amount_vnd:
            raise CallbackRefused("amount differs")
        if payment.status != PaymentStatus.PENDING:
            return payment  # a replay, or the query got there first: already applied
        payment.gateway_transaction, payment.gateway_error = result.transaction[:40], result.error_code[:10]
        if result.paid:
            payment.status, payment.paid_at, payment.receipt_number = PaymentStatus.PAID, at, result.receipt_number[:40]
        else:
            payment.status = PaymentStatus.CANCELLED if result.error_code == "24" else PaymentStatus.FAILED
        try:
            with transaction.atomic():
                payment.save()
        except IntegrityError:  # the fee was paid by another attempt meanwhile: this one is owed back
            payment.status = PaymentStatus.REFUND_DUE
            payment.refund_note = _("Đã thanh toán bằng giao dịch khác; khoản này cần hoàn trả.")
            payment.save()
            log.warning("payment %s paid twice for dossier %s", payment.reference, payment.dossier_id)
    return payment


def check_pending(payment, *, gateway=None):
    """Ask the platform about a payment still waiting (the citizen came back before the callback, or
    a callback was lost: the beat task runs this for every one older than a few minutes)."""
    if payment.status != PaymentStatus.PENDING or payment.channel != PaymentChannel.ONLINE:
        return payment
    try:
        result = (gateway or get_gateway()).query(payment.reference)
    except GatewayError as error:
        log.info("payment query %s: %s", payment.reference, error.reason)
        return payment
    return _apply(result) if result is not None else payment


def record_at_counter(dossier, officer, *, channel, amount_vnd, receipt_number="", at=None):
    """Cash or card at the desk."""
    if channel not in (PaymentChannel.CASH, PaymentChannel.CARD):
        raise DomainError(_("Hình thức thu tại quầy là tiền mặt hoặc thẻ."))
    if amount_vnd <= 0:
        raise DomainError(_("Số tiền phải lớn hơn 0."))
    at = at or timezone.now()
    try:
        with transaction.atomic():
            return Payment.objects.create(
                dossier=dossier,
                reference=_reference(dossier),
                channel=channel,
                amount_vnd=amount_vnd,
                status=PaymentStatus.PAID,
                receipt_number=receipt_number[:40],
                created_by=officer,
                created_at=at,
                paid_at=at,
            )
    except IntegrityError:
        raise DomainError(_("Hồ sơ này đã được thanh toán phí, lệ phí.")) from None


def record_refund(dossier, *, at, note=""):
    """The fee of a rejected dossier is owed back: recorded on its paid payment."""
    Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).update(
        status=PaymentStatus.REFUNDED, refunded_at=at, refund_note=(note or _("Hồ sơ bị từ chối tiếp nhận"))[:300]
    )


def check_all_pending(*, older_than_minutes=5, gateway=None):
    cutoff = timezone.now() - dt.timedelta(minutes=older_than_minutes)
    pending = Payment.objects.filter(status=PaymentStatus.PENDING, channel=PaymentChannel.ONLINE, created_at__lt=cutoff)
    return [check_pending(p, gateway=gateway) for p in pending]


def record_fee_history(received_by, *, batch=2_000):
    """The fee as paid for every dossier filed or received by the account `received_by` (the one
    dossiers written in bulk carry: the demo's synthetic year, an import) that has a fee and no
    payment: their pages said "not paid yet" after the result was handed over. Paid when the dossier
    was filed: online through the platform, at a counter in cash. A dossier anyone else received is
    left alone, paid or not. Idempotent. Returns the payments written."""
    first_actor = (
        DossierEvent.objects.filter(dossier=OuterRef("pk"), action__in=("submit", "receive"))
        .order_by("created_at", "pk")
        .values("actor_id")[:1]
    )
    dossiers = (
        Dossier.objects.filter(received_at__isnull=False)
        .exclude(Exists(Payment.objects.filter(dossier=OuterRef("pk"))))
        .annotate(fee=Coalesce(F("procedure_version__fee_vnd"), F("procedure__fee_vnd")), actor=first_actor)
        .filter(fee__gt=0, actor=received_by.pk)
        .values_list("pk", "channel", "fee", "actor", "submitted_at", "received_at")
        .order_by("pk")
    )
    written, rows = 0, []
    for pk, channel, fee, actor, submitted_at, received_at in dossiers.iterator(chunk_size=batch):
        online = channel == "online"
        at = (submitted_at or received_at) if online else received_at
        rows.append(
            Payment(
                dossier_id=pk,
                reference=f"{pk}-HIST",
                amount_vnd=fee,
                status=PaymentStatus.PAID,
                channel=PaymentChannel.ONLINE if online else PaymentChannel.CASH,
                receipt_number=f"BL{at:%y}-{pk:07d}",
                created_by_id=actor,
                created_at=at,
                paid_at=at,
                gateway_transaction=f"GD{pk:010d}" if online else "",
            )
        )
        if len(rows) >= batch:
            written += len(Payment.objects.bulk_create(rows))
            rows = []
    return written + len(Payment.objects.bulk_create(rows))
