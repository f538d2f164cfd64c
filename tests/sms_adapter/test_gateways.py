"""The SMS gateway is an adapter like the others: picked by settings.SMS, an HTTP client against a fake
gateway on loopback, refusals and outages as errors the notification task can tell apart."""

import pytest

from procedures.notifications import notify
from sms_adapter.client import SmsRefused, SmsUnavailable, get_sms_gateway
from sms_adapter.fake_server import FakeSmsGateway
from sms_adapter.http_client import HttpSmsGateway
from sms_adapter.memory import ConsoleSmsGateway, MemorySmsGateway
from tests.factories import received


@pytest.fixture
def fake():
    with FakeSmsGateway(api_key="khoa-thu") as gateway:
        yield gateway


def test_the_settings_pick_the_backend_by_alias_or_path(settings):
    settings.SMS = {**settings.SMS, "BACKEND": "console"}
    assert isinstance(get_sms_gateway(), ConsoleSmsGateway)
    settings.SMS = {**settings.SMS, "BACKEND": "sms_adapter.memory.MemorySmsGateway"}
    assert isinstance(get_sms_gateway(), MemorySmsGateway)
    assert get_sms_gateway() is get_sms_gateway()  # one per configuration, kept


def test_the_http_client_hands_the_message_over(fake, settings):
    settings.SMS = {**settings.SMS, "BACKEND": "http", "URL": fake.url, "API_KEY": "khoa-thu", "BRANDNAME": "MOTCUA-TN"}
    gateway = get_sms_gateway()
    assert isinstance(gateway, HttpSmsGateway) and gateway.health() == (True, "HTTP 200")
    gateway.send("0912345678", "Hồ sơ H50.25-261207-0001 đã có kết quả.")
    assert fake.messages == [
        {"phone": "0912345678", "text": "Hồ sơ H50.25-261207-0001 đã có kết quả.", "brandname": "MOTCUA-TN"}
    ]


def test_a_refusal_and_an_outage_are_told_apart(fake):
    client = HttpSmsGateway(fake.url, api_key="khoa-thu", read_timeout=1)
    with pytest.raises(SmsRefused):
        client.send("12345", "số sai")
    with pytest.raises(SmsRefused):
        HttpSmsGateway(fake.url, api_key="khoa-khac").send("0912345678", "khóa sai")
    fake.mode = "error"
    with pytest.raises(SmsUnavailable) as error:
        client.send("0912345678", "cổng đang lỗi")
    assert isinstance(error.value, OSError)  # the notification task retries on OSError
    fake.stop()
    with pytest.raises(SmsUnavailable):
        client.send("0912345678", "cổng tắt")
    assert fake.messages == []


def test_a_notification_goes_through_the_http_gateway(fake, settings, world):
    settings.SMS = {**settings.SMS, "BACKEND": "http", "URL": fake.url, "API_KEY": "khoa-thu"}
    dossier = received(world)
    assert notify(dossier.events.get(action="receive")) >= 1
    assert fake.messages[-1]["phone"] == "0912345678" and dossier.code in fake.messages[-1]["text"]
