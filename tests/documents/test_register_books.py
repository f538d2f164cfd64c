"""The registers as Decree 30/2020's appendix IV has them (issue 31, part 4): every column, Vietnam's
time, and the year's book as a PDF to print and bind."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook
from reportlab.lib.pagesizes import A4

from documents.register_books import INCOMING_COLUMNS, OUTGOING_COLUMNS
from documents.services import incoming
from tests.documents.factories import entry, issued, local, scan
from tests.factories import sign_in_verified
from tests.pdf_checks import check_paper

pytestmark = pytest.mark.django_db


def sheet(response):
    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]


def test_a_document_received_before_seven_is_on_its_vietnamese_day_with_every_column(offices):
    # 06:30 on 24 November in Vietnam is 23:30 on the 23rd in UTC.
    incoming.register_incoming(offices.ubnd.clerk, entry(received_at=local(2026, 11, 24, 6, 30)), files=[scan()])
    client = sign_in_verified(Client(), offices.ubnd.clerk)
    rows = sheet(client.get("/can-bo/van-ban/den/so-van-ban-den.xlsx"))
    header = rows[0]
    assert tuple(header[: len(INCOMING_COLUMNS)]) == INCOMING_COLUMNS
    line = rows[1]
    assert line[1] == "06:30 24/11/2026" and "Ký nhận" in header and "Đơn vị hoặc người nhận" in header


def test_the_outgoing_register_prints_as_the_years_book(offices):
    first = issued(offices.ubnd, addressees=[offices.so.agency], at=local(2026, 11, 25, 6, 45))
    client = sign_in_verified(Client(), offices.ubnd.clerk)
    rows = sheet(client.get("/can-bo/van-ban/di/so-van-ban-di.xlsx"))
    header = rows[0]
    assert tuple(header[: len(OUTGOING_COLUMNS)]) == OUTGOING_COLUMNS
    line = rows[1]
    assert line[0] == first.symbol and line[5] == "VT, VP" and line[6] == "2" and line[7] == "06:45 25/11/2026"
    response = client.get("/can-bo/van-ban/di/so-van-ban-di.pdf", {"year": "2026"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = check_paper(response.content)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and "Năm 2026" in text and f"Từ số {first.symbol}" in text
    assert first.symbol in text and "Người ký" in text and "Số lượng bản" in text
    with first.issued_pdf.open("rb") as handle:  # the document itself, drawn from the template
        issued_text = check_paper(handle.read(), A4)
    assert f"Số: {first.symbol}" in issued_text and "TM. ỦY BAN NHÂN DÂN" in issued_text
    assert "Nơi nhận:" in issued_text and "Lưu: VT, VP." in issued_text
    for hostile in ("abc", "1999", "99999999999999999999", "2026\x00"):
        bad = client.get("/can-bo/van-ban/di/so-van-ban-di.pdf", {"year": hostile})
        assert bad.status_code == 400 and "Năm" in bad.content.decode()


def test_another_agencys_clerk_prints_only_their_own_book(offices):
    first = issued(offices.ubnd, addressees=[offices.so.agency], at=local(2026, 11, 25, 9, 0))
    client = sign_in_verified(Client(), offices.so.clerk)
    text = check_paper(client.get("/can-bo/van-ban/di/so-van-ban-di.pdf", {"year": "2026"}).content)
    assert first.symbol not in text and "0 văn bản" in text
