"""Issue 16: a citizen pays a fee online at the fake payment platform and gets a receipt number."""

import re

import pytest

from .actions import sign_in
from .test_journeys import scans  # noqa: F401

pytestmark = pytest.mark.e2e


def test_a_citizen_pays_a_fee_online(site, new_page, shots, scans):  # noqa: F811
    page = new_page(390, 844)
    sign_in(page, "019195004321")  # congdan2
    page.fill("#site-q", "trich luc ho tich")
    page.press("#site-q", "Enter")
    page.click("main a:has-text('Cấp bản sao Trích lục hộ tịch')")
    page.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    label = next(t for t in page.locator("#id_agency option").all_inner_texts() if "hương sơn" in t.lower())
    page.select_option("#id_agency", label=label)
    page.click("main button:has-text('Tiếp tục')")
    for index in range(page.locator("main input[type=file]").count()):
        page.locator("main input[type=file]").nth(index).set_input_files(scans["form"])
    page.click("main button:has-text('Lưu và xem lại')")
    page.click("main button:has-text('Nộp hồ sơ')")
    assert re.search(r"Hồ sơ (\S+)", page.locator("h1").inner_text())
    shots(page, "submitted")
    page.click("main button:has-text('Thanh toán trực tuyến')")
    assert "Cổng thanh toán giả lập" in page.content() and "8.000 đồng" in page.content()
    shots(page, "platform")
    page.click("button:has-text('Thanh toán thành công')")
    message = page.locator(".messages").inner_text()
    assert "Đã thanh toán phí, lệ phí" in message and re.search(r"BL\d{8}", message)
    shots(page, "paid")
    assert "Thanh toán trực tuyến" not in page.locator("main form button").all_inner_texts()
