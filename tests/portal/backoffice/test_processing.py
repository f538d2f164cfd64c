"""The back-office journey of DOMAIN §3 through HTTP, and the refusals, each by trying."""

import io

import pytest
from pypdf import PdfReader

from government.signing import check_pdf, check_signatures
from procedures import services
from procedures.models import DossierState, IdentityStatus, Outcome
from tests.factories import ProcedureFactory, local, online
from tests.portal.citizens.helpers import submitted
from tests.uploads import pdf, png

pytestmark = pytest.mark.django_db


def act(client, dossier, action, data=None, **extra):
    return client.post(
        f"/can-bo/ho-so/{dossier.pk}/thao-tac/{action}/",
        {f"{action}-{key}": value for key, value in (data or {}).items()},
        **extra,
    )


def state(dossier):
    dossier.refresh_from_db()
    return dossier.state


def test_inter_level_dossier_from_online_submission_to_a_signed_result(staff_client, client, world, registry):
    dossier = submitted(world, procedure=world.inter_level)
    xa, xa_cv, huyen_cv, huyen_ld = (
        staff_client(n) for n in ("xa_motcua", "xa_chuyenvien", "huyen_chuyenvien", "huyen_lanhdao")
    )
    queue = xa.get("/can-bo/")
    assert [d for d, _badge in queue.context["rows"]] == [dossier]

    page = xa.get(f"/can-bo/ho-so/{dossier.pk}/")
    assert [a.name for a, _form in page.context["actions"]] == ["receive", "request_supplement", "reject", "withdraw"]
    assert act(xa, dossier, "request_supplement", {"missing_items": "Bản sao CCCD\nSơ đồ thửa đất"}).status_code == 302
    assert state(dossier) == DossierState.SUPPLEMENT_REQUESTED

    client.force_login(world.citizen)
    client.post(f"/ho-so/{dossier.pk}/bo-sung/", {"files": [pdf("so-do.pdf")]})
    assert state(dossier) == DossierState.SUBMITTED

    assert act(xa, dossier, "receive").status_code == 302
    assert act(xa_cv, dossier, "start_processing").status_code == 302
    assert act(xa_cv, dossier, "transfer", {"comment": "Đủ điều kiện, chuyển huyện"}).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.state, dossier.current_agency) == (DossierState.TRANSFERRED, world.district_agency)
    assert [d for d, _ in huyen_cv.get("/can-bo/").context["rows"]] == [dossier]

    assert act(huyen_cv, dossier, "accept_transfer").status_code == 302
    assert act(huyen_cv, dossier, "propose", {"outcome": Outcome.RESULT, "generate": "on"}).status_code == 302
    assert act(huyen_ld, dossier, "approve").status_code == 302
    assert state(dossier) == DossierState.RESULT_READY
    assert act(xa, dossier, "return_result").status_code == 302
    assert state(dossier) == DossierState.RETURNED

    result = client.get(f"/ho-so/{dossier.pk}/").context["results"][0]
    content = b"".join(client.get(f"/ho-so/{dossier.pk}/ket-qua/{result.pk}/").streaming_content)
    check = check_pdf(content)
    assert check.valid and check.signer == world.district_agency.name
    assert dossier.code in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    # The result is an outgoing document of the district: numbered from its register, signed by the
    # leader, then by the agency (issue 18, part 5).
    issued = result.issued_as
    assert (issued.agency, issued.symbol, issued.state) == (world.district_agency, "01/QĐ-UBND", "issued")
    assert issued.issued_sha256 == result.sha256
    leader_signature, agency_signature = check_signatures(content)
    assert leader_signature.valid and leader_signature.signer == world.huyen_lanhdao.get_full_name()
    assert agency_signature.valid and agency_signature.whole_file
    assert "01/QĐ-UBND" in client.get(f"/ho-so/{dossier.pk}/").content.decode()

    verification = client.get(f"/xac-thuc-van-ban/{result.verification_token}/")
    body = verification.content.decode()
    assert "Các chữ ký số đều hợp lệ." in body and world.district_agency.name in body
    uploaded = client.post("/xac-thuc-van-ban/", {"document": io.BytesIO(content)})
    assert "Các chữ ký số đều hợp lệ." in uploaded.content.decode() and "01/QĐ-UBND" in uploaded.content.decode()
    tampered = content.replace(b"/Producer", b"/Producxr", 1)
    forged = client.post("/xac-thuc-van-ban/", {"document": io.BytesIO(tampered)})
    assert "đều hợp lệ" not in forged.content.decode() and "không hợp lệ" in forged.content.decode()


