"""Lifecycle, routing, forms and dashboard on both unit trees (issue 14, part 7): the three-level
reference province and the two-level model with service centers. The tree is data; the rules hold."""

import io

from pypdf import PdfReader

from government.pdf import issuer_lines
from procedures import services
from procedures.models import DossierState, MonthlyStat, Outcome, Timeliness
from procedures.pdf import SET_2025
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from procedures.selectors import receiving_agencies
from procedures.services.routing import resolve_route
from reporting import selectors as reads
from tests.factories import local

S = DossierState


def filed(t, procedure=None, desk=None, **fields):
    dossier = services.create_draft(
        procedure or t.inter_level,
        desk or t.desk,
        t.citizen,
        at=local(2026, 11, 20, 20, 0),
        applicant_phone="0912345678",
        **fields,
    )
    return services.submit(dossier, t.citizen, at=local(2026, 11, 20, 20, 5))


def through_everything(t):
    dossier = filed(t)
    services.receive(dossier, t.desk_officer, at=local(2026, 11, 23, 8, 0))
    services.start_processing(dossier, t.first_specialist, at=local(2026, 11, 23, 9, 0))
    services.transfer(dossier, t.first_specialist, at=local(2026, 11, 25, 10, 0))
    services.accept_transfer(dossier, t.second_specialist, at=local(2026, 11, 25, 14, 0))
    services.propose(dossier, t.second_specialist, outcome=Outcome.RESULT, at=local(2026, 11, 26, 10, 0))
    services.approve(dossier, t.second_leader, at=local(2026, 11, 26, 15, 0))
    return dossier


def test_routing_finds_the_desk_and_the_agencies_of_each_step(tree):
    t = tree
    assert list(receiving_agencies(t.inter_level)) == sorted([t.desk, t.other_desk], key=lambda a: a.unit.name)
    assert resolve_route(t.inter_level, t.desk) == [t.first, t.second]
    assert resolve_route(t.inter_level, t.other_desk) == [t.other_first, t.second]


def test_the_whole_lifecycle_from_the_desk_to_the_deciding_agency_and_back(tree):
    t = tree
    dossier = through_everything(t)
    assert (dossier.receiving_agency, dossier.competent_agency) == (t.desk, t.second)
    assert [s.agency for s in dossier.steps.order_by("index")] == [t.first, t.second]
    assert dossier.state == S.RESULT_READY and dossier.current_agency == t.desk  # back to the desk
    services.return_result(dossier, t.desk_officer, at=local(2026, 11, 27, 9, 0))
    assert dossier.timeliness == Timeliness.EARLY
    receive = dossier.events.get(action="receive")
    assert receive.agency == t.desk and receive.data["first_agency"] == t.first.electronic_code


def test_each_form_names_the_desk_from_agency_data_and_the_competent_authority(tree):
    t = tree
    dossier = through_everything(t)
    url = "http://testserver/"
    receipt = " ".join(PdfReader(io.BytesIO(render_receipt(dossier, url))).pages[0].extract_text().split())
    slip = " ".join(PdfReader(io.BytesIO(pdf_forms.control_slip(dossier, url))).pages[0].extract_text().split())
    assert "(Mẫu số 01 — Thông tư 03/2025/TT-VPCP)" in receipt and "(Mẫu số 06" in slip
    assert f"Cơ quan có thẩm quyền giải quyết: {t.second.name}" in receipt
    assert receipt.startswith(" ".join(issuer_lines(t.desk, desk=True)))
    assert ("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" in receipt) is (t.model == "three_level")
    assert t.second.name in slip
    from procedures.pdf import set_of

    assert set_of(dossier) is SET_2025


def test_the_dashboard_counts_the_desk_and_charges_each_step_to_its_agency(tree):
    t = tree
    dossier = through_everything(t)
    services.return_result(dossier, t.desk_officer, at=local(2026, 11, 27, 9, 0))
    desk = MonthlyStat.objects.get(agency=t.desk, procedure=t.inter_level)
    assert (desk.received, desk.resolved_early, desk.closed) == (1, 1, 1)
    assert MonthlyStat.objects.get(agency=t.first, procedure=t.inter_level).handled_early == 1
    assert MonthlyStat.objects.get(agency=t.second, procedure=t.inter_level).handled_early == 1
    period = reads.Period(dossier.received_at.date().replace(day=1), dossier.received_at.date().replace(day=1))
    total = reads.totals(reads.scope_for(t.monitor), period)
    assert (total.received, total.resolved) == (1, 1)
    by_agency = {
        f.label: f.received for f in reads.breakdown(reads.scope_for(t.monitor), period, "agency") if f.received
    }
    assert by_agency == {t.desk.name: 1}
    commune = reads.totals(reads.scope_for(t.first_leader), period)  # the commune's leader sees its desk's dossier
    assert commune.received == 1
