import datetime as dt
import io

import pytest
from pypdf import PdfReader

from procedures import services
from procedures.models import Channel, Dossier, DossierState
from procedures.signing import check_pdf
from tests.factories import RECEIVED_AT, online, received
from tests.uploads import disguised, png

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_counter_intake_looks_up_the_registry_attaches_scans_and_receives(staff_client, world, registry):
    xa = staff_client("xa_motcua")
    assert world.simple in list(xa.get("/can-bo/tiep-nhan/").context["procedures"])
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    looked_up = xa.post(url, {"applicant_personal_id": "019195004321", "lookup": "1"})
    form = looked_up.context["form"]
    assert form["applicant_name"].value() == "Trần Thị Bình"
    assert "Thị trấn Hương Sơn" in form["applicant_address"].value()

    required = world.simple.required_documents.first()
    data = {**{k: form[k].value() or "" for k in form.fields}, "applicant_phone": "0987654321", "file": "1"}
    refused = xa.post(url, {**data, f"file-{required.pk}": [png("to-khai.png"), disguised()]})
    assert refused.status_code == 400 and not Dossier.objects.exists()

    response = xa.post(url, {**data, f"file-{required.pk}": [png("to-khai.png")]})
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/can-bo/ho-so/{dossier.pk}/"
    assert (dossier.state, dossier.channel) == (DossierState.RECEIVED, Channel.COUNTER)
    assert dossier.applicant == world.other_citizen  # linked to her account: she can follow it online
    assert [f.name for f in dossier.events.get(action="submit").files.all()] == ["01-to-khai.png"]
    receipt = pdf_text(xa.get(f"/can-bo/ho-so/{dossier.pk}/mau-01.pdf"))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in receipt and "Trần Thị Bình" in receipt
    assert "dự kiến" not in receipt


def test_only_a_one_stop_officer_files_at_the_counter(staff_client, world):
    assert staff_client("xa_chuyenvien").get("/can-bo/tiep-nhan/").status_code == 403
    assert staff_client("xa_motcua").get(f"/can-bo/tiep-nhan/{world.simple.pk}/").status_code == 200
    assert staff_client("huyen_motcua").get(f"/can-bo/tiep-nhan/{world.simple.pk}/").status_code == 404


def test_forms_02_03_05_carry_the_motto_the_code_and_an_agency_signature(staff_client, world):
    xa = staff_client("xa_motcua")
    asked = online(world)
    services.request_supplement(asked, world.xa_motcua, missing_items=["Bản sao giấy chứng sinh"],
                                comment="Bản chụp bị mờ")
    refused = online(world, citizen=world.other_citizen)
    services.reject(refused, world.xa_motcua, reason="Thủ tục thuộc thẩm quyền cấp huyện.")
    worked = received(world)
    services.start_processing(worked, world.xa_chuyenvien, at=RECEIVED_AT + dt.timedelta(hours=1))
    services.transfer(worked, world.xa_chuyenvien, at=RECEIVED_AT + dt.timedelta(days=1))

    for dossier, number, expected in [
        (asked, "02", ["PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bản sao giấy chứng sinh", "Bản chụp bị mờ"]),
        (refused, "03", ["PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Thủ tục thuộc thẩm quyền cấp huyện."]),
        (worked, "05", ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Chuyển liên thông", world.district_agency.name]),
    ]:
        response = xa.get(f"/can-bo/ho-so/{dossier.pk}/mau-{number}.pdf")
        text = pdf_text(response)
        for phrase in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", dossier.code, *expected]:
            assert phrase in text, (number, phrase)
        assert check_pdf(response.content).valid
    assert xa.get(f"/can-bo/ho-so/{worked.pk}/mau-03.pdf").status_code == 404  # nothing was refused


def test_the_desk_register_lists_a_date_range(staff_client, world):
    first, second = received(world), received(world, procedure=world.simple)
    xa = staff_client("xa_motcua")
    text = pdf_text(xa.get("/can-bo/so-theo-doi/", {"start": "2026-11-23", "end": "2026-11-23"}))
    assert "SỔ THEO DÕI HỒ SƠ" in text and "2 hồ sơ" in text
    assert first.code in text and second.code in text
    assert "0 hồ sơ" in pdf_text(xa.get("/can-bo/so-theo-doi/", {"start": "2026-11-24", "end": "2026-11-30"}))
    assert xa.get("/can-bo/so-theo-doi/", {"start": "2026-11-30", "end": "2026-11-01"}).status_code == 400


def test_the_verification_page_says_when_a_file_has_no_signature(client):
    response = client.post("/xac-thuc-van-ban/", {"document": io.BytesIO(b"%PDF-1.4 not signed")})
    assert "Tệp không có chữ ký số." in response.content.decode()
