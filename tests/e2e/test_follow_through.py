"""Issue 12: one inter-level land dossier from a walk-in at the commune desk to a late return, seen by
the desk, the specialists, the citizen, a stranger tracking it and the province monitor.

The district's step is made late through test data (the dossier's own times moved back, as if it
had been received 40 days ago), never through anything the portal itself offers.
"""

import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from .actions import LAND_FORM, act, fill_eform, sign_in, staff_sign_in
from .test_accessibility import check

pytestmark = pytest.mark.e2e

LAND = "Đăng ký đất đai, tài sản gắn liền với đất"
BINH = {"personal_id": "019195004321", "name": "Trần Thị Bình"}  # congdan2, thị trấn Hương Sơn
SHIFT_BACK = """
import datetime as dt
from django.db.models import F, QuerySet
from procedures.models import Dossier, DossierEvent, DossierStep
delta = dt.timedelta(days=40)
dossier = Dossier.objects.get(code={code!r})
Dossier.objects.filter(pk=dossier.pk).update(**{{name: F(name) - delta for name in (
    "created_at", "submitted_at", "received_at", "clock_started_at", "due_at", "appointment_at")}})
DossierStep.objects.filter(dossier=dossier).update(
    due_at=F("due_at") - delta, started_at=F("started_at") - delta, completed_at=F("completed_at") - delta)
QuerySet(DossierEvent).filter(dossier=dossier).update(created_at=F("created_at") - delta)
"""


@pytest.fixture
def paper(tmp_path):
    """What the citizen brings, scanned: an application form (PDF) and a cadastral sketch (JPEG); the
    commune's memo; the certificate the land registry's own system issued (PDF)."""
    form, sketch, memo = tmp_path / "don-dang-ky.pdf", tmp_path / "so-do-thua-dat.jpg", tmp_path / "to-trinh.pdf"
    certificate = tmp_path / "giay-chung-nhan.pdf"
    Image.new("RGB", (620, 877), (255, 255, 255)).save(form)
    Image.new("RGB", (900, 600), (225, 235, 220)).save(sketch)
    Image.new("RGB", (620, 877), (250, 250, 250)).save(memo)
    Image.new("RGB", (877, 620), (240, 230, 245)).save(certificate)
    return {"form": str(form), "sketch": str(sketch), "memo": str(memo), "certificate": str(certificate)}


