import datetime as dt
import io

import pytest
from django.test import Client
from pypdf import PdfReader

from government.signing import check_pdf
from procedures import services
from procedures.models import Channel, Dossier, DossierState, MonthlyStat, PendingUpload
from tests.factories import RECEIVED_AT, online, received
from tests.uploads import disguised, jpeg, pdf, png

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def _form_data(response):
    """What the browser would send back: every field of the intake page as it was rendered."""
    form = response.context["form"]
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data["result_delivery"] = data["result_delivery"] or "counter"
    for component, _errors, _eform in response.context["rows"]:
        for name in ("received", "form", "quantity", "unscanned_reason"):
            value = component[name].value()
            if name == "received":
                if value:
                    data[component.add_prefix(name)] = "on"
            else:
                data[component.add_prefix(name)] = value if value is not None else ""
    return data


@pytest.fixture
def two_documents(world):
    """Đăng ký khai sinh with a mandatory declaration, a mandatory birth certificate and an optional paper."""
    from procedures.models import RequiredDocument

    declaration = world.simple.required_documents.get()
    certificate = RequiredDocument.objects.create(procedure=world.simple, order=2, name="Giấy chứng sinh", quantity=1)
    optional = RequiredDocument.objects.create(
        procedure=world.simple, order=3, name="Giấy ủy quyền", is_mandatory=False, copy_kind="copy"
    )
    return declaration, certificate, optional


def test_counter_intake_looks_up_keeps_scans_and_stores_them_as_the_dossiers_documents(
    staff_client, world, registry, two_documents
):
    declaration, certificate, optional = two_documents
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    page = xa.get(url)
    assert "Giấy chứng sinh" in page.content.decode() and 'class="required"' in page.content.decode()
    data = {
        **_form_data(page),
        "applicant_personal_id": "019195004321",
        "lookup": "1",
        f"c{declaration.pk}-files": [png("to-khai.png")],
    }
    looked_up = xa.post(url, data)
    form = looked_up.context["form"]
    assert form["applicant_name"].value() == "Trần Thị Bình"
    assert "Thị trấn Hương Sơn" in form["applicant_address"].value()
    # The file chosen before the look-up was kept: it is listed, and will go with the dossier.
    rows = {component.required_document.pk: component for component, _e, _f in looked_up.context["rows"]}
    assert [p.name for p in rows[declaration.pk].staged] == ["to-khai.png"]

    data = {
        **_form_data(looked_up),
        "applicant_phone": "0987654321",
        "fee_vnd": "8000",
        "fee_note": "BL 0012",
        "result_delivery": "post",
        "delivery_address": "Tổ 3, thị trấn Hương Sơn",
        "file": "1",
    }
    data[f"c{certificate.pk}-received"] = "on"
    refused = xa.post(url, {**data, f"c{certificate.pk}-files": [disguised()]})  # a forged scan: refused, others kept
    assert refused.status_code == 400 and not Dossier.objects.exists()
    assert "không phải tệp PDF, JPEG hoặc PNG" in refused.content.decode()
    not_scanned = xa.post(url, data)  # the certificate received on paper, neither scanned nor explained
    assert not_scanned.status_code == 400 and not Dossier.objects.exists()
    assert "Hãy quét giấy tờ này, hoặc chọn lý do chưa số hóa." in not_scanned.content.decode()

    response = xa.post(
        url,
        {
            **data,
            f"c{certificate.pk}-files": [jpeg("giay-chung-sinh.jpg")],
            f"c{certificate.pk}-quantity": "2",
            f"c{certificate.pk}-form": "certified_copy",
        },
    )
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/can-bo/ho-so/{dossier.pk}/"
    assert (dossier.state, dossier.channel) == (DossierState.RECEIVED, Channel.COUNTER)
    assert dossier.applicant == world.other_citizen  # linked to her account: she can follow it online
    assert (dossier.fee_vnd, dossier.fee_note, dossier.result_delivery) == (8000, "BL 0012", "post")
    fee = dossier.payments.get()  # issue 16: the fee taken at the desk counts as paid, in cash by default
    assert (fee.channel, fee.status, fee.amount_vnd, fee.receipt_number) == ("cash", "paid", 8000, "BL 0012")
    documents = {d.required_document_id: d for d in dossier.documents.all()}
    assert documents[declaration.pk].name == "to-khai.png" and documents[certificate.pk].content_type == "image/jpeg"
    assert not PendingUpload.objects.exists()
    # Listed for the officer (with previews) and for the citizen, like online uploads.
    page = xa.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert f"/can-bo/ho-so/{dossier.pk}/tep/{documents[declaration.pk].pk}/?xem=1" in page
    assert "Không có tệp nộp trực tuyến" not in page and "Bản sao có chứng thực × 2" in page
    citizen = Client()
    citizen.force_login(world.other_citizen)
    assert "to-khai.png" in citizen.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert MonthlyStat.objects.get(agency=world.commune_agency).digitised == 1
    # The receipt lists exactly what was received: the optional paper was not.
    receipt = pdf_text(xa.get(f"/can-bo/ho-so/{dossier.pk}/mau-01.pdf"))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in receipt and "Trần Thị Bình" in receipt
    assert "Bản sao có chứng thực" in receipt and "Giấy ủy quyền" not in receipt and "dự kiến" not in receipt


