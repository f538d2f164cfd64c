import pytest

from tests.eforms.conftest import record_form  # noqa: F401
from tests.eforms.test_filing import answers

pytestmark = pytest.mark.django_db


def _typed(document, **changes):
    prefix = f"ef{document.pk}-"
    return {key[len(prefix) :]: value for key, value in answers(document, **changes).items() if key.startswith(prefix)}


def test_a_declaration_is_typed_checked_and_submitted_through_the_api(citizen_api, world, record_form, registry):  # noqa: F811
    pk = citizen_api.post(
        "/api/v1/me/dossiers/", {"procedure": world.simple.pk, "agency": world.commune_agency.pk}, format="json"
    ).json()["id"]
    url = f"/api/v1/me/dossiers/{pk}/forms/{record_form.pk}/"
    blank = citizen_api.get(url).json()
    assert blank["definition"]["title"] and blank["complete"] is False
    wrong = citizen_api.put(url, {"fields": _typed(record_form, date_of_birth="31/02/1990")}, format="json").json()
    assert not wrong["complete"] and any("ngày hợp lệ" in e["message"] for e in wrong["errors"])
    assert wrong["fields"]["full_name"] == "Nguyễn Văn An"  # what was typed is kept
    right = citizen_api.put(url, {"fields": _typed(record_form)}, format="json").json()
    assert right["complete"] and right["values"]["purpose"] == "Bổ sung hồ sơ xin việc"
    lacking = citizen_api.post(f"/api/v1/me/dossiers/{pk}/submit/").json()
    assert lacking["type"].endswith("/incomplete") and lacking["problems"]
    citizen_api.patch(f"/api/v1/me/dossiers/{pk}/", {"applicant_phone": "0912345678"}, format="json")
    submitted = citizen_api.post(f"/api/v1/me/dossiers/{pk}/submit/")
    assert submitted.status_code == 200, submitted.json()
    assert any(f["name"].endswith(".pdf") for f in submitted.json()["files"])  # the declaration, generated
    again = citizen_api.put(url, {"fields": _typed(record_form)}, format="json")
    assert again.status_code == 409


def test_hostile_field_values_get_messages_not_errors(citizen_api, world, record_form):  # noqa: F811
    pk = citizen_api.post(
        "/api/v1/me/dossiers/", {"procedure": world.simple.pk, "agency": world.commune_agency.pk}, format="json"
    ).json()["id"]
    url = f"/api/v1/me/dossiers/{pk}/forms/{record_form.pk}/"
    response = citizen_api.put(
        url,
        {"fields": {"residences-rows": "99999999", "copies": "<script>", "residences-0-from_year": "-1e999"}},
        format="json",
    )
    assert response.status_code == 200 and not response.json()["complete"]
    assert any(e["label"] for e in response.json()["errors"])
    nul = citizen_api.put(url, {"fields": {"full_name": "x\x00y"}}, format="json")
    assert nul.status_code == 400 and "full_name" in nul.json()["errors"]["fields"]
    assert citizen_api.put(url, {"fields": ["not", "a", "dict"]}, format="json").status_code == 400
    assert citizen_api.put(url, "not json", content_type="application/json").status_code == 400
