"""Issue 20 on a 390 px phone: the criminal record request typed into its electronic form, prefilled
from the registry, a date in the future and a missing field corrected without retyping, submitted; the
citizen downloads the generated declaration and the desk reads the fields."""

import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from .actions import sign_in, staff_sign_in

pytestmark = pytest.mark.e2e


def field(page, suffix):
    return page.locator(f"[name$='-{suffix}']").first


def test_a_citizen_fills_the_criminal_record_form_on_a_phone(site, new_page, shots, tmp_path):
    card = tmp_path / "can-cuoc.jpg"
    Image.new("RGB", (500, 320), (230, 235, 240)).save(card)
    citizen = new_page(390, 844)
    sign_in(citizen, "019090001234")  # congdan1, Nguyễn Văn An
    citizen.goto("/thu-tuc/?q=ly lich tu phap")
    citizen.click("main table a >> nth=0")
    citizen.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    citizen.check("#id_consent")
    citizen.click("main button:has-text('Tiếp tục')")
    assert field(citizen, "full_name").input_value() == "Nguyễn Văn An"  # prefilled with consent
    assert field(citizen, "date_of_birth").input_value() == "1990-05-12"
    shots(citizen, "prefilled")

    field(citizen, "certificate").select_option("no1")
    field(citizen, "request_case").select_option("self")
    field(citizen, "permanent_residence_0").select_option(label="Thị trấn Hương Sơn, Huyện Phú Bình")
    field(citizen, "residences-0-from_month").fill("9")
    field(citizen, "residences-0-from_year").fill("2004")
    field(citizen, "residences-0-to_month").fill("11")
    field(citizen, "residences-0-to_year").fill("2026")
    field(citizen, "residences-0-place").fill("Thị trấn Hương Sơn, huyện Phú Bình")
    citizen.locator("[name$='-has_record'][value='no']").check()
    field(citizen, "copies").fill("2")
    citizen.locator("[name$='-ban_confirmation'][value='no']").check()
    citizen.locator("main input[type=file]").first.set_input_files(str(card))
    # Two mistakes on purpose: a birth date in the future, and no purpose.
    field(citizen, "date_of_birth").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    citizen.click("main button:has-text('Lưu và xem lại')")
    summary = citizen.locator(".error-summary").inner_text()
    assert "không được sau hôm nay" in summary and "Mục đích sử dụng Phiếu lý lịch tư pháp" in summary
    assert field(citizen, "residences-0-place").input_value() == "Thị trấn Hương Sơn, huyện Phú Bình"  # kept
    assert field(citizen, "copies").input_value() == "2"
    shots(citizen, "mistakes-shown")

    field(citizen, "date_of_birth").fill("1990-05-12")
    field(citizen, "purpose").fill("Bổ sung hồ sơ xin việc")
    citizen.click("main button:has-text('Lưu và xem lại')")
    review = citizen.locator("main").inner_text()
    assert "Bổ sung hồ sơ xin việc" in review and "Thị trấn Hương Sơn" in review
    shots(citizen, "review")
    citizen.click("main button:has-text('Nộp hồ sơ')")
    code = re.search(r"Hồ sơ (\S+)", citizen.locator("h1").inner_text())[1]
    href = citizen.locator("a:has-text('to-khai-1.pdf')").first.get_attribute("href")
    declaration = citizen.request.get(site.url + href).body()
    text = " ".join(PdfReader(io.BytesIO(declaration)).pages[0].extract_text().split())
    assert "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP" in text and "Bổ sung hồ sơ xin việc" in text
    shots(citizen, "submitted")

    desk = new_page()
    staff_sign_in(desk, site, "so.motcua")
    desk.goto(f"/can-bo/tim-kiem/?code={code}")
    desk.click(f"a:text-is('{code}')")
    page = desk.locator("main").inner_text()
    assert "Mục đích sử dụng Phiếu lý lịch tư pháp" in page and "Bổ sung hồ sơ xin việc" in page
    shots(desk, "desk-reads-the-fields")