def test_a_mandatory_document_missing_or_kept_on_paper(staff_client, world, two_documents):
    declaration, certificate, _optional = two_documents
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    data = {
        **_form_data(xa.get(url)),
        "applicant_personal_id": "019085000111",
        "applicant_name": "Lê Văn Cường",
        "file": "1",
        f"c{declaration.pk}-files": [pdf()],
    }
    data.pop(f"c{certificate.pk}-received")  # the citizen did not bring it
    missing = xa.post(url, data)
    assert missing.status_code == 400 and not Dossier.objects.exists()
    assert "Giấy tờ bắt buộc chưa được nộp" in missing.content.decode()
    # The scan already sent is held: the next post need not carry it again.
    data = {
        **_form_data(missing),
        "file": "1",
        f"c{certificate.pk}-received": "on",
        f"c{certificate.pk}-unscanned_reason": "scanner_down",
    }
    assert xa.post(url, data).status_code == 302
    dossier = Dossier.objects.get()
    assert (
        dossier.components.get(required_document=certificate).get_unscanned_reason_display()
        == "Thiết bị quét gặp sự cố"
    )
    assert MonthlyStat.objects.get(agency=world.commune_agency).digitised == 0  # not digitised: paper kept
    page = xa.get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "Chưa số hóa" in page and "Thiết bị quét gặp sự cố" in page


def test_scans_held_for_a_form_belong_to_the_officer_who_scanned(staff_client, world):
    declaration = world.simple.required_documents.get()
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    data = {
        **_form_data(xa.get(url)),
        "applicant_personal_id": "019085000111",
        "lookup": "1",
        f"c{declaration.pk}-files": [png()],
    }
    xa.post(url, data)
    held = PendingUpload.objects.get()
    assert xa.get(f"/can-bo/tiep-nhan/tep-da-quet/{held.pk}/").status_code == 200
    colleague = staff_client("xa2_motcua")
    assert colleague.get(f"/can-bo/tiep-nhan/tep-da-quet/{held.pk}/").status_code == 404
    # Another officer posting the same form token files nothing of the first officer's scans.
    other_url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    stolen = {**data, "lookup": "", "file": "1", "applicant_name": "Kẻ Gian"}
    stolen.pop("lookup")
    stolen.pop(f"c{declaration.pk}-files")
    response = staff_client("xa2_motcua").post(other_url, stolen)
    assert response.status_code == 400 and not Dossier.objects.exists()
    assert PendingUpload.objects.get().owner == world.xa_motcua


def test_the_procedure_chooser_filters_without_diacritics_and_shows_level_field_time(staff_client, world):
    xa = staff_client("xa_motcua")
    page = xa.get("/can-bo/tiep-nhan/", {"q": "dang ky khai"})
    assert [p.name for p, _folded in page.context["rows"]] == ["Đăng ký khai sinh"]
    html = page.content.decode()
    assert "Cấp xã" in html and "Hộ tịch" in html and "1 ngày làm việc" in html
    everything = [p.name for p, _f in xa.get("/can-bo/tiep-nhan/").context["rows"]]
    assert everything == ["Cấp giấy chứng nhận lần đầu", "Đăng ký khai sinh"]  # "Đ" sorts with "D", not after "Z"
    assert xa.get("/can-bo/tiep-nhan/", {"level": "galaxy"}).status_code == 400


