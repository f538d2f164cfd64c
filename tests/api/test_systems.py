import datetime as dt

import pytest
from django.core.management import call_command

from api.models import Scope
from api.services import register_system, revoke
from procedures.models import DossierState
from tests.factories import online

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_system(world):
    client, key = register_system(name="Phần mềm một cửa xã", scope=Scope.TRANSITIONS, acting_user=world.xa_motcua)
    return client, key


def _as(api, key):
    api.credentials(HTTP_AUTHORIZATION="Api-Key " + key)
    return api


def test_only_the_hash_of_a_key_is_stored(desk_system):
    client, key = desk_system
    assert key not in client.hashed_key and client.agency_id is not None


def test_dossiers_changed_since_a_time_with_a_cursor(api, world, desk_system):
    first, second = online(world), online(world, procedure=world.simple)
    theirs = online(world, agency=world.other_commune_agency)
    _as(api, desk_system[1])
    page = api.get("/api/v1/system/dossiers/", {"since": "2026-01-01T00:00:00Z"}).json()
    codes = [d["code"] for d in page["results"]]
    assert codes == [first.code, second.code] and theirs.code not in codes
    later = api.get("/api/v1/system/dossiers/", {"since": "2030-01-01T00:00:00Z"}).json()
    assert later["results"] == []
    assert api.get("/api/v1/system/dossiers/").status_code == 400


def test_cursor_pages_reach_every_dossier(api, world, desk_system, monkeypatch):
    from api.v1 import systems

    monkeypatch.setattr(systems.Changes, "page_size", 2)
    made = {online(world, procedure=world.simple).code for _ in range(5)}
    _as(api, desk_system[1])
    seen, url = [], "/api/v1/system/dossiers/?since=2026-01-01T00:00:00Z"
    while url:
        page = api.get(url).json()
        seen += [d["code"] for d in page["results"]]
        url = page["next"]
    assert set(seen) == made and len(seen) == 5


def test_status_and_events_of_a_dossier_in_scope_only(api, world, desk_system):
    mine, theirs = online(world), online(world, agency=world.other_commune_agency)
    _as(api, desk_system[1])
    status = api.get(f"/api/v1/system/dossiers/{mine.code}/").json()
    assert status["state"] == "submitted" and status["receiving_agency"] == "000.01.21.H98"
    events = api.get(f"/api/v1/system/dossiers/{mine.code}/events/").json()
    assert [e["action"] for e in events][-1] == "submit"
    assert api.get(f"/api/v1/system/dossiers/{theirs.code}/").status_code == 404


def test_a_transition_obeys_the_back_office_policy(api, world, desk_system):
    dossier = online(world)
    _as(api, desk_system[1])
    received = api.post(
        f"/api/v1/system/dossiers/{dossier.code}/transitions/receive/", {"comment": "Đủ"}, format="json"
    )
    assert received.status_code == 200 and received.json()["state"] == DossierState.RECEIVED
    dossier.refresh_from_db()
    assert dossier.events.latest("pk").actor == world.xa_motcua
    # An officer may not approve: neither may the system acting as one.
    refused = api.post(f"/api/v1/system/dossiers/{dossier.code}/transitions/start_processing/", {}, format="json")
    assert refused.status_code == 403 and refused.json()["type"].endswith("/forbidden")
    unknown = api.post(f"/api/v1/system/dossiers/{dossier.code}/transitions/approve/", {}, format="json")
    assert unknown.status_code == 404
    reject_without_reason = api.post(f"/api/v1/system/dossiers/{dossier.code}/transitions/reject/", {}, format="json")
    assert reject_without_reason.status_code in (403, 409)
    dossier.refresh_from_db()
    assert dossier.state == DossierState.RECEIVED


def test_a_read_only_key_fires_nothing(api, world):
    _client, key = register_system(name="Báo cáo tỉnh", scope=Scope.READ)
    dossier = online(world)
    _as(api, key)
    assert api.get(f"/api/v1/system/dossiers/{dossier.code}/").status_code == 200  # the whole province
    response = api.post(f"/api/v1/system/dossiers/{dossier.code}/transitions/receive/", {}, format="json")
    assert response.status_code == 403
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED


def test_revoked_wrong_and_expired_keys_are_refused(api, world, desk_system):
    client, key = desk_system
    assert _as(api, key + "x").get("/api/v1/system/dossiers/", {"since": "2026-01-01T00:00:00Z"}).status_code == 401
    _other, expired_key = register_system(name="Cũ", expiry_date=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    assert _as(api, expired_key).get("/api/v1/system/dossiers/", {"since": "2026-01-01"}).status_code == 401
    revoke(client)
    assert _as(api, key).get("/api/v1/system/dossiers/", {"since": "2026-01-01"}).status_code == 401


def test_a_system_key_does_not_open_the_citizen_api(api, world, desk_system):
    assert _as(api, desk_system[1]).get("/api/v1/me/dossiers/").status_code == 401


def test_transitions_scope_needs_a_staff_account(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        register_system(name="Thiếu", scope=Scope.TRANSITIONS)
    with pytest.raises(ValidationError):
        register_system(name="Công dân", scope=Scope.TRANSITIONS, acting_user=world.citizen)


def test_the_command_prints_a_working_key(api, world, capsys):
    call_command("register_system", "Kho dữ liệu", "--agency", "000.01.21.H98")
    key = capsys.readouterr().out.strip()
    assert _as(api, key).get("/api/v1/system/dossiers/", {"since": "2026-01-01"}).status_code == 200


def test_hostile_transition_bodies_get_messages_and_change_nothing(api, world):
    from tests.factories import received

    _client, key = register_system(name="Lãnh đạo", scope=Scope.TRANSITIONS, acting_user=world.xa_lanhdao)
    dossier = received(world)
    events = dossier.events.count()
    _as(api, key)
    for name, body in [
        ("issue_apology", {"reason": "Chậm"}),
        ("stop", {"reason": "Dừng"}),
        ("stop", {"reason": "Dừng", "ground": "nope"}),
        ("issue_apology", {"reason": "x", "new_appointment_at": "2026-02-30T00:00:00Z"}),
        ("request_supplement", {"missing_items": "một chuỗi, không phải danh sách"}),
        ("request_supplement", {"missing_items": ["x" * 501]}),
    ]:
        response = api.post(f"/api/v1/system/dossiers/{dossier.code}/transitions/{name}/", body, format="json")
        assert response.status_code in (400, 403, 409), (name, body, response.status_code)
        assert response["Content-Type"] == "application/problem+json"
    dossier.refresh_from_db()
    assert dossier.state == DossierState.RECEIVED and dossier.events.count() == events


def test_missing_items_are_items_not_characters(api, world, desk_system):
    from procedures import services

    dossier = online(world)
    services.receive(dossier, world.xa_motcua)
    services.start_processing(dossier, world.xa_chuyenvien)
    _client, key = register_system(name="Chuyên viên", scope=Scope.TRANSITIONS, acting_user=world.xa_chuyenvien)
    _as(api, key)
    response = api.post(
        f"/api/v1/system/dossiers/{dossier.code}/transitions/request_supplement/",
        {"missing_items": ["Bản sao sổ hộ khẩu", "Ảnh 3x4"]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert dossier.events.latest("pk").data["missing_items"] == ["Bản sao sổ hộ khẩu", "Ảnh 3x4"]
