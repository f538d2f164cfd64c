"""Issue 16: fees paid online through the fake payment platform, and at the counter."""

import re
import time

import pytest
import requests

from payment_adapter.fake_server import FakePaymentPlatform
from payments import services
from payments.models import Payment, PaymentChannel, PaymentStatus
from payments.selectors import online_payment_rate
from procedures import services as lifecycle
from procedures.exceptions import DomainError
from tests.factories import RECEIVED_AT, online

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _platform():
    with FakePaymentPlatform(callback_delay=0.5) as platform:
        yield platform


@pytest.fixture
def platform(_platform, settings):
    _platform.mode = "normal"
    settings.PAYMENT = {**settings.PAYMENT, "URL": _platform.url}
    return _platform


@pytest.fixture
def paying(world, client):
    world.simple.fee_vnd = 8000
    world.simple.save()
    dossier = online(world, procedure=world.simple)
    client.force_login(world.citizen)
    return dossier, client


def _go_to_platform(client, dossier, platform):
    response = client.post(f"/ho-so/{dossier.pk}/thanh-toan/")
    assert response.status_code == 302 and response["Location"].startswith(platform.url + "/pay/")
    return response["Location"].rsplit("/", 1)[1]


def _choose(platform, reference, outcome, **options):
    answer = requests.post(
        f"{platform.url}/pay/{reference}", data={"outcome": outcome, **options}, allow_redirects=False, timeout=5
    )
    assert answer.status_code == 303
    return answer.headers["Location"]


def _callback_of(platform, reference):
    return platform.payments[reference]["result"]


def test_a_citizen_pays_online_and_gets_a_receipt_number(paying, platform):
    dossier, client = paying
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "Thanh toán trực tuyến" in page and "8.000" in page
    reference = _go_to_platform(client, dossier, platform)
    back = _choose(platform, reference, "success")
    assert back.endswith(f"/ho-so/{dossier.pk}/thanh-toan/ket-qua/?MaThamChieu={reference}")
    response = client.post("/thanh-toan/thong-bao/", _callback_of(platform, reference), content_type="application/json")
    assert response.status_code == 200 and response.json()["MaLoi"] == "00"
    payment = Payment.objects.get(reference=reference)
    assert payment.status == PaymentStatus.PAID and re.fullmatch(r"BL\d{8}", payment.receipt_number)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert payment.receipt_number in page and "Thanh toán trực tuyến</button>" not in page


def test_the_citizen_back_before_the_callback_is_answered_by_a_query(paying, platform):
    dossier, client = paying
    reference = _go_to_platform(client, dossier, platform)
    _choose(platform, reference, "success", delayed="1")
    response = client.get(f"/ho-so/{dossier.pk}/thanh-toan/ket-qua/", {"MaThamChieu": reference}, follow=True)
    assert "Đã thanh toán phí, lệ phí" in response.content.decode()
    time.sleep(0.8)  # the delayed callback arrives (at an address nobody serves in this test): nothing breaks
    assert Payment.objects.get(reference=reference).status == PaymentStatus.PAID


@pytest.mark.parametrize(
    "outcome,status,text",
    [("failure", PaymentStatus.FAILED, "không thành công"), ("cancel", PaymentStatus.CANCELLED, "đã hủy giao dịch")],
)
def test_failure_and_cancel_leave_the_fee_payable(paying, platform, outcome, status, text):
    dossier, client = paying
    reference = _go_to_platform(client, dossier, platform)
    _choose(platform, reference, outcome)
    page = client.get(
        f"/ho-so/{dossier.pk}/thanh-toan/ket-qua/", {"MaThamChieu": reference}, follow=True
    ).content.decode()
    assert text in page and Payment.objects.get(reference=reference).status == status
    assert services.can_pay_online(dossier)


