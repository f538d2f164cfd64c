import pytest

from tests.factories import online

pytestmark = pytest.mark.django_db


def test_catalog_lists_and_filters_without_diacritics(api, world):
    response = api.get("/api/v1/procedures/", {"q": "dang ky khai sinh"})
    assert response.status_code == 200
    names = [p["name"] for p in response.json()["results"]]
    assert names == ["Đăng ký khai sinh"]
    detail = api.get(f"/api/v1/procedures/{world.simple.pk}/").json()
    assert detail["assurance_level"] == 2 and detail["route"] and "required_documents" in detail


def test_catalog_filters_by_level(api, world):
    names = {p["name"] for p in api.get("/api/v1/procedures/", {"level": "district"}).json()["results"]}
    assert names == {"Cấp giấy chứng nhận lần đầu"}


def test_bad_filters_are_problem_details_in_the_language_asked(api, world):
    response = api.get("/api/v1/procedures/", {"level": "galaxy", "page": "0"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Dữ liệu không hợp lệ" and set(body["errors"]) == {"level", "page"}
    english = api.get("/api/v1/procedures/", {"level": "galaxy"}, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert english.json()["title"] == "Invalid input"
    assert api.get("/api/v1/procedures/999999/").json()["status"] == 404


def test_public_tracking_by_code_and_secret(api, world):
    dossier = online(world)
    response = api.post("/api/v1/tracking/", {"code": dossier.code, "secret": "1234"}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "submitted" and "applicant_name" not in body
    assert api.post("/api/v1/tracking/", {"code": dossier.code, "secret": "0000"}, format="json").status_code == 404


def test_tracking_shares_the_page_limit(api, world, settings, client):
    settings.TRACKING_RATE_LIMIT = (3, 600)
    for _ in range(2):
        client.post("/tra-cuu-ho-so/", {"code": "X", "secret": "0000"})
    assert api.post("/api/v1/tracking/", {"code": "X", "secret": "0000"}, format="json").status_code == 404
    limited = api.post("/api/v1/tracking/", {"code": "X", "secret": "0000"}, format="json")
    assert limited.status_code == 429 and limited["Retry-After"]


def test_an_address_outside_the_api_routes_is_a_problem_not_a_page(api):
    for url in (
        "/api/v1/me/dossiers/null,null/withdraw/",
        "/api/khong-co",
        "/api/v1/procedures/abc/",
        "/api/v1/me/dossiers/P%0A/submit/",
    ):
        response = api.post(url)
        assert response.status_code == 404 and response["Content-Type"] == "application/problem+json", url
