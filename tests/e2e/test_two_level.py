"""The two-level model in the browser (issue 14): a citizen files a non-boundary procedure at a
ward's service center that is not their own; their commune's committee decides it; the result goes
back to the center where they filed."""

import io
import re
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from .actions import BIRTH, CRIMINAL_RECORD, act, attach_and_submit, fill_eform, open_at_desk, sign_in, staff_sign_in

pytestmark = pytest.mark.e2e

WARD_CENTER = "Trung tâm Phục vụ hành chính công phường Phan Đình Phùng"
HOME_COMMITTEE = "Ủy ban nhân dân xã Phú Bình"


def test_filed_at_another_center_decided_at_home_returned_where_filed(site_2025, new_page, shots, tmp_path):
    site = site_2025
    scan = tmp_path / "to-khai.pdf"
    Image.new("RGB", (600, 800), (255, 255, 255)).save(scan)

    citizen = new_page(390, 844)
    sign_in(citizen, "019090001234")  # congdan1, who lives in Phú Bình
    citizen.goto("/thu-tuc/?q=dang ky khai sinh")
    citizen.click("main a:text-is('Đăng ký khai sinh')")
    assert "Không phụ thuộc địa giới hành chính" in citizen.locator("main").inner_text()
    shots(citizen, "procedure-non-boundary")
    citizen.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    citizen.select_option(
        "#id_agency",
        label=next(t for t in citizen.locator("#id_agency option").all_inner_texts() if t.startswith(WARD_CENTER)),
    )
    citizen.select_option("#id_case_unit", label="Xã Phú Bình")
    citizen.check("#id_consent")
    shots(citizen, "start-at-ward-center")
    citizen.click("main button:has-text('Tiếp tục')")
    fill_eform(citizen, BIRTH)
    attach_and_submit(citizen, scan)
    code = re.search(r"Hồ sơ (\S+)", citizen.locator("h1").inner_text())[1]
    citizen_dossier = citizen.url

    desk, dossier = open_at_desk(site, new_page, "xa2.motcua", code)  # the ward's center
    act(desk, dossier, "Tiếp nhận hồ sơ")
    facts = desk.locator("dl.facts").first.inner_text()
    assert WARD_CENTER in facts and f"Cơ quan có thẩm quyền giải quyết\n{HOME_COMMITTEE}" in facts
    shots(desk, "received-at-ward-center")
    pk = re.search(r"/ho-so/(\d+)/", dossier)[1]
    receipt = desk.request.get(f"{site.url}/can-bo/ho-so/{pk}/mau-01.pdf").body()
    text = " ".join(PdfReader(io.BytesIO(receipt)).pages[0].extract_text().split())
    assert WARD_CENTER.upper() in text and f"Cơ quan có thẩm quyền giải quyết: {HOME_COMMITTEE}" in text
    assert "Thông tư 03/2025/TT-VPCP" in text

    specialist = new_page()
    staff_sign_in(specialist, site, "xa.chuyenvien")  # the citizen's own commune decides
    assert code in specialist.locator("main").inner_text()  # in its queue
    act(specialist, dossier, "Nhận xử lý")
    act(specialist, dossier, "Trình phê duyệt")
    leader = new_page()
    staff_sign_in(leader, site, "xa.lanhdao")
    act(leader, dossier, "Phê duyệt")
    desk.goto(dossier)
    assert "Có kết quả" in desk.locator("dl.facts").first.inner_text()
    act(desk, dossier, "Trả kết quả")
    shots(desk, "returned-at-ward-center")

    citizen.goto(citizen_dossier)
    page = citizen.locator("main").inner_text()
    assert "Đã trả kết quả" in page and HOME_COMMITTEE in page
    shots(citizen, "citizen-sees-result")
    # The result is the birth's entry in the civil status book, not a decision: it names the child.
    href = citizen.locator("a[href*='/ket-qua/']").first.get_attribute("href")
    extract = " ".join(
        PdfReader(io.BytesIO(citizen.request.get(site.url + href).body())).pages[0].extract_text().split()
    )
    assert "TRÍCH LỤC KHAI SINH" in extract and BIRTH["child_name"].upper() in extract
    assert "Trần Thị Hoa" in extract and re.search(r"Số: \d+, Quyển số: 01/20\d\d", extract)
    assert "QĐ-" not in extract and "THỦ TRƯỞNG CƠ QUAN" not in extract