def test_a_forged_callback_changes_nothing(paying, platform):
    dossier, client = paying
    reference = _go_to_platform(client, dossier, platform)
    _choose(platform, reference, "success", forged="1")
    forged = {
        "MaDoiTac": "MOTCUA-TN",
        "MaThamChieu": reference,
        "MaGiaoDich": "X",
        "SoTien": 8000,
        "MaLoi": "00",
        "ThoiGianGD": "20261120200000",
        "SoBienLai": "BL00000001",
        "MaKiemTra": "0" * 64,
    }
    for body in (forged, {**forged, "SoTien": 1}, {"nonsense": True}):
        assert client.post("/thanh-toan/thong-bao/", body, content_type="application/json").status_code == 400
    assert client.post("/thanh-toan/thong-bao/", "not json", content_type="application/json").status_code == 400
    assert Payment.objects.get(reference=reference).status == PaymentStatus.PENDING


def test_a_replayed_callback_changes_nothing_and_a_paid_dossier_never_pays_twice(paying, platform):
    dossier, client = paying
    reference = _go_to_platform(client, dossier, platform)
    _choose(platform, reference, "success")
    message = _callback_of(platform, reference)
    for _ in range(3):
        assert client.post("/thanh-toan/thong-bao/", message, content_type="application/json").status_code == 200
    payment = Payment.objects.get(reference=reference)
    receipt = payment.receipt_number
    assert Payment.objects.filter(dossier=dossier, status=PaymentStatus.PAID).count() == 1
    response = client.post(f"/ho-so/{dossier.pk}/thanh-toan/", follow=True)
    assert "đã được thanh toán" in response.content.decode()
    with pytest.raises(DomainError):
        services.record_at_counter(dossier, payment.created_by, channel=PaymentChannel.CASH, amount_vnd=8000)
    payment.refresh_from_db()
    assert payment.receipt_number == receipt


def test_two_attempts_both_paid_count_once_and_the_second_is_owed_back(paying, platform):
    dossier, client = paying
    first, second = _go_to_platform(client, dossier, platform), _go_to_platform(client, dossier, platform)
    for reference in (first, second):
        _choose(platform, reference, "success")
        client.post("/thanh-toan/thong-bao/", _callback_of(platform, reference), content_type="application/json")
    statuses = {p.reference: p.status for p in Payment.objects.filter(dossier=dossier)}
    assert statuses == {first: PaymentStatus.PAID, second: PaymentStatus.REFUND_DUE}


def test_a_platform_that_is_down_gets_a_message_and_no_charge(paying, platform):
    dossier, client = paying
    platform.mode = "error"
    response = client.post(f"/ho-so/{dossier.pk}/thanh-toan/", follow=True)
    assert "Chưa kết nối được cổng thanh toán" in response.content.decode()
    assert not Payment.objects.filter(dossier=dossier, status=PaymentStatus.PENDING).exists()


def test_another_citizens_dossier_cannot_be_paid_or_read(paying, platform, world):
    dossier, client = paying
    client.force_login(world.other_citizen)
    assert client.post(f"/ho-so/{dossier.pk}/thanh-toan/").status_code == 404
    assert client.get(f"/ho-so/{dossier.pk}/thanh-toan/ket-qua/", {"MaThamChieu": "x"}).status_code == 404


def test_rejection_records_the_refund_and_the_counter_records_cash(world):
    world.simple.fee_vnd = 8000
    world.simple.save()
    dossier = online(world, procedure=world.simple)
    services.record_at_counter(
        dossier, world.xa_motcua, channel=PaymentChannel.CARD, amount_vnd=8000, receipt_number="BL123"
    )
    lifecycle.reject(dossier, world.xa_motcua, reason="Không đúng thẩm quyền", at=RECEIVED_AT)
    payment = Payment.objects.get(dossier=dossier)
    assert payment.status == PaymentStatus.REFUNDED and payment.refunded_at and "thẩm quyền" in payment.refund_note


def test_the_online_payment_indicator(world):
    import datetime as dt

    from django.utils import timezone

    world.simple.fee_vnd = 8000
    world.simple.save()
    start, end = timezone.now() - dt.timedelta(days=1), timezone.now() + dt.timedelta(days=1)
    assert online_payment_rate(start, end) is None
    for channel in (PaymentChannel.CASH, PaymentChannel.CARD):
        services.record_at_counter(
            online(world, procedure=world.simple), world.xa_motcua, channel=channel, amount_vnd=8000
        )
    paid = Payment.objects.create(
        dossier=online(world, procedure=world.simple),
        reference="r-1",
        channel=PaymentChannel.ONLINE,
        amount_vnd=8000,
        status=PaymentStatus.PAID,
        created_by=world.citizen,
        created_at=timezone.now(),
        paid_at=timezone.now(),
    )
    assert paid and online_payment_rate(start, end) == pytest.approx(1 / 3)


