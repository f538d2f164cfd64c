"""A citizen can never see or act on another citizen's dossier or file: tried, one URL at a time."""

import pytest

from procedures.models import DossierState
from procedures.services import filing
from tests.uploads import pdf, png

from .helpers import submitted, with_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_draft_and_a_result(world, registry):
    draft, _ = filing.start_online(world.citizen, world.simple, world.commune_agency, consent=True)
    required = draft.procedure.required_documents.first()
    document = filing.attach_document(draft, world.citizen, required, png())
    result = with_result(world)
    result_file = result.events.get(action="approve").files.get()
    return draft, document, result, result_file


def urls(draft, document, result, result_file):
    return {
        "get": [
            f"/ho-so/{draft.pk}/",
            f"/ho-so/{draft.pk}/soan/",
            f"/ho-so/{draft.pk}/xem-lai/",
            f"/ho-so/{draft.pk}/tep/{document.pk}/",
            f"/ho-so/{result.pk}/",
            f"/ho-so/{result.pk}/giay-tiep-nhan.pdf",
            f"/ho-so/{result.pk}/ket-qua/{result_file.pk}/",
        ],
        "post": [
            (f"/ho-so/{draft.pk}/soan/", {"applicant_phone": "0999999999", "result_delivery": "counter"}),
            (f"/ho-so/{draft.pk}/xoa-tep/{document.pk}/", {}),
            (f"/ho-so/{draft.pk}/xem-lai/", {}),
            (f"/ho-so/{result.pk}/rut/", {"reason": "phá"}),
            (f"/ho-so/{result.pk}/bo-sung/", {"files": [pdf()]}),
            (f"/ho-so/{result.pk}/danh-gia/", {"score": "1"}),
        ],
    }


def test_another_citizen_gets_not_found_everywhere_and_changes_nothing(client, world, a_draft_and_a_result):
    draft, document, result, result_file = a_draft_and_a_result
    client.force_login(world.other_citizen)
    targets = urls(*a_draft_and_a_result)
    for url in targets["get"]:
        assert client.get(url).status_code == 404, url
    for url, data in targets["post"]:
        assert client.post(url, data).status_code == 404, url
    draft.refresh_from_db()
    result.refresh_from_db()
    assert (draft.state, draft.applicant_phone, draft.documents.count()) == (DossierState.DRAFT, world.citizen.phone, 1)
    assert result.state == DossierState.RESULT_READY
    assert client.get("/ho-so/").context["page_obj"].paginator.count == 0


def test_anonymous_visitors_are_sent_to_sign_in(client, a_draft_and_a_result):
    for url in urls(*a_draft_and_a_result)["get"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/?next="), url


def test_staff_accounts_do_not_use_the_citizen_pages(client, world, a_draft_and_a_result):
    client.force_login(world.xa_motcua)
    for url in urls(*a_draft_and_a_result)["get"]:
        assert client.get(url).status_code == 403, url


def test_dossier_files_have_no_public_address(client, world, a_draft_and_a_result, settings):
    _draft, document, _result, result_file = a_draft_and_a_result
    for stored in (document.file, result_file.file):
        assert str(settings.PRIVATE_MEDIA_ROOT) in stored.path
        assert not stored.path.startswith(str(settings.MEDIA_ROOT))
        assert client.get(f"/media/{stored.name}").status_code == 404


def test_a_result_is_not_downloadable_before_it_is_approved(citizen_client, world, registry):
    dossier = submitted(world)
    approved_elsewhere = with_result(world, citizen=world.other_citizen)
    other_file = approved_elsewhere.events.get(action="approve").files.get()
    assert citizen_client.get(f"/ho-so/{dossier.pk}/ket-qua/{other_file.pk}/").status_code == 404