def test_walk_in_to_late_return_seen_by_everyone(site, new_page, shots, paper):
    # 1. The commune desk finds the procedure without typing accents and receives a walk-in.
    desk = new_page(1100, 900)
    staff_sign_in(desk, site, "xa.motcua")
    desk.click("nav.subnav a:has-text('Tiếp nhận tại quầy')")
    desk.wait_for_load_state("load")  # the chooser's filter is a deferred script
    desk.fill("#id_q", "dang ky dat dai")
    visible = desk.locator("#thu-tuc tbody tr:not([hidden])")
    assert visible.count() == 1 and "20 ngày làm việc" in visible.inner_text()
    assert "Cấp xã → Cấp huyện" in visible.inner_text()
    check(desk, shots, "intake-chooser")
    visible.locator("a").click()
    components = desk.locator(".card.component")
    sketch = next(i for i in range(components.count()) if "Sơ đồ" in components.nth(i).inner_text())
    components.nth(sketch).locator("input[type=file]").set_input_files(paper["sketch"])
    desk.fill("#id_applicant_personal_id", BINH["personal_id"])
    desk.click("button[name=lookup]")  # the look-up keeps the scan already chosen
    assert desk.input_value("#id_applicant_name") == BINH["name"]
    assert desk.locator("[name$='-owner_name']").input_value() == BINH["name"]  # the form prefilled too
    assert "so-do-thua-dat.jpg" in components.nth(sketch).inner_text()
    shots(desk, "intake-looked-up")
    fill_eform(desk, LAND_FORM)  # the application form typed at the desk (issue 20) instead of scanned
    desk.fill("#id_applicant_phone", "0912000111")
    desk.fill("#id_fee_note", "Không thu: thủ tục miễn phí")
    check(desk, shots, "intake-filled")
    desk.click("button[name=file]")
    assert "Đã tiếp nhận hồ sơ" in desk.locator(".messages").inner_text(), desk.locator("main").inner_text()[:800]
    code = re.search(r"Hồ sơ (\S+)", desk.locator("h1").inner_text())[1]
    dossier_url = desk.url
    page_text = desk.locator("main").inner_text()
    assert "to-khai-1.pdf" in page_text and "so-do-thua-dat.jpg" in page_text and "Thửa đất số" in page_text
    assert "Không có tệp nộp trực tuyến" not in page_text
    assert desk.locator("a[target=_blank]:has-text('Giấy tiếp nhận hồ sơ và hẹn trả kết quả')").count() == 1
    check(desk, shots, "desk-dossier-received")

    # 2. The commune processes its step in time and passes the dossier on, with a memo attached.
    commune = new_page(1100, 900)
    staff_sign_in(commune, site, "xa.chuyenvien")
    act(commune, dossier_url, "Nhận xử lý")
    commune.goto(dossier_url)
    commune.click("summary:has-text('Chuyển liên thông')")
    destination = commune.locator("details[open] .notice").inner_text()
    assert "Ủy ban nhân dân huyện Phú Bình" in destination
    shots(commune, "transfer-named")
    act(
        commune,
        dossier_url,
        "Chuyển liên thông",
        {"#id_transfer-comment": "Đủ điều kiện, đề nghị cấp GCN"},
        {"#id_transfer-files": paper["memo"]},
    )

    # 3. Test data: as if all this had happened 40 days ago. The district's 12 days are long gone.
    site.manage("shell", "-c", SHIFT_BACK.format(code=code))

    # 4. The desk finds it among the overdue; the district, which holds it and caused the delay,
    # apologises and extends after the due time (Decree 118/2025).
    desk.goto("/can-bo/?due=overdue&sort=due&size=100")
    assert code in desk.locator("main table").inner_text()
    shots(desk, "queue-overdue")
    desk.goto(dossier_url)
    badge = desk.locator("dd.deadline-facts").inner_text()
    assert "Quá hạn" in badge and "làm việc" in badge and "0 phút" not in badge
    assert desk.locator("summary:has-text('Phát hành văn bản xin lỗi')").count() == 0
    district = new_page(1100, 900)
    staff_sign_in(district, site, "huyen.chuyenvien")
    act(
        district,
        dossier_url,
        "Phát hành văn bản xin lỗi",
        {
            "#id_issue_apology-new_appointment_at": _in_days(site, 7),
            "#id_issue_apology-reason": "Chờ kết quả đo đạc bổ sung.",
        },
    )
    assert "Hẹn trả mới" in district.locator("ol.timeline").inner_text()
    check(district, shots, "district-apologised")

    # 5. The district accepts, decides late; the desk returns late.
    act(district, dossier_url, "Nhận hồ sơ liên thông")
    # The certificate comes from the sector system, signed and numbered there: nothing to generate.
    district.goto(dossier_url)
    district.click("summary:has-text('Trình phê duyệt')")
    assert district.locator("details[open] input[name=propose-generate]").count() == 0
    act(district, dossier_url, "Trình phê duyệt", files={"#id_propose-result_file": paper["certificate"]})
    leader = new_page(1100, 900)
    staff_sign_in(leader, site, "huyen.lanhdao")
    act(leader, dossier_url, "Phê duyệt")
    act(desk, dossier_url, "Trả kết quả")
    desk.goto(dossier_url)
    steps = desk.locator("h2:has-text('Quy trình và thời hạn từng bước') + div table").inner_text()
    assert "Trước hạn" in steps and "Trễ hạn" in steps
    shots(desk, "desk-returned")

    # 6. The citizen sees the late return and every apology, and downloads the letter.
    citizen = new_page(390, 844)
    sign_in(citizen, BINH["personal_id"])
    citizen.goto("/ho-so/")
    row = citizen.locator(f"tr:has(a:text-is('{code}'))")
    assert "Trễ hạn" in row.inner_text() and "Đã trả" in row.inner_text()
    check(citizen, shots, "citizen-my-dossiers")
    row.locator("a").click()
    main = citizen.locator("main").inner_text()
    assert "Đã trả kết quả lúc" in main and "Trễ hạn" in main and "Chờ kết quả đo đạc bổ sung." in main
    assert "to-khai-1.pdf" in main  # the counter's documents are the citizen's too
    check(citizen, shots, "citizen-dossier-late")
    letter = citizen.request.get(site.url + citizen.locator("a:has-text('Tải văn bản xin lỗi')").get_attribute("href"))
    assert "Chờ kết quả đo đạc bổ sung." in PdfReader(io.BytesIO(letter.body())).pages[0].extract_text()

    stranger = new_page(390, 844)
    stranger.goto(f"/tra-cuu-ho-so/?ma={code}")
    stranger.fill("#id_secret", BINH["personal_id"][-4:])
    stranger.click("main button:has-text('Tra cứu')")
    tracked = stranger.locator("main").inner_text()
    assert "Đã trả kết quả lúc" in tracked and "Trễ hạn" in tracked and "Chờ kết quả đo đạc bổ sung." in tracked
    check(stranger, shots, "tracking-late")

    # 7. The province charges the late step to the district, and the count opens the dossier.
    monitor = new_page(1100, 900)
    staff_sign_in(monitor, site, "tinh.giamsat")
    monitor.goto("/can-bo/bao-cao/")
    assert monitor.locator("#theo").input_value() == "co-quan-xu-ly"
    monitor.click("summary:has-text('Theo cơ quan')")
    # A synthetic year gives hundreds of agencies: the table opens on a page of its own.
    monitor.click("details[open] a:has-text('Xem cả bảng')")
    assert "theo cơ quan" in monitor.locator("h1").inner_text()
    district_row = monitor.locator("details[open] tr:has(td:text-is('Ủy ban nhân dân huyện Phú Bình'))").first
    late_cell = district_row.locator("td").nth(7).locator("a")
    check(monitor, shots, "dashboard-by-responsible-agency")
    late_cell.click()
    assert code in monitor.locator("main table").inner_text()
    assert "Trễ hạn: Ủy ban nhân dân huyện Phú Bình" in monitor.locator("h1").inner_text()
    check(monitor, shots, "dashboard-dossiers-behind-the-count")


WORKING_MOMENT = """
import datetime as dt
from django.utils import timezone
from government.calendar import WorkingCalendar
from government.selectors import calendar_exceptions
moment = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days={days})
print(timezone.localtime(WorkingCalendar(exceptions=calendar_exceptions()).next_working_moment(moment))
      .strftime("%Y-%m-%dT%H:%M"))
"""


def _in_days(site, days):
    """A datetime-local value for a working morning `days` or more ahead, on the server's own calendar:
    a new appointment must fall in working time, and CI runs on Sundays and in Tết too."""
    return site.manage("shell", "-c", WORKING_MOMENT.format(days=days)).strip().splitlines()[-1]
