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


def test_first_sign_in_needs_an_enrolment_code_then_enrols_totp_and_issues_backup_codes(client, world):
    from accounts import enrolment

    response = sign_in(client, "xa.motcua")
    assert response["Location"] == "/can-bo/"
    response = client.get("/can-bo/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/can-bo/xac-thuc/dang-ky/")
    page = response.content.decode()
    # The attack seen: a stolen, unenrolled password showed the TOTP secret. Now no secret without a code.
    assert "Mã đăng ký" in page and "<svg" not in page and "<code>" not in page
    assert not TOTPDevice.objects.filter(user=world.xa_motcua).exists()
    guessed = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"enrolment_code": "12345-67890"})
    assert guessed.status_code == 400 and "Mã đăng ký không đúng" in guessed.content.decode()

    issued = enrolment.issue(world.xa_motcua, world.xa_lanhdao)
    accepted = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"enrolment_code": issued}, follow=True)
    assert "<svg" in accepted.content.decode() and "Đăng ký xác thực hai lớp" in accepted.content.decode()
    device = TOTPDevice.objects.get(user=world.xa_motcua, confirmed=False)

    wrong = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"token": "000000"})
    assert wrong.status_code == 400 and "Mã không đúng" in wrong.content.decode()
    before = client.session.session_key
    done = client.post("/can-bo/xac-thuc/dang-ky/?next=/can-bo/", {"token": code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(len(c) == 8 for c in codes)
    assert client.session.session_key != before  # a new session key once the second factor is passed
    assert client.get("/can-bo/").status_code == 200
    assert enrolment.redeem(world.xa_motcua, issued) is None  # used up


def test_enrolment_codes_expire_are_single_use_and_cannot_be_guessed(client, world):
    import datetime as dt

    from django.utils import timezone

    from accounts import enrolment

    old = enrolment.issue(world.xa_motcua, now=timezone.now() - dt.timedelta(hours=73))
    assert enrolment.redeem(world.xa_motcua, old) is None
    fresh = enrolment.issue(world.xa_motcua)
    assert enrolment.redeem(world.xa_chuyenvien, fresh) is None  # another officer's code is no use
    sign_in(client, "xa.motcua")
    for n in range(5):
        assert client.post("/can-bo/xac-thuc/dang-ky/", {"enrolment_code": f"0000{n}-00000"}).status_code == 400
    throttled = client.post("/can-bo/xac-thuc/dang-ky/", {"enrolment_code": fresh})
    assert throttled.status_code == 429 and "thử lại sau" in throttled.content.decode()


def test_a_leader_issues_codes_for_their_agency_only(staff_client, world):
    leader = staff_client("xa_lanhdao")
    page = leader.get("/can-bo/can-bo-co-quan/")
    assert page.status_code == 200 and world.xa_motcua.username in page.content.decode()
    issued = leader.post("/can-bo/can-bo-co-quan/", {"user": world.xa_motcua.pk})
    assert issued.status_code == 200 and "Mã đăng ký xác thực hai lớp của" in issued.content.decode()
    assert leader.post("/can-bo/can-bo-co-quan/", {"user": world.huyen_motcua.pk}).status_code == 403
    assert leader.post("/can-bo/can-bo-co-quan/", {"user": "9" * 30}).status_code == 403
    assert staff_client("xa_motcua").get("/can-bo/can-bo-co-quan/").status_code == 403


def test_the_issue_enrolment_code_command_bootstraps_the_first_administrator(world, capsys):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from accounts import enrolment

    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "Quan-Tri-2026")
    call_command("issue_enrolment_code", "quantri")
    username, issued = capsys.readouterr().out.split()
    assert username == "quantri" and enrolment.redeem(admin, issued) is not None


def test_a_throttled_code_says_how_long_to_wait(client, world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    device = TOTPDevice.objects.create(user=world.xa_motcua, name="app", confirmed=True)
    sign_in(client, "xa.motcua")
    assert client.post("/can-bo/xac-thuc/", {"token": "000000"}).status_code == 400
    throttled = client.post("/can-bo/xac-thuc/", {"token": code(device)})  # even the right code, too soon
    assert throttled.status_code == 429
    assert re.search(r"Vui lòng chờ \d+ giây", throttled.content.decode())


def test_later_sign_ins_need_a_code_and_a_backup_code_works_once(client, world):
    from accounts import otp

    device = TOTPDevice.objects.create(user=world.xa_motcua, name="app", confirmed=True)
    backup = otp.issue_backup_codes(world.xa_motcua)
    sign_in(client, "xa.motcua")
    assert client.get("/can-bo/")["Location"].startswith("/can-bo/xac-thuc/")
    assert client.post("/can-bo/xac-thuc/", {"token": "123456"}).status_code == 400
    before = client.session.session_key
    assert client.post("/can-bo/xac-thuc/?next=/can-bo/", {"token": code(device)}).status_code == 302
    assert client.session.session_key != before
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
    assert (
        client.post(
            "/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "MotCua@2026"}, REMOTE_ADDR="203.0.113.9"
        ).status_code
        == 429
    )
    at_the_desk = client.post(
        "/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": "MotCua@2026"}, REMOTE_ADDR="10.20.0.5"
    )
    assert at_the_desk.status_code == 302


def test_one_address_spraying_many_accounts_is_stopped(client, world, settings):
    settings.SIGN_IN_ADDRESS_LIMIT = (6, 900)
    for name in ("a", "b", "c", "xa.lanhdao", "huyen.motcua", "tinh.giamsat"):
        assert sign_in(client, name, "Thu-Mat-Khau-1").status_code == 200
    refused = sign_in(client, "xa.motcua")  # the right password, but from the spraying address
    assert refused.status_code == 429 and re.search(
        r"từ địa chỉ mạng này\. Vui lòng thử lại sau \d+ phút", refused.content.decode()
    )


def test_an_administrator_unlocks_an_officer(client, world):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.factories import sign_in_verified

    for _ in range(5):
        sign_in(client, "xa.motcua", "sai-mat-khau")
    assert sign_in(client, "xa.motcua").status_code == 429
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "Quan-Tri-2026")
    admin_client = sign_in_verified(Client(), admin)
    response = admin_client.post(
        "/django-admin/accounts/user/",
        {"action": "unlock_sign_in", "_selected_action": [world.xa_motcua.pk]},
        follow=True,
    )
    assert "Đã mở khóa đăng nhập cho 1 tài khoản." in response.content.decode()
    assert sign_in(client, "xa.motcua").status_code == 302
