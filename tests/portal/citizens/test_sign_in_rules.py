"""Issue 15: which sign-in a citizen may use, and the assurance level filing asks for."""

import pytest

from accounts.assurance import SESSION_LEVEL
from tests.vneid_adapter.conftest import Journey, _fake_vneid, vneid  # noqa: F401

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-2026"


def _with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def test_without_citizen_passwords_a_password_opens_staff_accounts_only(client, world, settings):
    settings.CITIZEN_PASSWORDS = False
    _with_password(world.citizen)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "019090001234", "password": PASSWORD})
    assert response.status_code == 200 and "Đăng nhập bằng VNeID" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/tai-khoan/dang-ky/")["Location"] == "/tai-khoan/vneid/"
    login_page = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert "/tai-khoan/dang-ky/" not in login_page
    _with_password(world.xa_motcua)
    staff = client.post("/tai-khoan/dang-nhap/", {"username": "xa.motcua", "password": PASSWORD})
    assert staff.status_code == 302


def test_with_citizen_passwords_the_demo_account_signs_in_and_counts_as_level_two(client, world, settings):
    settings.CITIZEN_PASSWORDS = True
    _with_password(world.citizen)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "019090001234", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(f"/nop-ho-so/{world.simple.pk}/").status_code == 200


def test_a_level_one_sign_in_is_told_to_sign_in_again_and_files_nothing(world, vneid):
    from django.test import Client
    from django.utils import timezone

    world.citizen.identity_verified_at = timezone.now()
    world.citizen.save()
    journey = Journey(Client(), vneid)
    journey.back(journey.pick(journey.to_provider(), level=1))
    assert journey.client.session[SESSION_LEVEL] == 1
    page = journey.client.get(f"/nop-ho-so/{world.simple.pk}/")
    html = page.content.decode()
    assert "Đăng nhập lại bằng VNeID mức độ 2" in html and "muc=2" in html
    response = journey.client.post(f"/nop-ho-so/{world.simple.pk}/", {"agency": world.commune_agency.pk})
    assert response.status_code == 400
    assert not world.citizen.dossiers.exists()


def test_a_procedure_asking_level_one_accepts_a_level_one_sign_in(world, vneid):
    from django.test import Client
    from django.utils import timezone

    world.citizen.identity_verified_at = timezone.now()
    world.citizen.save()
    world.simple.assurance_level = 1
    world.simple.save()
    journey = Journey(Client(), vneid)
    journey.back(journey.pick(journey.to_provider(), level=1))
    response = journey.client.post(f"/nop-ho-so/{world.simple.pk}/", {"agency": world.commune_agency.pk})
    assert response.status_code == 302 and world.citizen.dossiers.count() == 1