def test_an_uploaded_result_must_be_a_pdf_to_be_signed(staff_client, world, registry):
    dossier = submitted(world)
    xa, cv = staff_client("xa_motcua"), staff_client("xa_chuyenvien")
    act(xa, dossier, "receive")
    act(cv, dossier, "start_processing")
    refused = act(cv, dossier, "propose", {"outcome": Outcome.RESULT, "result_file": png()})
    assert refused.status_code == 400 and "phải là tệp PDF" in refused.content.decode()
    assert state(dossier) == DossierState.PROCESSING
    assert (
        act(cv, dossier, "propose", {"outcome": Outcome.RESULT, "result_file": pdf("quyet-dinh.pdf")}).status_code
        == 302
    )


def test_a_sector_systems_result_is_asked_for_as_an_upload_and_nothing_is_generated(staff_client, world):
    procedure = ProcedureFactory(name="Cấp Phiếu lý lịch tư pháp", result_kind="sector", result_type="")
    dossier = online(world, procedure=procedure)
    services.receive(dossier, world.xa_motcua)
    services.start_processing(dossier, world.xa_chuyenvien)
    cv = staff_client("xa_chuyenvien")
    page = cv.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "propose-generate" not in page and "Kết quả do hệ thống chuyên ngành cấp (PDF)" in page
    # An officer used to ticking "generate" sends it anyway, without the file: told what to upload.
    refused = act(cv, dossier, "propose", {"outcome": Outcome.RESULT, "generate": "on"})
    assert (
        refused.status_code == 400
        and "Hãy tải lên kết quả (PDF) do hệ thống chuyên ngành cấp." in refused.content.decode()
    )
    assert state(dossier) == DossierState.PROCESSING
    assert (
        act(cv, dossier, "propose", {"outcome": Outcome.RESULT, "result_file": pdf("phieu-ltp.pdf")}).status_code == 302
    )
    assert state(dossier) == DossierState.AWAITING_APPROVAL


def test_each_role_acts_only_on_its_step_and_agency(staff_client, world, registry):
    dossier = submitted(world, procedure=world.inter_level)
    other_desk, district, monitor = staff_client("xa2_motcua"), staff_client("huyen_motcua"), staff_client("monitor")
    specialist, leader = staff_client("xa_chuyenvien"), staff_client("xa_lanhdao")

    assert other_desk.get(f"/can-bo/ho-so/{dossier.pk}/").status_code == 404  # another commune's desk
    assert act(other_desk, dossier, "receive").status_code == 404
    assert district.get(f"/can-bo/ho-so/{dossier.pk}/").status_code == 404  # not on the route yet
    refused = act(specialist, dossier, "receive")  # the right agency, the wrong role
    assert refused.status_code == 400 and "không có quyền" in refused.content.decode()
    assert act(leader, dossier, "approve").status_code == 400

    page = monitor.get(f"/can-bo/ho-so/{dossier.pk}/")  # reads all, writes nothing
    assert page.status_code == 200 and page.context["actions"] == []
    assert act(monitor, dossier, "receive").status_code == 400
    assert state(dossier) == DossierState.SUBMITTED
    for url in (
        f"/can-bo/ho-so/{dossier.pk}/tep/{dossier.documents.first().pk}/",
        f"/can-bo/ho-so/{dossier.pk}/mau-01.pdf",
    ):
        assert other_desk.get(url).status_code == 404
        assert monitor.get(url).status_code == 200


def test_the_identity_check_shows_each_field(staff_client, world, registry):
    dossier = submitted(world)
    dossier.applicant_name = "Nguyễn Văn Ân"
    dossier.save(update_fields=["applicant_name"])
    page = staff_client("xa_motcua").post(f"/can-bo/ho-so/{dossier.pk}/doi-chieu-dan-cu/")
    rows = {r.field: (r.status, r.declared, r.registered) for r in page.context["identity"]["results"]}
    assert rows["full_name"] == ("mismatch", "Nguyễn Văn Ân", "Nguyễn Văn An")
    assert rows["date_of_birth"][0] == "match"
    dossier.refresh_from_db()
    assert dossier.identity_status == IdentityStatus.MISMATCH


def test_an_apology_before_the_due_time_and_its_form(staff_client, world, registry, time_machine):
    time_machine.move_to(local(2026, 12, 7, 9, 0))  # received on a Monday morning
    dossier = submitted(world)
    xa = staff_client("xa_motcua")
    act(xa, dossier, "receive")
    dossier.refresh_from_db()
    later = "2026-12-10T17:00"  # the Thursday's end of office hours: in working time, within a year
    assert (
        act(xa, dossier, "issue_apology", {"new_appointment_at": later, "reason": "Chờ xác minh."}).status_code == 302
    )
    form = xa.get(f"/can-bo/ho-so/{dossier.pk}/mau-04.pdf")
    text = " ".join(PdfReader(io.BytesIO(form.content)).pages[0].extract_text().split())
    assert "V/v Xin lỗi và đề nghị gia hạn thời gian giải quyết" in text and "Chờ xác minh." in text
    assert check_pdf(form.content).valid
