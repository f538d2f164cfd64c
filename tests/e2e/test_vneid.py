"""Issue 15: a citizen signs in with VNeID at the fake provider, files, and signs out everywhere."""

import re

import pytest

from .actions import BIRTH, fill_eform
from .test_journeys import scans  # noqa: F401  (the scanned files fixture)

pytestmark = pytest.mark.e2e


def test_a_citizen_signs_in_with_vneid_files_and_signs_out_everywhere(site, new_page, shots, scans):  # noqa: F811
    # The site is `make run` on ports that are not the defaults: its banner and its VNeID say so.
    assert f"Cổng dịch vụ công: {site.url}/" in site.log.read_text()
    page = new_page(390, 844)
    page.goto("/tai-khoan/dang-nhap/")
    shots(page, "sign-in-page")
    page.click("main a:has-text('Đăng nhập bằng VNeID')")
    assert "giả lập" in page.content()  # the fake provider's page
    page.check("input[value='019090001234']")
    page.select_option("#level", "2")
    shots(page, "provider")
    page.click("button:has-text('Đồng ý và đăng nhập')")
    assert page.url.endswith("/ho-so/")
    assert "mức độ 2" in page.locator(".messages").inner_text()
    shots(page, "signed-in")

    page.fill("#site-q", "dang ky khai sinh")
    page.press("#site-q", "Enter")
    page.click("main a:text-is('Đăng ký khai sinh')")
    page.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    label = next(t for t in page.locator("#id_agency option").all_inner_texts() if "hương sơn" in t.lower())
    page.select_option("#id_agency", label=label)
    page.click("main button:has-text('Tiếp tục')")
    fill_eform(page, BIRTH)
    page.locator("main input[type=file]").first.set_input_files(scans["photo"])
    page.click("main button:has-text('Lưu và xem lại')")
    page.click("main button:has-text('Nộp hồ sơ')")
    code = re.search(r"Hồ sơ (\S+)", page.locator("h1").inner_text())[1]
    assert code
    shots(page, "submitted")

    page.click("header .menu-toggle")  # on a phone the header's links are behind the menu button
    page.click("header button:has-text('Đăng xuất')")
    page.wait_for_load_state()
    assert "đăng xuất khỏi Cổng dịch vụ công và khỏi VNeID" in page.locator(".messages").inner_text()
    shots(page, "signed-out")
    page.goto("/ho-so/")
    assert "/tai-khoan/dang-nhap/" in page.url
