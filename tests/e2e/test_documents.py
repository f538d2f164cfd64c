"""Issue 18: a letter arrives at the commune, the leader assigns it, a specialist drafts the answer,
the leader signs, the clerk numbers and issues it, the district takes it into its incoming register
and acknowledges, and the public verification page shows both signatures valid."""

import subprocess

import pytest
from PIL import Image

from .actions import second_factor, sign_in
from .conftest import RESULTS
from .test_accessibility import check

pytestmark = pytest.mark.e2e


def documents_sign_in(page, site, username):
    sign_in(page, username, next_url="/can-bo/van-ban/den/")
    second_factor(page, site, username)


def done(page, expected):
    message = page.locator(".messages").inner_text() if page.locator(".messages").count() else ""
    assert expected in message, (message, page.locator(".notice.error, .errorlist").all_inner_texts())


@pytest.fixture
def scanned_letter(tmp_path):
    path = tmp_path / "cong-van-so-noi-vu.pdf"
    Image.new("RGB", (620, 877), (255, 255, 255)).save(path)
    return str(path)


def test_a_letter_answered_and_the_answer_received_by_the_district(site, new_page, shots, scanned_letter, tmp_path):
    # 1. The commune's clerk registers a letter received on paper, scanned.
    clerk = new_page(1100, 900)
    documents_sign_in(clerk, site, "xa.vanthu")
    assert "/can-bo/van-ban/den/" in clerk.url
    clerk.click("a:has-text('Vào sổ văn bản đến')")
    clerk.check("input[name=channel][value=paper]")
    clerk.fill("#id_sender", "Sở Nội vụ tỉnh Thái Nguyên")
    clerk.fill("#id_number_symbol", "1234/SNV-CCHC")
    clerk.fill("#id_issued_on", "2026-11-20")
    clerk.select_option("#id_document_type", label="Công văn")
    clerk.fill("#id_excerpt", "V/v rà soát, chuẩn hóa thủ tục hành chính cấp xã")
    clerk.select_option("#id_urgency", label="Khẩn")
    clerk.fill("#id_answer_due", "2030-12-31")
    clerk.set_input_files("#id_files", scanned_letter)
    check(clerk, shots, "clerk-registers")
    clerk.click("main button:has-text('Vào sổ')")
    done(clerk, "Đã vào sổ văn bản đến số")
    letter_url = clerk.url
    # A classified document is refused with what to do instead.
    clerk.goto("/can-bo/van-ban/den/vao-so/")
    clerk.select_option("#id_classification", label="Mật")
    clerk.fill("#id_sender", "Công an tỉnh")
    clerk.fill("#id_number_symbol", "1/CAT-M")
    clerk.fill("#id_issued_on", "2026-11-20")
    clerk.select_option("#id_document_type", label="Công văn")
    clerk.fill("#id_excerpt", "Mật")
    clerk.set_input_files("#id_files", scanned_letter)
    clerk.click("main button:has-text('Vào sổ')")
    assert "Văn bản mật không được đăng ký" in clerk.locator(".notice.error").inner_text()
    shots(clerk, "classified-refused")

    # 2. The leader assigns it to the specialist.
    leader = new_page(1100, 900)
    documents_sign_in(leader, site, "xa.lanhdao")
    leader.goto(letter_url)
    leader.select_option("#id_handler", label="Ma Văn Dũng — Chuyên viên xử lý")
    leader.fill("#id_handler_due", "2030-12-20")
    leader.fill("#id_note", "Đồng chí Dũng tham mưu văn bản trả lời.")
    check(leader, shots, "leader-assigns")
    leader.click("details[open] button:has-text('Phân công')")
    done(leader, "Đã phân công xử lý")

    # 3. The specialist drafts the answer from the template and submits it for signature.
    specialist = new_page(1100, 900)
    documents_sign_in(specialist, site, "xa.chuyenvien")
    assert "rà soát, chuẩn hóa" in specialist.locator("main").inner_text()  # "assigned to me"
    specialist.goto(letter_url)
    specialist.click("a:has-text('Soạn văn bản trả lời')")
    specialist.select_option("#id_document_type", label="Công văn")
    specialist.fill("#id_excerpt", "V/v báo cáo kết quả rà soát thủ tục hành chính cấp xã")
    specialist.fill(
        "#id_body",
        "Thực hiện Công văn số 1234/SNV-CCHC của Sở Nội vụ, Ủy ban nhân dân xã báo cáo "
        "kết quả rà soát như sau.\n\nCác thủ tục hành chính cấp xã đã được rà soát, chuẩn "
        "hóa đầy đủ; không có thủ tục nào phát sinh vướng mắc.",
    )
    specialist.select_option("#id_signer", label="Nguyễn Đức Thắng — Lãnh đạo phê duyệt")
    specialist.select_option("#id_addressees", label="Ủy ban nhân dân huyện Phú Bình")
    check(specialist, shots, "specialist-drafts")
    specialist.click("main button:has-text('Lưu dự thảo')")
    done(specialist, "Đã lưu dự thảo")
    answer_url = specialist.url
    specialist.click("button:has-text('Trình lãnh đạo ký')")
    done(specialist, "Đã trình lãnh đạo ký")

    # 4. The leader signs with their personal signature.
    leader.goto("/can-bo/van-ban/di/")
    leader.locator("main a", has_text="V/v báo cáo kết quả rà soát").first.click()
    leader.click("button:has-text('Ký số')")
    done(leader, "Đã ký số")

    # 5. The clerk numbers, dates, seals and sends it.
    clerk.goto(answer_url)
    clerk.click("button:has-text('Cấp số, ghi ngày')")
    done(clerk, "Đã cấp số")
    heading = clerk.locator("h1").inner_text()
    assert "/UBND-VP" in heading
    assert clerk.locator("td .badge.ok:has-text('Hợp lệ')").count() == 2
    check(clerk, shots, "issued-both-signatures-valid")
    issued = tmp_path / "ban-hanh.pdf"
    pdf = clerk.request.get(clerk.locator("a:has-text('Bản ban hành')").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    issued.write_bytes(pdf.body())
    picture = RESULTS / "issued-document"
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(issued), str(picture)], check=True)

    # 6. The district's clerk finds it waiting, takes it into the incoming register; the sender sees it.
    district = new_page(1100, 900)
    documents_sign_in(district, site, "huyen.vanthu")
    waiting = district.locator("tr", has_text="V/v báo cáo kết quả rà soát")
    assert waiting.count() == 1
    check(district, shots, "district-waiting")
    waiting.locator("button:has-text('Tiếp nhận')").click()
    done(district, "Đã tiếp nhận, vào sổ văn bản đến số")
    assert "Ủy ban nhân dân thị trấn Hương Sơn" in district.locator("main").inner_text()
    clerk.goto(answer_url)
    assert "Đã nhận" in clerk.locator("main").inner_text()

    # 7. The public verification page shows both signatures valid.
    public = new_page(1100, 900)
    public.goto("/xac-thuc-van-ban/")
    public.set_input_files("#id_document", str(issued))
    public.click("main button:has-text('Xác thực')")
    assert "Các chữ ký số đều hợp lệ" in public.locator("main").inner_text()
    assert public.locator("td .badge.ok:has-text('Hợp lệ')").count() == 2
    check(public, shots, "verification-both-valid")
