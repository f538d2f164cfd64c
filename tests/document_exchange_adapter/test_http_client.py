"""The HTTP client against the fake axis on loopback: directory, delivery once per message id,
statuses moving on, refusals and an axis that is down."""

import datetime as dt
import time

import pytest

from document_exchange_adapter.client import AxisRefused, AxisUnavailable
from document_exchange_adapter.fake_server import DIRECTORY, FakeDocumentAxis
from document_exchange_adapter.http_client import HttpDocumentAxis
from document_exchange_adapter.messages import envelope


@pytest.fixture
def axis():
    with FakeDocumentAxis(step=0.2) as fake:
        yield fake, HttpDocumentAxis(fake.url, connect_timeout=0.5, read_timeout=2)


def letter(message_id="m1", recipient="000.00.00.G12", pdf=b"%PDF-1.7 signed"):
    return envelope(
        message_id=message_id,
        sender_code="000.30.25.H50",
        sender_name="UBND xã Phú Thượng",
        recipient_code=recipient,
        symbol="01/UBND-VP",
        issued_on=dt.date(2026, 11, 25),
        type_name="Công văn",
        excerpt="V/v báo cáo",
        urgency="normal",
        signer="Nguyễn Đức Thắng",
        pdf_bytes=pdf,
        file_name="01-UBND-VP.pdf",
    )


def test_the_directory_lists_the_outside_agencies(axis):
    _fake, client = axis
    assert {a.code: a.name for a in client.directory()} == DIRECTORY


def test_a_document_is_delivered_once_and_its_status_moves_on(axis):
    fake, client = axis
    assert client.send(letter()) is True
    assert client.send(letter()) is False  # a re-send after a lost answer is recorded once
    assert len(fake.received) == 1 and fake.received["m1"][0]["SoKyHieu"] == "01/UBND-VP"
    assert client.statuses(["m1", "unknown"]) == {"m1": "received"}
    time.sleep(0.45)
    assert client.statuses(["m1"]) == {"m1": "done"}


@pytest.mark.parametrize(
    "bad", [letter(recipient="999.99.99.Z99"), letter(pdf=b"MZ not a pdf"), {**letter(), "SoKyHieu": ""}]
)
def test_the_axis_refuses_what_it_cannot_deliver(axis, bad):
    fake, client = axis
    with pytest.raises(AxisRefused):
        client.send(bad)
    assert fake.received == {}


def test_an_axis_that_is_down_is_unavailable_not_refused(axis):
    fake, client = axis
    assert client.health()[0] is True
    fake.mode = "error"
    with pytest.raises(AxisUnavailable):
        client.send(letter())
    assert fake.received == {}
    assert HttpDocumentAxis("http://127.0.0.1:9", connect_timeout=0.5).health()[0] is False
