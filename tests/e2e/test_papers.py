"""Issue 31 in the browser: a certified copy filed online, certified at the commune, and the paper the
citizen downloads names what was certified with its number in the certification book."""

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from .actions import act, file_online, open_at_desk, sign_in, staff_sign_in

pytestmark = pytest.mark.e2e

COPIES = {
    "papers-0-name": "Bằng tốt nghiệp đại học",
    "papers-0-issued_by": "Đại học Thái Nguyên",
    "papers-0-copies": "3",
    "purpose": "Nộp hồ sơ tuyển dụng",
}


def test_a_certified_copy_carries_its_certification_book_number(site, new_page, shots, tmp_path):
    scan = tmp_path / "bang.pdf"
    Image.new("RGB", (600, 800), (255, 255, 255)).save(scan)
    citizen = new_page(390, 844)
    sign_in(citizen, "019090001234")  # congdan1, Nguyễn Văn An, thị trấn Hương Sơn
    code, citizen_dossier = file_online(citizen, "chung thuc ban sao tu ban chinh", "thị trấn Hương Sơn", COPIES, scan)

    desk, dossier = open_at_desk(site, new_page, "xa.motcua", code)
    act(desk, dossier, "Tiếp nhận hồ sơ")
    specialist = new_page()
    staff_sign_in(specialist, site, "xa.chuyenvien")
    act(specialist, dossier, "Nhận xử lý")
    act(specialist, dossier, "Trình phê duyệt")
    leader = new_page()
    staff_sign_in(leader, site, "xa.lanhdao")
    act(leader, dossier, "Phê duyệt")
    act(desk, dossier, "Trả kết quả")

    citizen.goto(citizen_dossier)
    href = citizen.locator("a[href*='/ket-qua/']").first.get_attribute("href")
    paper = " ".join(PdfReader(io.BytesIO(citizen.request.get(site.url + href).body())).pages[0].extract_text().split())
    assert "LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH" in paper
    assert re.search(r"Số chứng thực: \d+, Quyển số: 01/20\d\d-SCT/BS", paper)
    assert "Bằng tốt nghiệp đại học, do Đại học Thái Nguyên cấp; số bản sao: 3" in paper
    assert "QĐ-" not in paper
    shots(citizen, "certified-copy-returned")