def test_the_dashboard_counts_online_payment_in_the_766_group(world, staff_client):
    from django.utils import timezone

    world.simple.fee_vnd = 8000
    world.simple.save()
    html = staff_client("monitor").get("/can-bo/bao-cao/").content.decode()
    assert "chưa có khoản phí, lệ phí nào được thanh toán trong kỳ" in html
    Payment.objects.create(
        dossier=online(world, procedure=world.simple),
        reference="r-2",
        channel=PaymentChannel.ONLINE,
        amount_vnd=8000,
        status=PaymentStatus.PAID,
        created_by=world.citizen,
        created_at=timezone.now(),
        paid_at=timezone.now(),
    )
    html = staff_client("monitor").get("/can-bo/bao-cao/").content.decode()
    assert "Gồm tỉ lệ phí, lệ phí thanh toán trực tuyến" in html


def test_the_officer_sees_an_online_payment_its_receipt_and_a_refund(paying, platform, world, staff_client):
    """Issue 35, item 10: the back office showed only the counter's cash."""
    dossier, client = paying
    officer = staff_client("xa_motcua")
    assert "Chưa thanh toán." in officer.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    reference = _go_to_platform(client, dossier, platform)
    _choose(platform, reference, "success")
    client.post("/thanh-toan/thong-bao/", _callback_of(platform, reference), content_type="application/json")
    payment = Payment.objects.get(reference=reference)
    page = officer.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert all(text in page for text in ("Trực tuyến", "8.000", "Đã thanh toán", payment.receipt_number))
    assert "Thanh toán trực tuyến</button>" not in page  # the citizen's button is not the officer's
    lifecycle.reject(dossier, world.xa_motcua, reason="Không đúng thẩm quyền", at=RECEIVED_AT)
    page = officer.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "Đã hoàn trả" in page and "Hoàn trả lúc" in page and "thẩm quyền" in page


def test_dossiers_written_in_bulk_get_their_fees_as_paid_when_filed(world, staff_client):
    """Issue 35, item 13 (stop 45's walk): a returned synthetic dossier said "Chưa thanh toán"."""
    import io

    from django.core.management import call_command

    from demo.synthetic_year import ACCOUNT, generate
    from procedures.models import Dossier

    world.simple.fee_vnd = 30_000
    world.simple.save()
    generate(200, seed=9, out=io.StringIO(), batch=100)
    call_command("record_fee_history", received_by=ACCOUNT, stdout=io.StringIO())
    charged = Dossier.objects.filter(received_at__isnull=False, procedure__fee_vnd__gt=0)
    assert Payment.objects.count() == charged.count() > 0
    assert not Payment.objects.filter(dossier__procedure__fee_vnd=0).exists()
    online_one = Payment.objects.filter(channel=PaymentChannel.ONLINE).select_related("dossier").first()
    cash_one = Payment.objects.filter(channel=PaymentChannel.CASH).select_related("dossier").first()
    assert online_one.paid_at == online_one.dossier.submitted_at and cash_one.paid_at == cash_one.dossier.received_at
    assert {p.status for p in Payment.objects.all()} == {PaymentStatus.PAID}
    call_command("record_fee_history", received_by=ACCOUNT, stdout=io.StringIO())  # idempotent
    assert Payment.objects.count() == charged.count()
    # a dossier someone else received and nobody paid for is not marked paid
    unpaid = online(world)
    world.simple.fee_vnd = 30_000
    lifecycle.receive(unpaid, world.xa_motcua)
    call_command("record_fee_history", received_by=ACCOUNT, stdout=io.StringIO())
    assert not Payment.objects.filter(dossier=unpaid).exists()
    returned = charged.filter(state="returned", receiving_agency=world.commune_agency).first()
    page = staff_client("xa_motcua").get(f"/can-bo/ho-so/{returned.pk}/").content.decode()
    assert "Đã thanh toán" in page and "30.000" in page
