import pytest
import requests

from procedures.models import DossierState
from tests.factories import online
from tests.uploads import pdf

pytestmark = pytest.mark.django_db


def _draft(citizen_api, world):
    response = citizen_api.post(
        "/api/v1/me/dossiers/", {"procedure": world.simple.pk, "agency": world.commune_agency.pk}, format="json"
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_citizen_files_a_dossier_through_the_api(citizen_api, world):
    draft = _draft(citizen_api, world)
    assert draft["state"] == "draft"
    pk = draft["id"]
    patched = citizen_api.patch(
        f"/api/v1/me/dossiers/{pk}/", {"applicant_phone": "0912000111", "result_delivery": "online"}, format="json"
    )
    assert patched.status_code == 200 and patched.json()["applicant_phone"] == "0912000111"
    incomplete = citizen_api.post(f"/api/v1/me/dossiers/{pk}/submit/")
    assert incomplete.status_code == 409 and incomplete["Content-Type"] == "application/problem+json"
    assert incomplete.json()["problems"]
    for document in world.simple.required_documents.all():
        uploaded = citizen_api.post(
            f"/api/v1/me/dossiers/{pk}/files/", {"required_document": document.pk, "file": pdf()}, format="multipart"
        )
        assert uploaded.status_code == 201, uploaded.json()
    submitted = citizen_api.post(f"/api/v1/me/dossiers/{pk}/submit/")
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["state"] == "submitted" and submitted.json()["code"]
    listed = citizen_api.get("/api/v1/me/dossiers/").json()
    assert [d["id"] for d in listed["results"]] == [pk]
    file_id = submitted.json()["files"][0]["id"]
    download = citizen_api.get(f"/api/v1/me/dossiers/{pk}/files/{file_id}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_forged_file_is_refused_and_the_draft_is_unchanged(citizen_api, world):
    from tests.uploads import disguised

    pk = _draft(citizen_api, world)["id"]
    document = world.simple.required_documents.first()
    response = citizen_api.post(
        f"/api/v1/me/dossiers/{pk}/files/", {"required_document": document.pk, "file": disguised()}, format="multipart"
    )
    assert response.status_code == 409
    assert citizen_api.get(f"/api/v1/me/dossiers/{pk}/").json()["files"] == []


def test_another_citizens_dossier_does_not_exist(citizen_api, world):
    theirs = online(world, citizen=world.other_citizen)
    for url in (
        f"/api/v1/me/dossiers/{theirs.pk}/",
        f"/api/v1/me/dossiers/{theirs.pk}/submit/",
        f"/api/v1/me/dossiers/{theirs.pk}/withdraw/",
    ):
        response = (
            citizen_api.get(url)
            if url.endswith(f"{theirs.pk}/")
            else citizen_api.post(url, {"reason": "x"}, format="json")
        )
        assert response.status_code == 404, url


def test_withdrawal_goes_through_the_same_rules(citizen_api, world):
    dossier = online(world)
    empty = citizen_api.post(f"/api/v1/me/dossiers/{dossier.pk}/withdraw/", {"reason": ""}, format="json")
    assert empty.status_code == 400
    done = citizen_api.post(f"/api/v1/me/dossiers/{dossier.pk}/withdraw/", {"reason": "Nộp nhầm"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == DossierState.WITHDRAWN
    again = citizen_api.post(f"/api/v1/me/dossiers/{dossier.pk}/withdraw/", {"reason": "Nộp nhầm"}, format="json")
    assert again.status_code == 409


def test_staff_and_anonymous_callers_are_refused(api, world):
    assert api.get("/api/v1/me/dossiers/").status_code == 401
    api.force_login(world.xa_motcua)
    assert api.get("/api/v1/me/dossiers/").status_code in (302, 403)


def test_session_writes_need_the_csrf_token(world):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.citizen)
    response = client.post(
        "/api/v1/me/dossiers/", {"procedure": world.simple.pk, "agency": world.commune_agency.pk}, format="json"
    )
    assert response.status_code == 403


def _token(vneid, personal_id="019090001234", level=2):
    answer = requests.post(vneid.url + "/demo-token", json={"personal_id": personal_id, "level": level}, timeout=5)
    return answer.json()["access_token"]


def test_a_vneid_token_signs_the_citizen_in(api, world, vneid):
    from django.utils import timezone

    world.citizen.identity_verified_at = timezone.now()  # a registry-confirmed demo account: the same person
    world.citizen.save()
    online(world)
    api.credentials(HTTP_AUTHORIZATION="Bearer " + _token(vneid))
    response = api.get("/api/v1/me/dossiers/")
    assert response.status_code == 200 and response.json()["count"] == 1


def test_level_one_token_cannot_file_a_level_two_procedure(api, world, vneid):
    api.credentials(HTTP_AUTHORIZATION="Bearer " + _token(vneid, level=1))
    response = api.post(
        "/api/v1/me/dossiers/", {"procedure": world.simple.pk, "agency": world.commune_agency.pk}, format="json"
    )
    assert response.status_code == 409 and "mức độ 2" in response.json()["detail"]
    assert not world.citizen.dossiers.exists()


@pytest.mark.parametrize("mode", ["expired", "wrong_issuer", "wrong_audience", "bad_signature", "alg_none"])
def test_bad_tokens_are_refused(api, world, vneid, mode):
    vneid.set(mode=mode)
    token = _token(vneid)
    vneid.set(mode="normal")
    api.credentials(HTTP_AUTHORIZATION="Bearer " + token)
    response = api.get("/api/v1/me/dossiers/")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")


def test_an_id_token_is_not_an_api_credential(api, world, vneid):
    from django.test import Client

    from tests.vneid_adapter.conftest import Journey

    journey = Journey(Client(), vneid)
    journey.sign_in()
    id_token = journey.client.session["vneid_id_token"]
    api.credentials(HTTP_AUTHORIZATION="Bearer " + id_token)
    assert api.get("/api/v1/me/dossiers/").status_code == 401


def test_a_token_signed_with_a_rotated_key_is_accepted_after_one_refresh(api, world, vneid):
    api.credentials(HTTP_AUTHORIZATION="Bearer " + _token(vneid))
    assert api.get("/api/v1/me/dossiers/").status_code == 200  # the keys are now kept
    vneid.rotate_keys()
    api.credentials(HTTP_AUTHORIZATION="Bearer " + _token(vneid))
    assert api.get("/api/v1/me/dossiers/").status_code == 200
