"""The public verification page says "không hợp lệ" for any broken signed file, never a 500."""

import io
import re

import pytest
from reportlab.pdfgen import canvas

from signing_adapter.pades import sign_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(world):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Giay khai sinh")
    page.save()
    return sign_pdf(buffer.getvalue(), world.commune_agency, reason="Kết quả giải quyết")


def _verify(client, content):
    response = client.post("/xac-thuc-van-ban/", {"document": io.BytesIO(content)})
    return response.status_code, response.content.decode()


def test_an_intact_signature_is_valid(client, signed):
    status, body = _verify(client, signed)
    assert status == 200 and "Chữ ký số hợp lệ." in body


def test_a_malformed_byte_range_is_not_valid(client, signed):
    broken = re.sub(
        rb"/ByteRange\s*\[[^\]]*\]", lambda m: b"/ByteRange [0 1 2 x]".ljust(len(m.group(0))), signed, count=1
    )
    assert broken != signed
    status, body = _verify(client, broken)
    assert status == 200 and "Chữ ký số hợp lệ." not in body
    assert "không có chữ ký số" in body or "không hợp lệ" in body


def test_one_changed_hex_digit_inside_the_signature_is_not_valid(client, signed):
    start = signed.index(b"/Contents <") + len(b"/Contents <") + 400
    digit = signed[start : start + 1]
    broken = signed[:start] + (b"0" if digit != b"0" else b"1") + signed[start + 1 :]
    status, body = _verify(client, broken)
    assert status == 200 and "Chữ ký số không hợp lệ." in body


def test_a_pdf_that_does_not_parse_is_not_signed(client):
    status, body = _verify(client, b"%PDF-1.4\n<?php system($_GET['c']); ?>")
    assert status == 200 and "Tệp không có chữ ký số." in body
