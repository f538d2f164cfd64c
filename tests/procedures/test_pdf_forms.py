"""The standard forms of both sets, rendered from real dossiers: required lines, page size, and every
font they reference embedded (issue 14: each listed a non-embedded Helvetica)."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from privacy.export import personal_data, summary_pdf
from procedures.pdf import SET_2018, SET_2025
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from procedures.pdf.register import desk_register
from signing_adapter.pades import sign_pdf
from tests.factories import RECEIVED_AT
from tests.pdf_checks import check_paper
from tests.portal.citizens.helpers import returned

pytestmark = pytest.mark.django_db


def fonts_not_embedded(content):
    missing = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def test_every_form_embeds_its_fonts(world):
    dossier = returned(world)
    url = "http://testserver/tra-cuu-ho-so/"
    event = dossier.events.first()
    pdfs = {
        "01": render_receipt(dossier, url),
        "02": pdf_forms.supplement_request(dossier, event, url),
        "03": pdf_forms.refusal(dossier, event, url),
        "05": pdf_forms.control_slip(dossier, url),
        "06": desk_register(world.commune_agency, RECEIVED_AT.date(), RECEIVED_AT.date()),
        "du-lieu": summary_pdf(personal_data(world.citizen)),
    }
    pdfs["01-signed"] = sign_pdf(pdfs["01"], world.commune_agency, reason="test")
    for name, content in pdfs.items():
        assert fonts_not_embedded(content) == set(), name


def _text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_2018_forms_carry_number_place_and_date_and_the_register_reference(world):
    import re

    from procedures import services
    from tests.factories import received

    dossier = received(world)
    receipt = " ".join(_text(render_receipt(dossier, "http://testserver/", SET_2018)).split())
    assert "Số: 0001" in receipt and "Tân Thử, ngày 23 tháng 11 năm 2026" in receipt
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 0001" in receipt

    services.start_processing(dossier, world.xa_chuyenvien, at=RECEIVED_AT)
    services.request_supplement(dossier, world.xa_chuyenvien, missing_items=["Bản sao rõ nét"], at=RECEIVED_AT)
    supplement = " ".join(
        _text(
            pdf_forms.supplement_request(
                dossier, dossier.events.get(action="request_supplement"), "http://testserver/", SET_2018
            )
        ).split()
    )
    refusal = " ".join(
        _text(pdf_forms.refusal(dossier, dossier.events.get(action="receive"), "http://t/", SET_2018)).split()
    )
    for text in (supplement, refusal):
        assert not re.search(r"Ngày \d\d giờ", text) and "Vào lúc 08 giờ 00, ngày 23/11/2026" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in refusal


def test_the_register_has_address_phone_handling_agency_transfer_and_notes(world):
    from tests.factories import at_the_district

    dossier = at_the_district(world, days_ago=3)
    day = timezone.localdate(dossier.received_at)  # the register is by local day (UTC+7)
    text = " ".join(_text(desk_register(world.commune_agency, day, day, SET_2018)).split())
    for expected in (
        "Tên, địa chỉ, điện thoại người nộp",
        "Cơ quan chủ trì giải quyết",
        "Số lượng hồ sơ (bộ)",
        "Chuyển hồ sơ (ngày; ký nhận)",
        "Trả kết quả (ngày; ký nhận)",
        "Ghi chú",
        "0912345678",
        world.district_agency.name.split()[-1],
        dossier.code,
        "1. Ủy ban nhân dân",
    ):
        assert expected in text, expected


def test_the_control_slip_is_a5_with_giver_and_receiver_for_each_handover(world):
    from reportlab.lib.pagesizes import A5

    from tests.factories import at_the_district

    dossier = at_the_district(world, days_ago=3)
    content = pdf_forms.control_slip(dossier, "http://testserver/", SET_2018)
    page = PdfReader(io.BytesIO(content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (round(A5[0]), round(A5[1]))
    text = " ".join(_text(content).split())
    assert text.count("1. Giao:") == 2  # the desk to the commune, the commune to the district
    assert f"Người nhận: {world.huyen_chuyenvien.get_full_name()}" in text
    assert "Bước" in text and "Bướ c" not in text


def _page_size(content):
    page = PdfReader(io.BytesIO(content)).pages[0]
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def forms_received_on(world, day):
    """Every form of the set a dossier received on `day` (a working day, 08:00) keeps, by number."""
    import datetime as dt

    from procedures import services
    from procedures.models import StopGround
    from tests.factories import local

    w, at = world, local(day.year, day.month, day.day, 8, 0)

    def filed(procedure=None, citizen=None):
        citizen = citizen or w.citizen
        dossier = services.create_draft(
            procedure or w.inter_level,
            w.commune_agency,
            citizen,
            at=at - dt.timedelta(hours=1),
            applicant_phone="0912345678",
            applicant_address="Xóm Chùa, xã Tân Thử",
        )
        return services.submit(dossier, citizen, at=at - dt.timedelta(minutes=30))

    worked = services.receive(filed(), w.xa_motcua, at=at)
    services.start_processing(worked, w.xa_chuyenvien, at=at + dt.timedelta(hours=1))
    services.request_supplement(
        worked, w.xa_chuyenvien, missing_items=["Bản sao sổ đỏ rõ nét"], at=at + dt.timedelta(hours=2)
    )
    services.supply(worked, w.citizen, at=at + dt.timedelta(hours=3))
    services.issue_apology(
        worked,
        w.xa_chuyenvien,
        reason="Chờ xác minh nguồn gốc đất.",
        new_appointment_at=worked.appointment_at + dt.timedelta(days=7),  # a week on: a working day
        at=at + dt.timedelta(hours=4),
    )
    services.transfer(worked, w.xa_chuyenvien, at=at + dt.timedelta(hours=5))
    refused = filed(citizen=w.other_citizen)
    services.reject(refused, w.xa_motcua, reason="Hồ sơ không thuộc thẩm quyền.", at=at)
    stopped = services.receive(filed(procedure=w.simple), w.xa_motcua, at=at + dt.timedelta(minutes=10))
    url = "http://testserver/tra-cuu-ho-so/"
    forms = {
        "receipt": render_receipt(worked, url),
        "supplement": pdf_forms.supplement_request(worked, worked.events.get(action="request_supplement"), url),
        "refusal": pdf_forms.refusal(refused, refused.events.get(action="reject"), url),
        "apology": pdf_forms.apology(worked, worked.events.get(action="issue_apology"), url),
        "control_slip": pdf_forms.control_slip(worked, url),
        "register": desk_register(w.commune_agency, day, day),
    }
    if day >= dt.date(2025, 10, 30):
        services.stop(
            stopped,
            w.xa_lanhdao,
            ground=StopGround.LEGAL_GROUNDS,
            reason="Đất đang có tranh chấp.",
            provision="Điều 4 Luật Đất đai năm 2024",
            at=at + dt.timedelta(hours=6),
        )
        forms["stop"] = pdf_forms.stop_notice(stopped, stopped.events.get(action="stop"), url)
    return worked, forms


@pytest.mark.parametrize(
    "day, form_set",
    [("2025-10-29", SET_2018), ("2025-10-30", SET_2025)],
    ids=["29-october-2025-keeps-2018", "30-october-2025-gets-2025"],
)
def test_each_form_of_the_set_in_force_on_the_receipt_day(world, day, form_set):
    import datetime as dt

    from reportlab.lib.pagesizes import A4, A5, landscape

    from procedures.pdf import set_of

    day = dt.date.fromisoformat(day)
    dossier, forms = forms_received_on(world, day)
    assert set_of(dossier) is form_set
    assert set(forms) == set(form_set.numbers)  # the 2025 set has the stop notice, 2018 has none
    # Decree 30: a zero before days under 10 and months 1 and 2 only ("tháng 6", "tháng 7").
    place_date = (
        f"Tân Thử, ngày {day.day:02d} tháng {day.month if day.month > 2 else f'{day.month:02d}'} năm {day.year}"
    )
    letters = {"apology", "stop"} if form_set is SET_2025 else set()  # the agency's letters, Decree 30's layout
    for kind, content in forms.items():
        text = " ".join(_text(content).split())
        if kind not in letters:
            number_line = f"(Mẫu số {form_set.number(kind)} — {form_set.circular})"
            assert number_line in text, (kind, number_line)
            assert str(form_set.title(kind)).upper() in text, kind
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        check_paper(content)  # every font embedded and of the serif face, every character drawn by it
        expected = {"register": landscape(A4)}.get(
            kind, A4 if form_set is SET_2025 and kind in ("apology", "stop") else A5
        )
        assert _page_size(content) == (round(expected[0]), round(expected[1])), kind
        if kind != "register":
            assert "Số: " in text and place_date in text, kind
    receipt = " ".join(_text(forms["receipt"]).split())
    assert f"Vào Sổ theo dõi hồ sơ, Quyển số: {day.year}, Số thứ tự: 0001" in receipt
    apology = " ".join(_text(forms["apology"]).split())
    if form_set is SET_2025:
        assert "Cơ quan có thẩm quyền giải quyết: " + world.district_agency.name in receipt
        assert "(Ký, ghi rõ họ tên)" in receipt
        # Issued by the agency that held the dossier, to the applicant, asking to extend.
        # A công văn numbered from the agency's outgoing register, signed by its head by name.
        assert "Kính gửi: Ông/Bà " + dossier.applicant_name in apology and "đề nghị gia hạn" in apology
        assert apology.startswith(world.commune_agency.name.upper()) and "Số: 01/UBND-VP" in apology
        assert "V/v Xin lỗi và đề nghị gia hạn" in apology and "Nơi nhận:" in apology and "Lưu: VT" in apology
        assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH " + world.xa_lanhdao.get_full_name() in apology
        stop = " ".join(_text(forms["stop"]).split())
        # A thông báo of the same register, on the ground chosen, not "according to the law".
        assert "THÔNG BÁO Về việc dừng giải quyết hồ sơ" in stop and "Số: 02/TB-UBND" in stop
        assert "Căn cứ Điều 4 Luật Đất đai năm 2024;" in stop and "Theo quy định của pháp luật" not in stop
        assert "Đất đang có tranh chấp." in stop and "THỦ TRƯỞNG CƠ QUAN" not in stop
        assert world.xa_lanhdao.get_full_name() in stop
    else:
        assert "(Ký và ghi rõ họ tên)" in receipt and "Kính gửi" not in apology
        assert "Ngày hẹn trả kết quả mới" in apology
