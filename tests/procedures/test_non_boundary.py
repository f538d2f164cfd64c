"""Non-boundary procedures (Decree 118/2025): any center of the province receives them; the competent
authority comes from the case's commune, never from the receiving center; the result goes back to the
center the citizen chose."""

import io

import pytest
from pypdf import PdfReader

from government.pdf import issuer_lines
from procedures import services
from procedures.exceptions import PermissionDenied, RouteError
from procedures.models import Dossier, Outcome
from procedures.pdf.receipt import render_receipt
from procedures.queues import work_queue
from tests.factories import UnitFactory, local

# Service centers and non-boundary filing belong to the two-level model.
pytestmark = pytest.mark.parametrize("tree", ["two_level"], indirect=True)


@pytest.fixture
def t(tree):
    return tree


def filed_at_the_other_center(t, **fields):
    dossier = services.create_draft(
        t.simple, t.other_desk, t.citizen, at=local(2026, 11, 23, 7, 0), applicant_phone="0912345678", **fields
    )
    return services.submit(dossier, t.citizen, at=local(2026, 11, 23, 7, 5))


@pytest.mark.parametrize("chosen", ["receiving", "own"], ids=["result-where-filed", "result-at-home-center"])
def test_filed_in_one_commune_decided_by_another_and_returned_where_the_citizen_chose(t, chosen):
    return_agency = t.desk if chosen == "own" else None
    dossier = filed_at_the_other_center(t, case_unit=t.commune, return_agency=return_agency)
    services.receive(dossier, t.other_desk_officer, at=local(2026, 11, 23, 8, 0))
    assert (dossier.receiving_agency, dossier.competent_agency, dossier.current_agency) == (
        t.other_desk,
        t.first,
        t.first,
    )
    assert dossier in work_queue(t.first_specialist)  # the competent authority's queue
    assert dossier not in work_queue(t.other_specialist)
    receipt = " ".join(PdfReader(io.BytesIO(render_receipt(dossier, "http://t/"))).pages[0].extract_text().split())
    assert (
        receipt.startswith(" ".join(issuer_lines(t.other_desk, desk=True)))
        and f"Cơ quan có thẩm quyền giải quyết: {t.first.name}" in receipt
    )
    if return_agency:
        assert f"Nơi trả kết quả: {t.desk.name}" in receipt
    services.start_processing(dossier, t.first_specialist, at=local(2026, 11, 23, 9, 0))
    services.propose(dossier, t.first_specialist, outcome=Outcome.RESULT, at=local(2026, 11, 23, 10, 0))
    services.approve(dossier, t.first_leader, at=local(2026, 11, 23, 11, 0))
    result_desk = return_agency or t.other_desk
    assert dossier.current_agency == result_desk
    other_officer = t.desk_officer if result_desk == t.other_desk else t.other_desk_officer
    assert dossier not in work_queue(other_officer) and dossier in work_queue(
        t.desk_officer if result_desk == t.desk else t.other_desk_officer
    )
    with pytest.raises(PermissionDenied):
        services.return_result(dossier, other_officer, at=local(2026, 11, 23, 14, 0))
    services.return_result(
        dossier, t.desk_officer if result_desk == t.desk else t.other_desk_officer, at=local(2026, 11, 23, 14, 0)
    )
    assert dossier.returned_at is not None


def test_the_deadline_counts_from_the_centers_receipt_with_no_days_added_for_forwarding(t):
    dossier = filed_at_the_other_center(t, case_unit=t.commune)
    services.receive(dossier, t.other_desk_officer, at=local(2026, 11, 23, 8, 0))
    # One working day from the center's receipt; Tue 24/11/2026 is a day off.
    assert dossier.due_at == local(2026, 11, 25, 8, 0)


def test_without_a_case_commune_the_center_is_told_why_and_nothing_changes(t):
    dossier = filed_at_the_other_center(t)
    before = Dossier.objects.filter(pk=dossier.pk).values().get()
    with pytest.raises(RouteError, match="Hãy chọn xã, phường nơi cư trú của người nộp hồ sơ"):
        services.receive(dossier, t.other_desk_officer)
    assert Dossier.objects.filter(pk=dossier.pk).values().get() == before


def test_a_commune_of_another_province_and_a_result_desk_that_is_no_center_are_refused(t):
    elsewhere = UnitFactory(
        code="92101", short_name="Ngoài Tỉnh", parent=UnitFactory(code="92", level="province", short_name="Khác")
    )
    with pytest.raises(RouteError, match="không thuộc tỉnh của nơi tiếp nhận"):
        filed_at_the_other_center(t, case_unit=elsewhere)
    with pytest.raises(RouteError, match="chỉ được trả tại Trung tâm"):
        filed_at_the_other_center(t, case_unit=t.commune, return_agency=t.first)
    assert not Dossier.objects.exists()


def test_a_boundary_procedure_is_received_only_by_its_own_units_center_and_routed_from_there(t):
    from procedures.services.routing import receives

    assert not receives(t.inter_level, t.province_center)  # its first step is at the commune
    assert receives(t.simple, t.province_center)  # non-boundary: every center of the province
    dossier = services.create_draft(t.inter_level, t.other_desk, t.citizen, case_unit=t.commune)
    services.submit(dossier, t.citizen)
    services.receive(dossier, t.other_desk_officer)
    assert dossier.current_agency == t.other_first  # the case commune is ignored for a boundary procedure


def test_before_the_center_receives_it_the_citizens_page_names_the_commune_and_the_authority(t, client):
    """Issue 35, item 5: the page named only the center."""
    dossier = filed_at_the_other_center(t, case_unit=t.commune)
    client.force_login(t.citizen)
    page = " ".join(client.get(f"/ho-so/{dossier.pk}/").content.decode().split())
    assert t.other_desk.name in page and t.commune.name in page
    assert t.first.name in page and "dự kiến, xác định khi trung tâm tiếp nhận" in page
    services.receive(dossier, t.other_desk_officer, at=local(2026, 11, 23, 8, 0))
    page = " ".join(client.get(f"/ho-so/{dossier.pk}/").content.decode().split())
    assert t.first.name in page and "dự kiến" not in page


def test_another_centers_officer_is_told_where_the_result_is_handed_over(t, client):
    """Issue 35, item 11: a bare 404. The page names the desks and nothing about the applicant."""
    from tests.factories import sign_in_verified

    dossier = filed_at_the_other_center(t, case_unit=t.commune, applicant_name="Trần Thị Bích")
    services.receive(dossier, t.other_desk_officer, at=local(2026, 11, 23, 8, 0))
    services.start_processing(dossier, t.first_specialist, at=local(2026, 11, 23, 9, 0))
    services.propose(dossier, t.first_specialist, outcome=Outcome.RESULT, at=local(2026, 11, 23, 10, 0))
    services.approve(dossier, t.first_leader, at=local(2026, 11, 23, 11, 0))
    sign_in_verified(client, t.desk_officer)
    response = client.get(f"/can-bo/ho-so/{dossier.pk}/")
    page = " ".join(response.content.decode().split())
    assert response.status_code == 404
    assert dossier.code in page and f"Nơi trả kết quả</dt><dd><strong>{t.other_desk.name}" in page
    assert "Trần Thị Bích" not in page and dossier.applicant_personal_id not in page
    assert client.get("/can-bo/ho-so/999999/").status_code == 404
