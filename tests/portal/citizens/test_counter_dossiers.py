"""Issue 35, item 3: a citizen whose identity is confirmed follows every dossier filed under their
personal ID, however it was filed; nobody else does, and a desk's unfinished draft is not theirs."""

import pytest
from django.utils import timezone

from procedures import policy
from procedures.models import Dossier, DossierState
from procedures.services import lifecycle
from tests.factories import walk_in
from tests.uploads import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_the_counter(world):
    return walk_in(
        world.simple,
        world.commune_agency,
        world.xa_motcua,
        applicant_name="Nguyễn Văn An",
        applicant_personal_id=world.citizen.personal_id,
    )


def confirm(user):
    type(user).objects.filter(pk=user.pk).update(identity_verified_at=timezone.now())
    user.refresh_from_db()


def test_a_confirmed_citizen_lists_opens_and_reads_through_the_api_a_counter_dossier(client, world, at_the_counter):
    confirm(world.citizen)
    client.force_login(world.citizen)
    listed = client.get("/ho-so/").context["page_obj"].object_list
    assert at_the_counter in listed
    page = client.get(f"/ho-so/{at_the_counter.pk}/")
    assert page.status_code == 200 and at_the_counter.code in page.content.decode()
    assert at_the_counter.code in [d["code"] for d in client.get("/api/v1/me/dossiers/").json()["results"]]
    assert client.get(f"/api/v1/me/dossiers/{at_the_counter.pk}/").status_code == 200


def test_an_unconfirmed_account_with_the_same_number_sees_nothing(client, world, at_the_counter):
    client.force_login(world.citizen)  # registered while the registry did not answer
    assert at_the_counter not in client.get("/ho-so/").context["page_obj"].object_list
    assert client.get(f"/ho-so/{at_the_counter.pk}/").status_code == 404
    assert client.get(f"/api/v1/me/dossiers/{at_the_counter.pk}/").status_code == 404


def test_another_confirmed_citizen_sees_nothing(client, world, at_the_counter):
    confirm(world.other_citizen)
    client.force_login(world.other_citizen)
    assert client.get(f"/ho-so/{at_the_counter.pk}/").status_code == 404
    assert client.post(f"/ho-so/{at_the_counter.pk}/rut/", {"reason": "phá"}).status_code == 404
    at_the_counter.refresh_from_db()
    assert at_the_counter.state == DossierState.RECEIVED


def test_the_confirmed_citizen_supplies_online_what_the_counter_asked_for(client, world, at_the_counter):
    confirm(world.citizen)
    lifecycle.start_processing(at_the_counter, world.xa_chuyenvien)
    lifecycle.request_supplement(at_the_counter, world.xa_chuyenvien, missing_items="Bản sao giấy khai sinh")
    client.force_login(world.citizen)
    response = client.post(
        f"/ho-so/{at_the_counter.pk}/bo-sung/", {"files": [pdf("khai-sinh.pdf")], "comment": "Đã bổ sung"}
    )
    assert response.status_code == 302
    at_the_counter.refresh_from_db()
    assert at_the_counter.state != DossierState.SUPPLEMENT_REQUESTED


def test_a_desk_draft_under_my_number_is_not_mine_yet(world):
    confirm(world.citizen)
    draft = Dossier(state=DossierState.DRAFT, applicant_personal_id=world.citizen.personal_id)
    filed = Dossier(state=DossierState.RECEIVED, applicant_personal_id=world.citizen.personal_id)
    assert not policy.holds(world.citizen, draft) and policy.holds(world.citizen, filed)


def test_the_citizen_reads_what_was_handed_in_at_the_counter(client, world):
    """Stop 45's walk: a counter dossier's "Thành phần hồ sơ đã nộp" said "—"; in English the
    withdraw button read "Withdrawn" (the state's name)."""
    confirm(world.citizen)
    scanned = walk_in(
        world.inter_level,
        world.commune_agency,
        world.xa_motcua,
        scans=[pdf("don.pdf")],
        applicant_name="Nguyễn Văn An",
        applicant_personal_id=world.citizen.personal_id,
    )
    client.force_login(world.citizen)
    page = client.get(f"/ho-so/{scanned.pk}/").content.decode()
    section = page[page.index("Thành phần hồ sơ đã nộp") :]
    first, *others = world.inter_level.required_documents.all()
    assert f"{first.name}:" in section and "don.pdf" in section  # the desk's scan opens
    for required in others:
        assert f"{required.name}:" in section
    assert section.count("bản giấy nộp tại bộ phận một cửa, chưa số hóa") == len(others)
    assert "<li>—</li>" not in section
    client.get("/ngon-ngu/en/?next=/")
    english = client.get(f"/ho-so/{scanned.pk}/").content.decode()
    assert "<summary>Withdraw this dossier</summary>" in english and "Withdrawn" not in english
