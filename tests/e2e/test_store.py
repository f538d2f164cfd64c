"""Never ask twice, in the browser (issue 39): the birth extract the commune issued online to congdan1
a month ago (seeded by `make run` through the real services) is in "Kho dữ liệu của tôi"; filing the
monthly social allowance as a poor single parent, congdan1 takes it from there instead of uploading;
the desk officer sees who issued it, its number and that its signature is valid; once received, the
province's dashboard counts the reuse."""

import re

import pytest

from .actions import act, fill_eform, open_at_desk, sign_in, staff_sign_in
from .test_accessibility import check

pytestmark = pytest.mark.e2e

ISSUER = "Ủy ban nhân dân thị trấn Hương Sơn"
SINGLE_PARENT = {"residence_0": "*", "category": "single_parent", "receives_other": "no", "payment": "cash"}


def test_a_birth_extract_issued_last_month_is_reused_without_an_upload(site, new_page, shots):
    citizen = new_page(390, 844)
    sign_in(citizen, "019090001234")  # congdan1
    assert citizen.locator("nav a[href='/kho-du-lieu/']").count() == 1
    citizen.goto("/kho-du-lieu/")
    held = citizen.locator("main").inner_text()
    assert "Giấy khai sinh (bản chính)" in held and ISSUER in held and "Quyển số: 01/" in held
    check(citizen, shots, "store")  # axe-core, and no sideways scrolling on the phone

    citizen.goto("/thu-tuc/?q=tro cap xa hoi hang thang")
    citizen.click("main table a >> nth=0")
    citizen.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    label = next(t for t in citizen.locator("#id_agency option").all_inner_texts() if "thị trấn Hương Sơn" in t)
    citizen.select_option("#id_agency", label=label)
    citizen.check("#id_consent")
    citizen.click("main button:has-text('Tiếp tục')")
    fill_eform(citizen, SINGLE_PARENT)
    reuse = citizen.locator("select[name^='reuse-']")
    assert reuse.count() == 1
    option = next(t for t in reuse.locator("option").all_inner_texts() if "Giấy khai sinh" in t)
    reuse.select_option(label=option)
    shots(citizen, "draft-reuses-the-extract")
    citizen.click("main button:has-text('Lưu và xem lại')")
    citizen.click("main button:has-text('Nộp hồ sơ')")
    code = re.search(r"Hồ sơ (\S+)", citizen.locator("h1").inner_text())[1]
    assert citizen.locator("main input[type=file]").count() == 0  # nothing was uploaded for it

    desk, dossier = open_at_desk(site, new_page, "xa.motcua", code)
    seen = " ".join(desk.locator("main .provenance").inner_text().split())
    assert f"Cấp bởi {ISSUER}" in seen and re.search(r"Số \d+, Quyển số: 01/\d{4}", seen), seen
    assert "Chữ ký số hợp lệ" in seen and "không tải lên" in seen
    shots(desk, "officer-sees-provenance")
    act(desk, dossier, "Tiếp nhận hồ sơ")

    monitor = new_page()
    staff_sign_in(monitor, site, "tinh.giamsat")
    month = site.manage("shell", "-c", "from django.utils import timezone; print(f'{timezone.localdate():%Y-%m}')")
    month = month.strip().splitlines()[-1]
    monitor.goto(f"/can-bo/bao-cao/?tu={month}&den={month}")
    figures = monitor.locator("main").inner_text()
    reused = re.search(r"Dùng lại giấy tờ: [^(]*\((\d+)\)", figures)
    assert reused and int(reused[1]) >= 1, figures[:600]
    shots(monitor, "dashboard-counts-reuse")

    # At the counter the desk reads congdan1's store, with the legal ground (logged), and is offered it.
    desk.click("nav.subnav a:has-text('Tiếp nhận tại quầy')")
    desk.wait_for_load_state("load")
    desk.fill("#id_q", "tro cap xa hoi hang thang")
    desk.locator("#thu-tuc tbody tr:not([hidden]) a").first.click()
    desk.fill("#id_applicant_personal_id", "019090001234")
    desk.click("button[name=store_lookup]")
    offered = desk.locator("fieldset.offered")
    assert offered.count() == 1 and "Giấy khai sinh (bản chính)" in offered.inner_text()
    check(desk, shots, "counter-looks-up-the-store")
