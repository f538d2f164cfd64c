import re

import pytest
from django.core.cache import cache

from procedures import services

from .helpers import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def track(client, code, secret, **extra):
    return client.post("/tra-cuu-ho-so/", {"code": code, "secret": secret}, **extra)


def test_tracking_by_code_and_id_or_phone_digits_shows_status_without_personal_data(client, world, registry):
    dossier = submitted(world)
    for secret in ("1234", "5678"):  # last 4 of the ID 019090001234, of the phone 0912345678
        response = track(client, dossier.code.lower(), secret)
        assert response.status_code == 200
        body = response.content.decode()
        assert "Mới nộp" in body and world.commune_agency.name in body
    for personal in ("Nguyễn Văn An", "019090001234", "0912345678", "Hương Sơn"):
        assert personal not in body

    services.receive(dossier, world.xa_motcua)  # an officer acts: the citizen sees it
    body = track(client, dossier.code, "1234").content.decode()
    assert "Đã tiếp nhận" in body and "Tiếp nhận hồ sơ" in body


def test_a_wrong_pair_says_nothing_about_which_part_was_wrong(client, world, registry):
    dossier = submitted(world)
    wrong_digits = track(client, dossier.code, "0000")
    unknown_code = track(client, "000.01.21.H98-261126-9999", "1234")
    assert wrong_digits.status_code == unknown_code.status_code == 404
    message = "Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 chữ số đã nhập."
    assert message in wrong_digits.content.decode() and message in unknown_code.content.decode()


def test_a_qr_code_opens_the_form_with_the_code_filled_in(client, world, registry):
    dossier = submitted(world)
    response = client.get(f"/tra-cuu-ho-so/?ma={dossier.code}")
    assert response.context["form"]["code"].value() == dossier.code


def test_guessing_is_rate_limited_per_address_with_a_clear_message(client, world, registry, settings):
    settings.TRACKING_RATE_LIMIT = (3, 600)
    dossier = submitted(world)
    for secret in ("0001", "0002", "0003"):
        assert track(client, dossier.code, secret).status_code == 404
    limited = track(client, dossier.code, "1234")
    assert limited.status_code == 429
    assert re.search(r"Bạn đã tra cứu quá nhiều lần\. Vui lòng thử lại sau ([1-9]|10) phút\.", limited.content.decode())
    assert "dossier" not in limited.context  # not even the right answer gets through
    other_address = track(client, dossier.code, "1234", REMOTE_ADDR="10.1.2.3")
    assert other_address.status_code == 200


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(client, world, registry, settings):
    settings.TRACKING_RATE_LIMIT = (1, 600)
    dossier = submitted(world)
    track(client, dossier.code, "0001", HTTP_X_FORWARDED_FOR="1.1.1.1")
    assert track(client, dossier.code, "1234", HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429  # spoofing ignored
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert track(client, dossier.code, "1234", HTTP_X_FORWARDED_FOR="3.3.3.3").status_code == 200
