"""The three journeys of issue 8, each step on screen in headless Chromium."""

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from tests.pdf_checks import check_paper

from .actions import ALLOWANCE, BIRTH, act, file_online, fill_eform, open_at_desk, sign_in, staff_sign_in

pytestmark = pytest.mark.e2e

# In the synthetic population registry (citizen_registry_adapter/synthetic.py), with no account yet.
DAT = {"personal_id": "019092616495", "name": "Trần Hữu Đạt", "dob": "1992-10-19", "commune": "xã Điềm Thụy"}


@pytest.fixture
def scans(tmp_path):
    photo, form = tmp_path / "giay-chung-sinh.jpg", tmp_path / "to-khai.pdf"
    Image.new("RGB", (600, 800), (240, 240, 235)).save(photo)
    Image.new("RGB", (600, 800), (255, 255, 255)).save(form)
    return {"photo": str(photo), "form": str(form)}


def test_a_citizen_registers_finds_files_gets_a_receipt_and_tracks(site, new_page, shots, scans):
    page = new_page(390, 844)
    page.goto("/tai-khoan/dang-ky/")
    page.fill("#id_personal_id", DAT["personal_id"])
    page.fill("#id_full_name", DAT["name"])
    page.fill("#id_date_of_birth", DAT["dob"])
    page.fill("#id_phone", "0904555666")
    page.fill("#id_email", "dat@example.vn")
    page.fill("#id_password1", "Dien-Thuy-2026")
    page.fill("#id_password2", "Dien-Thuy-2026")
    shots(page, "register")
    page.click("main button:has-text('Đăng ký')")
    assert "khớp CSDL quốc gia về dân cư" in page.locator(".messages").inner_text()

    page.fill("#site-q", "dang ky khai sinh")  # typed without accents
    page.press("#site-q", "Enter")
    shots(page, "search")
    page.click("main a:text-is('Đăng ký khai sinh')")
    shots(page, "procedure")
    page.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    label = next(t for t in page.locator("#id_agency option").all_inner_texts() if DAT["commune"].lower() in t.lower())
    page.select_option("#id_agency", label=label)
    page.check("#id_consent")
    page.click("main button:has-text('Tiếp tục')")
    assert "điền sẵn từ CSDL" in page.locator(".messages").inner_text()
    fill_eform(page, BIRTH)  # the declaration is typed (issue 20), the birth certificate uploaded
    page.locator("main input[type=file]").first.set_input_files(scans["photo"])
    shots(page, "draft")
    page.click("main button:has-text('Lưu và xem lại')")
    shots(page, "review")
    page.click("main button:has-text('Nộp hồ sơ')")
    code = re.search(r"Hồ sơ (\S+)", page.locator("h1").inner_text())[1]
    shots(page, "submitted")
    with page.expect_download() as download:
        page.evaluate(
            "href => { const a = document.createElement('a'); a.href = href; a.download = ''; "
            "document.body.append(a); a.click(); }",
            page.locator("a:has-text('Tải giấy tiếp nhận')").get_attribute("href"),
        )
    receipt = download.value.path().read_bytes()
    text = PdfReader(io.BytesIO(receipt)).pages[0].extract_text()
    assert code in text and "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and DAT["name"] in text

    stranger = new_page(390, 844)  # no account: public tracking
    stranger.goto(f"/tra-cuu-ho-so/?ma={code}")
    stranger.fill("#id_secret", DAT["personal_id"][-4:])
    stranger.click("main button:has-text('Tra cứu')")
    shots(stranger, "tracked")
    assert "Mới nộp" in stranger.locator("main").inner_text()


def test_a_dossier_goes_from_desk_to_district_and_back_signed(site, new_page, shots, scans):
    citizen = new_page(390, 844)
    sign_in(citizen, "019090001234")  # congdan1, Nguyễn Văn An, thị trấn Hương Sơn
    code, citizen_dossier = file_online(
        citizen, "tro cap xa hoi hang thang", "thị trấn Hương Sơn", ALLOWANCE, scans["form"]
    )

    desk, dossier = open_at_desk(site, new_page, "xa.motcua", code)
    shots(desk, "desk-dossier")
    act(desk, dossier, "Yêu cầu bổ sung hồ sơ", {"#id_request_supplement-missing_items": "Giấy xác nhận khuyết tật"})

    citizen.goto(citizen_dossier)
    assert "Giấy xác nhận khuyết tật" in citizen.locator("main").inner_text()
    citizen.set_input_files("#supply-files", scans["form"])
    citizen.click("main button:has-text('Gửi bổ sung')")
    shots(citizen, "supplied")

    act(desk, dossier, "Tiếp nhận hồ sơ")
    specialist = new_page()
    staff_sign_in(specialist, site, "xa.chuyenvien")
    act(specialist, dossier, "Nhận xử lý")
    act(specialist, dossier, "Chuyển liên thông", {"#id_transfer-comment": "Đủ điều kiện, chuyển UBND huyện"})
    district = new_page()
    staff_sign_in(district, site, "huyen.chuyenvien")
    act(district, dossier, "Nhận hồ sơ liên thông")
    act(district, dossier, "Trình phê duyệt")
    leader = new_page()
    staff_sign_in(leader, site, "huyen.lanhdao")
    act(leader, dossier, "Phê duyệt")
    act(desk, dossier, "Trả kết quả")
    shots(desk, "returned")

    citizen.goto(citizen_dossier)
    href = citizen.locator("a[href*='/ket-qua/']").first.get_attribute("href")
    result = citizen.request.get(site.url + href).body()
    decision = check_paper(result, A4)
    # A decision of the district numbered with its type, signed by the approving leader by name.
    assert "QUYẾT ĐỊNH" in decision and re.search(r"Số: \d\d/QĐ-UBND", decision) and "Điều 1." in decision
    assert "Nơi nhận:" in decision and "THỦ TRƯỞNG CƠ QUAN" not in decision
    result_file = scans["form"].replace("to-khai.pdf", "ket-qua.pdf")
    open(result_file, "wb").write(result)
    verify = new_page(390, 844)
    verify.goto("/xac-thuc-van-ban/")
    verify.set_input_files("#id_document", result_file)
    verify.click("main button:has-text('Xác thực')")
    shots(verify, "verified")
    assert "Các chữ ký số đều hợp lệ." in verify.locator("main").inner_text()  # the leader's and the agency's
    assert "Ủy ban nhân dân huyện Phú Bình" in verify.locator("main").inner_text()
    citizen.check("#id_score_0")  # 5 — Rất hài lòng
    citizen.fill("#id_comment", "Cán bộ hướng dẫn tận tình.")
    citizen.click("main button:has-text('Gửi đánh giá')")
    shots(citizen, "rated")
    assert "Cảm ơn bạn đã đánh giá." in citizen.locator(".messages").inner_text()


def test_the_province_monitor_drills_down_and_exports(site, new_page, shots):
    page = new_page()
    staff_sign_in(page, site, "tinh.giamsat")
    page.click("a:has-text('Theo dõi, đánh giá')")
    shots(page, "dashboard")
    assert "hồ sơ tiếp nhận" in page.locator("main").inner_text()
    page.click("main p.muted a:has-text('Huyện Phú Bình')")
    shots(page, "drill-down")
    assert "Huyện Phú Bình" in page.locator("main p.muted").first.inner_text()
    with page.expect_download() as download:
        page.click("a:has-text('Tải Excel')")
    assert download.value.path().read_bytes()[:2] == b"PK"  # an .xlsx is a zip