def test_the_2025_bodies_on_the_catalogue_a_receipt_and_the_dashboard(site_2025, new_page, shots, tmp_path):
    """Issue 32 §1–2: the catalogue offers no district level, a criminal record goes to the provincial
    police, a certification is due the same day; the receipt and the dashboard name 2025's bodies."""
    site = site_2025
    visitor = new_page(1100, 900)
    visitor.goto("/thu-tuc/")
    levels = visitor.locator("select[name=level] option").all_inner_texts()
    assert any(t.startswith("Cấp xã") for t in levels) and not any("huyện" in t for t in levels)
    shots(visitor, "catalogue-without-district-level")
    visitor.goto("/thu-tuc/?q=chung thuc ban sao")
    visitor.click("main table a >> nth=0")
    assert "Trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo" in visitor.locator("main").inner_text()
    shots(visitor, "certification-same-day")
    visitor.goto("/thu-tuc/?q=ly lich tu phap")
    visitor.click("main table a >> nth=0")
    page = visitor.locator("main").inner_text()
    assert "Công an tỉnh tra cứu, xác minh, cấp Phiếu" in page and "Sở Tư pháp" not in page
    shots(visitor, "criminal-record-by-the-police")

    scan = tmp_path / "can-cuoc.pdf"
    Image.new("RGB", (600, 800), (255, 255, 255)).save(scan)
    citizen = new_page(1100, 900)
    sign_in(citizen, "019090001234")
    citizen.goto("/thu-tuc/?q=ly lich tu phap")
    citizen.click("main table a >> nth=0")
    citizen.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    citizen.select_option(
        "#id_agency",
        label=next(t for t in citizen.locator("#id_agency option").all_inner_texts() if t.startswith(WARD_CENTER)),
    )
    citizen.select_option("#id_case_unit", label="Xã Phú Bình")
    citizen.check("#id_consent")
    citizen.click("main button:has-text('Tiếp tục')")
    fill_eform(citizen, CRIMINAL_RECORD)
    attach_and_submit(citizen, scan)
    code = re.search(r"Hồ sơ (\S+)", citizen.locator("h1").inner_text())[1]

    desk, dossier = open_at_desk(site, new_page, "xa2.motcua", code)
    act(desk, dossier, "Tiếp nhận hồ sơ")
    pk = re.search(r"/ho-so/(\d+)/", dossier)[1]
    receipt = tmp_path / "mau-01.pdf"
    receipt.write_bytes(desk.request.get(f"{site.url}/can-bo/ho-so/{pk}/mau-01.pdf").body())
    text = " ".join(PdfReader(str(receipt)).pages[0].extract_text().split())
    assert "Cơ quan có thẩm quyền giải quyết: Công an tỉnh Thái Nguyên" in text
    assert "huyện" not in text.lower()
    picture = shots.folder / "receipt-2025"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(receipt), str(picture)], check=True)

    monitor = new_page(1100, 900)
    staff_sign_in(monitor, site, "tinh.giamsat")
    monitor.goto("/can-bo/bao-cao/")
    board = monitor.locator("main").inner_text()
    assert "Cấp huyện" not in board and "Sở Kế hoạch và Đầu tư" not in board
    monitor.click("summary:has-text('Theo cơ quan')")
    monitor.click("details[open] a:has-text('Xem cả bảng')")
    table = monitor.locator("main").inner_text()
    assert "Công an tỉnh Thái Nguyên" in table and "Sở Giao thông vận tải" not in table
    shots(monitor, "dashboard-2025-bodies")
