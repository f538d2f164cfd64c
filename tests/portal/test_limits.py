"""Issue 33, 4: limits an attack run walked around, each tried again here as the attack."""

import base64
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.factories import local
from tests.portal.citizens.test_registration import KHANG
from tests.vneid_adapter.conftest import _fake_vneid, vneid  # noqa: F401  (the fake provider's keys)

pytestmark = pytest.mark.django_db
DOORS = ["/tai-khoan/dang-nhap/", "/django-admin/login/", "/cms/login/", "/_util/login/"]


@pytest.fixture(autouse=True)
def _inside_one_window(time_machine):
    """The limits count in fixed windows (15 minutes, an hour): a test that crossed a window's end
    would see its counts start again. 10:20 leaves ten minutes of the quarter and forty of the hour."""
    time_machine.move_to(local(2026, 12, 7, 10, 20))


def signed_in(client):
    return "_auth_user_id" in client.session


def test_password_spraying_counts_every_sign_in_door_on_one_counter(world, settings):
    """One address, one password, many accounts, spread over the four doors: the limit holds on all."""
    settings.SIGN_IN_ADDRESS_LIMIT = (4, 900)
    names = ["xa.motcua", "xa.chuyenvien", "huyen.motcua", "huyen.lanhdao"]
    for door, name in zip(DOORS, names):
        Client().post(door, {"username": name, "password": "Mua-Thu-2026"})
    for door in DOORS:  # now even the right password of a fifth account is not checked, on any door
        client = Client()
        client.post(door, {"username": "xa.lanhdao", "password": "MotCua@2026"})
        assert not signed_in(client), door
    elsewhere = Client(REMOTE_ADDR="10.20.30.40")
    elsewhere.post("/tai-khoan/dang-nhap/", {"username": "xa.lanhdao", "password": "MotCua@2026"})
    assert signed_in(elsewhere)  # another address is not held back


def test_the_portal_door_says_why_it_refuses(world, settings):
    settings.SIGN_IN_ADDRESS_LIMIT = (1, 900)
    Client().post("/cms/login/", {"username": "xa.motcua", "password": "sai"})
    refused = Client().post("/tai-khoan/dang-nhap/", {"username": "xa.lanhdao", "password": "MotCua@2026"})
    assert refused.status_code == 429 and "quá nhiều lần đăng nhập sai" in refused.content.decode()


@pytest.mark.parametrize("door", ["/tai-khoan/quen-mat-khau/", "/cms/password_reset/"])
def test_password_reset_is_limited_per_account_the_same_whether_it_exists(world, settings, door):
    settings.PASSWORD_RESET_RATE_LIMIT = (50, 3, 3600)
    get_user_model().objects.filter(pk=world.xa_motcua.pk).update(email="motcua@example.vn", is_superuser=True)
    answers = {}
    for email in ("motcua@example.vn", "khong-co-ai@example.vn"):
        answers[email] = [Client(REMOTE_ADDR=f"10.0.0.{n}").post(door, {"email": email}).status_code for n in range(5)]
    assert answers["motcua@example.vn"] == answers["khong-co-ai@example.vn"] == [302, 302, 302, 429, 429]
    assert len(mail.outbox) <= 3
    limited = Client().post(door, {"email": " MOTCUA@example.vn "})  # case and spaces count as the same
    assert limited.status_code == 429 and "quá nhiều yêu cầu lấy lại mật khẩu" in limited.content.decode()


def test_password_reset_is_limited_per_address(world, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = (2, 50, 3600)
    codes = [Client().post("/tai-khoan/quen-mat-khau/", {"email": f"a{n}@example.vn"}).status_code for n in range(3)]
    assert codes == [302, 302, 429]


@pytest.mark.parametrize("typed", [" 019220000517", "019220000517 ", "\t019220000517", "019220000517\t"])
def test_spaces_around_the_id_do_not_open_a_new_registration_budget(client, registry, settings, typed):
    settings.REGISTRATION_RATE_LIMIT = (100, 2, 3600)
    for _ in range(2):
        client.post("/tai-khoan/dang-ky/", {**KHANG, "full_name": "Sai Tên"})
    assert client.post("/tai-khoan/dang-ky/", {**KHANG, "personal_id": typed}).status_code == 429


def test_a_taken_id_asks_the_registry_as_a_free_one_does(client, world, registry):
    """The answer's time told whether an account holds the ID (0.02 s against 0.46 s): both now wait
    for the registry, so both take its time."""
    get_user_model().objects.filter(pk=world.citizen.pk).update(identity_verified_at=timezone.now())
    before = registry.calls
    taken = client.post(
        "/tai-khoan/dang-ky/",
        {**KHANG, "personal_id": "019090001234", "full_name": "Nguyễn Văn An", "date_of_birth": "1990-05-12"},
    )
    asked_for_taken = registry.calls - before
    free = client.post("/tai-khoan/dang-ky/", {**KHANG, "full_name": "Sai Tên"})
    assert taken.status_code == free.status_code == 400
    assert asked_for_taken == registry.calls - before - asked_for_taken == 1


def _forged_token(kid):
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return ".".join([part({"alg": "RS256", "kid": kid, "typ": "at+jwt"}), part({"sub": "x"}), "c2ln"])


def test_unknown_key_ids_make_one_key_refresh_per_interval(vneid, monkeypatch):
    from rest_framework.test import APIClient

    from vneid_adapter import client as vneid_client

    fetched = []
    original = vneid_client._Provider.fetch_jwk_set

    def counting(self, force=False):
        fetched.append(force)
        return original(self, force=force)

    monkeypatch.setattr(vneid_client._Provider, "fetch_jwk_set", counting)
    api = APIClient()
    answers = [
        api.get("/api/v1/me/dossiers/", HTTP_AUTHORIZATION="Bearer " + _forged_token(f"moi-{n}")).status_code
        for n in range(20)
    ]
    assert set(answers) == {401}
    assert fetched.count(True) == 1  # one forced refresh for twenty unknown ids