def test_only_a_one_stop_officer_files_at_the_counter(staff_client, world):
    assert staff_client("xa_chuyenvien").get("/can-bo/tiep-nhan/").status_code == 403
    assert staff_client("xa_motcua").get(f"/can-bo/tiep-nhan/{world.simple.pk}/").status_code == 200
    assert staff_client("huyen_motcua").get(f"/can-bo/tiep-nhan/{world.simple.pk}/").status_code == 404


def test_forms_02_03_06_carry_the_motto_the_code_and_an_agency_signature(staff_client, world):
    xa = staff_client("xa_motcua")
    asked = online(world)
    services.request_supplement(
        asked, world.xa_motcua, missing_items=["Bản sao giấy chứng sinh"], comment="Bản chụp bị mờ"
    )
    refused = online(world, citizen=world.other_citizen)
    services.reject(refused, world.xa_motcua, reason="Thủ tục thuộc thẩm quyền cấp huyện.")
    worked = received(world)
    services.start_processing(worked, world.xa_chuyenvien, at=RECEIVED_AT + dt.timedelta(hours=1))
    services.transfer(worked, world.xa_chuyenvien, at=RECEIVED_AT + dt.timedelta(days=1))

    for dossier, number, expected in [
        (asked, "02", ["PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bản sao giấy chứng sinh", "Bản chụp bị mờ"]),
        (refused, "03", ["PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Thủ tục thuộc thẩm quyền cấp huyện."]),
        (
            worked,
            "06",
            ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "1. Giao:", "Người nhận:", world.district_agency.name],
        ),
    ]:
        response = xa.get(f"/can-bo/ho-so/{dossier.pk}/mau-{number}.pdf")
        text = " ".join(pdf_text(response).split())  # A5 cells wrap long names
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


@pytest.mark.parametrize(
    "hostile",
    [
        {"batch": "not-a-uuid"},
        {"c{doc}-quantity": "9" * 5000},
        {"c{doc}-quantity": "-3"},
        {"c{doc}-form": "forged"},
        {"c{doc}-drop": "9" * 5000},
        {"fee_vnd": "-1"},
        {"fee_vnd": "9" * 5000},
        {"applicant_date_of_birth": "2026-02-31"},
        {"applicant_personal_id": "01909000123x"},
    ],
)
def test_intake_answers_hostile_values_with_the_form_again(staff_client, world, hostile):
    declaration = world.simple.required_documents.get()
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    data = {
        **_form_data(xa.get(url)),
        "applicant_personal_id": "019085000111",
        "applicant_name": "Lê Văn Cường",
        "file": "1",
        f"c{declaration.pk}-files": [pdf()],
    }
    data.update({key.format(doc=declaration.pk): value for key, value in hostile.items()})
    response = xa.post(url, data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert not Dossier.objects.exists()


def test_counter_scans_count_the_dossiers_50_mb_whatever_the_number_of_posts(staff_client, world, two_documents):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from procedures.models import PendingUpload
    from tests.uploads import pdf_bytes

    declaration, certificate, _optional = two_documents
    xa = staff_client("xa_motcua")
    url = f"/can-bo/tiep-nhan/{world.simple.pk}/"
    page = xa.get(url)
    nine = [SimpleUploadedFile(f"trang-{i}.pdf", pdf_bytes(padding=9 * 1024 * 1024)) for i in range(6)]
    first = xa.post(url, {**_form_data(page), f"c{declaration.pk}-files": nine[:3]})
    second = xa.post(url, {**_form_data(first), f"c{certificate.pk}-files": nine[3:]})
    assert "Tổng dung lượng các tệp của hồ sơ vượt quá 50 MB" in second.content.decode()
    assert PendingUpload.objects.filter(owner=world.xa_motcua).count() == 5
