"""Every PDF the portal makes embeds every font it references (issue 14: each listed Helvetica)."""

import io

import pytest
from pypdf import PdfReader

from privacy.export import personal_data, summary_pdf
from procedures.pdf import forms as pdf_forms
from procedures.pdf.receipt import render_receipt
from procedures.pdf.register import desk_register
from procedures.signing import sign_pdf
from tests.factories import RECEIVED_AT
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
        "01": render_receipt(dossier, url), "02": pdf_forms.supplement_request(dossier, event, url),
        "03": pdf_forms.refusal(dossier, event, url), "05": pdf_forms.control_slip(dossier, url),
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
    receipt = " ".join(_text(render_receipt(dossier, "http://testserver/")).split())
    assert "Số: 0001" in receipt and "Tân Thử, ngày 23 tháng 11 năm 2026" in receipt
    assert "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 0001" in receipt

    services.start_processing(dossier, world.xa_chuyenvien, at=RECEIVED_AT)
    services.request_supplement(dossier, world.xa_chuyenvien, missing_items=["Bản sao rõ nét"], at=RECEIVED_AT)
    supplement = " ".join(_text(pdf_forms.supplement_request(dossier, dossier.events.get(
        action="request_supplement"), "http://testserver/")).split())
    refusal = " ".join(_text(pdf_forms.refusal(dossier, dossier.events.get(action="receive"), "http://t/")).split())
    for text in (supplement, refusal):
        assert not re.search(r"Ngày \d\d giờ", text) and "Vào lúc 08 giờ 00, ngày 23/11/2026" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in refusal


def test_the_register_has_address_phone_handling_agency_transfer_and_notes(world):
    from tests.factories import at_the_district

    dossier = at_the_district(world, days_ago=3)
    day = dossier.received_at.date()
    text = " ".join(_text(desk_register(world.commune_agency, day, day)).split())
    for expected in ("Người nộp, địa chỉ, điện thoại", "Cơ quan giải quyết, ngày chuyển", "Ghi chú", "0912345678",
                     world.district_agency.name.split()[-1], "chuyển"):
        assert expected in text, expected


def test_the_control_slip_is_a5_with_giver_and_receiver_for_each_handover(world):
    from reportlab.lib.pagesizes import A5

    from tests.factories import at_the_district

    dossier = at_the_district(world, days_ago=3)
    content = pdf_forms.control_slip(dossier, "http://testserver/")
    page = PdfReader(io.BytesIO(content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (round(A5[0]), round(A5[1]))
    text = " ".join(_text(content).split())
    assert text.count("1. Giao:") == 2  # the desk to the commune, the commune to the district
    assert f"Người nhận: {world.huyen_chuyenvien.get_full_name()}" in text
    assert "Bước" in text and "Bướ c" not in text
