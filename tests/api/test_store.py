"""The citizen's store through the API (issue 39), with the attacks tried: another person's paper by id,
an expired one, removing an issued result."""

import pytest

from procedures.models import StoredDocument
from procedures.services import filing
from tests.factories import DocumentKindFactory, issued_result, local, needing
from tests.uploads import disguised, pdf

pytestmark = pytest.mark.django_db


def _draft(world, procedure):
    dossier, _message = filing.start_online(world.citizen, procedure, world.commune_agency, consent=False)
    return dossier


def test_the_store_lists_and_a_draft_reuses_without_upload(citizen_api, verified):
    item = StoredDocument.objects.get(dossier=issued_result(verified))
    listed = citizen_api.get("/api/v1/me/store/").json()
    assert [(i["id"], i["kind"], i["source"], i["number"], i["removable"]) for i in listed] == [
        (item.pk, "giay-khai-sinh", "result", item.number, False)
    ]
    assert listed[0]["verification_token"] == str(item.result_file.verification_token)
    procedure, document = needing(verified, item.kind)
    draft = _draft(verified, procedure)
    response = citizen_api.post(
        f"/api/v1/me/dossiers/{draft.pk}/reuse/",
        {"required_document": document.pk, "stored_document": item.pk},
        format="json",
    )
    assert response.status_code == 201
    assert [f["stored_document"] for f in response.json()["files"]] == [item.pk]
    file = citizen_api.get(f"/api/v1/me/store/{item.pk}/file/")
    assert file.status_code == 200 and b"".join(file.streaming_content).startswith(b"%PDF")


def test_another_persons_paper_cannot_be_attached_nor_read(citizen_api, verified):
    theirs = StoredDocument.objects.get(dossier=issued_result(verified, citizen=verified.other_citizen))
    assert citizen_api.get("/api/v1/me/store/").json() == []
    assert citizen_api.get(f"/api/v1/me/store/{theirs.pk}/file/").status_code == 404
    assert citizen_api.delete(f"/api/v1/me/store/{theirs.pk}/").status_code == 404
    procedure, document = needing(verified, theirs.kind)
    draft = _draft(verified, procedure)
    response = citizen_api.post(
        f"/api/v1/me/dossiers/{draft.pk}/reuse/",
        {"required_document": document.pk, "stored_document": theirs.pk},
        format="json",
    )
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"
    assert not draft.documents.exists()
    hostile = citizen_api.post(
        f"/api/v1/me/dossiers/{draft.pk}/reuse/",
        {"required_document": document.pk, "stored_document": "1; DROP TABLE"},
        format="json",
    )
    assert hostile.status_code == 400 and not draft.documents.exists()


def test_an_expired_paper_is_refused(citizen_api, verified, time_machine):
    time_machine.move_to(local(2026, 12, 6, 9, 0), tick=False)
    kind = DocumentKindFactory(code="xac-nhan-hon-nhan", name="Giấy xác nhận tình trạng hôn nhân", validity_months=6)
    item = StoredDocument.objects.get(dossier=issued_result(verified, kind=kind, at=local(2026, 5, 4, 8, 0)))
    procedure, document = needing(verified, kind)
    draft = _draft(verified, procedure)
    response = citizen_api.post(
        f"/api/v1/me/dossiers/{draft.pk}/reuse/",
        {"required_document": document.pk, "stored_document": item.pk},
        format="json",
    )
    assert response.status_code == 409 and "hết thời hạn" in response.json()["detail"]
    assert not draft.documents.exists()


def test_a_citizen_adds_and_removes_an_upload_but_not_a_result(citizen_api, verified):
    result = StoredDocument.objects.get(dossier=issued_result(verified))
    created = citizen_api.post("/api/v1/me/store/", {"kind": "giay-khai-sinh", "file": pdf()}, format="multipart")
    assert created.status_code == 201 and created.json()["removable"] is True
    forged = citizen_api.post("/api/v1/me/store/", {"kind": "giay-khai-sinh", "file": disguised()}, format="multipart")
    assert forged.status_code == 409 and StoredDocument.objects.count() == 2
    assert citizen_api.delete(f"/api/v1/me/store/{result.pk}/").status_code == 409
    assert citizen_api.delete(f"/api/v1/me/store/{created.json()['id']}/").status_code == 204
    assert [i["id"] for i in citizen_api.get("/api/v1/me/store/").json()] == [result.pk]
