"""Issue 37: the signed-in user (with role and agency) comes from the cache between requests, and every
change that matters to a request — password, deactivation, role, agency — counts on the next one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import signed_in
from government.models import Role, StaffRole
from tests.factories import sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def user_cache(settings):
    settings.SIGNED_IN_USER_CACHE_SECONDS = 300


def user_reads(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, [q for q in captured.captured_queries if 'FROM "accounts_user"' in q["sql"]]


def test_the_second_request_does_not_read_the_user(client, world):
    client.force_login(world.citizen)
    client.get("/ho-so/")
    response, reads = user_reads(client, "/ho-so/")
    assert response.status_code == 200 and reads == []


def test_a_deactivated_account_is_signed_out_on_its_next_request(client, world):
    client.force_login(world.citizen)
    assert client.get("/ho-so/").status_code == 200
    world.citizen.is_active = False
    world.citizen.save()
    assert client.get("/ho-so/").status_code == 302  # to the sign-in page


def test_a_changed_password_signs_the_other_sessions_out(client, world):
    client.force_login(world.citizen)
    assert client.get("/ho-so/").status_code == 200
    world.citizen.set_password("Mật-khẩu-mới-2026")
    world.citizen.save()
    assert client.get("/ho-so/").status_code == 302


def test_a_new_role_or_agency_counts_on_the_next_request(client, world):
    sign_in_verified(client, world.xa_motcua)
    assert client.get("/can-bo/").status_code == 200
    role = StaffRole.objects.get(user=world.xa_motcua)
    role.role = Role.CLERK
    role.save()
    assert client.get("/can-bo/").status_code == 302  # a clerk's work is the registers
    agency = role.agency
    agency.name = "Ủy ban nhân dân xã mới đổi tên"
    agency.save()
    assert signed_in.load(world.xa_motcua.pk).staff_role.agency.name == "Ủy ban nhân dân xã mới đổi tên"


def test_without_a_shared_cache_the_user_is_read_each_time(client, world, settings):
    settings.SIGNED_IN_USER_CACHE_SECONDS = 0
    client.force_login(world.citizen)
    client.get("/ho-so/")
    _response, reads = user_reads(client, "/ho-so/")
    assert len(reads) == 1
