import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    # django-otp slows down guessing after a wrong code (1 s, 2 s, 4 s…); these tests type wrong codes on purpose.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username, password="MotCua@2026"):
    return client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})


def test_first_sign_in_enrols_totp_and_issues_backup_codes(client, world):
    response = sign_in(client, "xa.motcua")
    assert response["Location"] == "/can-bo/"
    response = client.get("/can-bo/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/can-bo/xac-thuc/dang-ky/")
    page = response.content.decode()
    assert "<svg" in page and "Đăng ký xác thực hai lớp" in page
    device = TOTPDevice.objects.get(user=world.xa_motcua, confirmed=False)

    wrong = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"token": "000000"})
    assert wrong.status_code == 400 and "Mã không đúng" in wrong.content.decode()
    done = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"token": code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(len(c) == 8 for c in codes)
    assert client.get("/can-bo/").status_code == 200


def test_later_sign_ins_need_a_code_and_a_backup_code_works_once(client, world):
    from portal.accounts import otp

    device = TOTPDevice.objects.create(user=world.xa_motcua, name="app", confirmed=True)
    backup = otp.issue_backup_codes(world.xa_motcua)
    sign_in(client, "xa.motcua")
    assert client.get("/can-bo/")["Location"].startswith("/can-bo/xac-thuc/")
    assert client.post("/can-bo/xac-thuc/", {"token": "123456"}).status_code == 400
    assert client.post("/can-bo/xac-thuc/?next=/can-bo/", {"token": code(device)}).status_code == 302
    assert client.get("/can-bo/").status_code == 200

    client.post("/can-bo/dang-xuat/")
    sign_in(client, "xa.motcua")
    assert client.post("/can-bo/xac-thuc/", {"token": backup[0]}).status_code == 302
    client.post("/can-bo/dang-xuat/")
    sign_in(client, "xa.motcua")
    assert client.post("/can-bo/xac-thuc/", {"token": backup[0]}).status_code == 400  # used up


@pytest.mark.parametrize("path", ["/can-bo/", "/can-bo/tiep-nhan/", "/cms/", "/django-admin/"])
def test_no_staff_page_without_the_second_factor(client, world, path):
    world.xa_motcua.is_superuser = True
    world.xa_motcua.save()
    client.force_login(world.xa_motcua)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/can-bo/xac-thuc/")


def test_citizens_are_not_asked_for_a_second_factor_and_have_no_back_office(client, world):
    client.force_login(world.citizen)
    assert client.get("/ho-so/").status_code == 200
    assert client.get("/can-bo/").status_code == 403


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, world):
    for _ in range(4):
        assert sign_in(client, "xa.motcua", "sai-mat-khau").status_code == 200
    assert sign_in(client, "xa.motcua", "sai-mat-khau").status_code == 429  # the fifth locks
    locked = sign_in(client, "xa.motcua")  # even the right password now
    assert locked.status_code == 429
    assert "tạm khóa 15 phút" in locked.content.decode()
    assert sign_in(client, "xa.chuyenvien").status_code == 302  # a colleague at the same desk is not locked


def test_the_personal_id_and_the_user_name_share_one_budget(client, world):
    """The attack seen: `congdan2` and its personal ID gave two budgets of five."""
    for name in ("congdan2", "019195004321", "congdan2", "019195004321"):
        assert sign_in(client, name, "sai-mat-khau").status_code == 200
    assert sign_in(client, "019195004321", "sai-mat-khau").status_code == 429
    assert sign_in(client, "congdan2", "MotCua@2026").status_code == 429


def test_a_lock_from_one_address_does_not_lock_the_officer_out_at_the_desk(client, world):
    for _ in range(5):
        client.post("/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "x"}, REMOTE_ADDR="203.0.113.9")
    assert client.post("/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "MotCua@2026"},
                       REMOTE_ADDR="203.0.113.9").status_code == 429
    at_the_desk = client.post("/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "MotCua@2026"},
                              REMOTE_ADDR="10.20.0.5")
    assert at_the_desk.status_code == 302


def test_one_address_spraying_many_accounts_is_stopped(client, world, settings):
    settings.SIGN_IN_ADDRESS_LIMIT = (6, 900)
    for name in ("a", "b", "c", "xa.lanhdao", "huyen.motcua", "tinh.giamsat"):
        assert sign_in(client, name, "Thu-Mat-Khau-1").status_code == 200
    refused = sign_in(client, "xa.motcua")  # the right password, but from the spraying address
    assert refused.status_code == 429 and re.search(r"từ địa chỉ mạng này\. Vui lòng thử lại sau \d+ phút", refused.content.decode())


def test_an_administrator_unlocks_an_officer(client, world):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import sign_in_verified

    for _ in range(5):
        sign_in(client, "xa.motcua", "sai-mat-khau")
    assert sign_in(client, "xa.motcua").status_code == 429
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "Quan-Tri-2026")
    admin_client = sign_in_verified(Client(), admin)
    response = admin_client.post("/django-admin/accounts/user/", {
        "action": "unlock_sign_in", "_selected_action": [world.xa_motcua.pk]}, follow=True)
    assert "Đã mở khóa đăng nhập cho 1 tài khoản." in response.content.decode()
    assert sign_in(client, "xa.motcua").status_code == 302
