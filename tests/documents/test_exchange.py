"""Documents addressed outside the system go through the axis; the sender sees what the recipients
report; an axis that refuses or is down leaves the delivery to be sent again."""

import pytest

from document_exchange_adapter.client import AxisUnavailable, get_axis
from documents.models import ExternalDelivery
from documents.policy import NotAllowed
from documents.services import exchange
from tests.documents.factories import issued

pytestmark = pytest.mark.django_db
MINISTRY = {"code": "000.00.00.G12", "name": "Bộ Tư pháp"}


def test_an_issued_document_goes_to_the_outside_agency_with_its_signed_file(
    offices, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = issued(offices.ubnd, type_name="Công văn", external=[MINISTRY])
    delivery = document.external_deliveries.get()
    assert delivery.status == ExternalDelivery.Status.SENT
    sent = get_axis().received[delivery.message_id]
    assert sent["SoKyHieu"] == document.symbol and sent["MaDinhDanhNoiNhan"] == MINISTRY["code"]
    get_axis().reported[delivery.message_id] = "handling"
    assert exchange.refresh_statuses() == 1
    delivery.refresh_from_db()
    assert delivery.status == ExternalDelivery.Status.HANDLING
    get_axis().reported[delivery.message_id] = "received"  # statuses never move back
    exchange.refresh_statuses()
    delivery.refresh_from_db()
    assert delivery.status == ExternalDelivery.Status.HANDLING


def test_a_down_axis_leaves_the_delivery_for_the_clerk_to_send_again(offices, django_capture_on_commit_callbacks):
    get_axis().failure = AxisUnavailable("timeout")
    with django_capture_on_commit_callbacks(execute=True):
        document = issued(offices.ubnd, type_name="Công văn", external=[MINISTRY])
    delivery = document.external_deliveries.get()
    assert (delivery.status, delivery.last_error, delivery.attempts) == ("failed", "timeout", 1)
    get_axis().failure = None
    with pytest.raises(NotAllowed):
        exchange.resend(offices.ubnd.specialist, document)
    assert exchange.resend(offices.ubnd.clerk, document) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_an_unknown_recipient_is_refused_with_the_reason(offices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = issued(offices.ubnd, type_name="Công văn", external=[{"code": "999", "name": "Không có"}])
    delivery = document.external_deliveries.get()
    assert delivery.status == "failed" and "Trục từ chối" in delivery.last_error


def test_the_periodic_sync_sends_what_waited_and_reads_statuses(offices, django_capture_on_commit_callbacks):
    get_axis().failure = AxisUnavailable("timeout")
    with django_capture_on_commit_callbacks(execute=True):
        document = issued(offices.ubnd, type_name="Công văn", external=[MINISTRY])
    get_axis().failure = None
    assert exchange.sync() == (1, 1)  # sent, and at once acknowledged as received
    get_axis().reported[document.external_deliveries.get().message_id] = "done"
    assert exchange.sync() == (0, 1)
    assert document.external_deliveries.get().status == "done"
