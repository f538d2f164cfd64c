"""What a person does on the pages, as small steps the journeys share."""

import base64
import hashlib
import hmac
import re
import struct
import time

from .conftest import PASSWORD


def totp(secret, at=None):
    counter = struct.pack(">Q", int(at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def sign_in(page, username, password=PASSWORD, next_url=""):
    page.goto("/tai-khoan/dang-nhap/" + (f"?next={next_url}" if next_url else ""))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button:has-text('Đăng nhập')")


def second_factor(page, site, username):
    """After the password: the enrolment code an administrator issued (the command line here) and the
    authenticator's secret on first use, kept as the phone app would; later, the current code."""
    if page.locator("#id_enrolment_code").count():
        issued = site.manage("issue_enrolment_code", username).split()[1]
        page.fill("#id_enrolment_code", issued)
        page.click("main button:has-text('Tiếp tục')")
    if "/xac-thuc/dang-ky/" in page.url:
        site.totp_secrets[username] = page.locator("code").inner_text().strip()
        page.fill("#id_token", totp(site.totp_secrets[username]))
        page.click("main button:has-text('Xác nhận')")
        page.click("text=Tôi đã lưu các mã")
    elif "/xac-thuc/" in page.url:
        # A code is accepted once: wait for the next 30-second window if this one was used already.
        page.fill("#id_token", totp(site.totp_secrets[username]))
        page.click("main button:has-text('Xác nhận')")
        if "/xac-thuc/" in page.url:
            time.sleep(31 - time.time() % 30)
            page.fill("#id_token", totp(site.totp_secrets[username]))
            page.click("main button:has-text('Xác nhận')")


def staff_sign_in(page, site, username):
    sign_in(page, username, next_url="/can-bo/")
    second_factor(page, site, username)
    assert page.url.rstrip("/").endswith("/can-bo"), page.url


def act(page, dossier_url, label, fill=None, files=None):
    page.goto(dossier_url)
    page.click(f"summary:has-text('{label}')")
    for selector, value in (fill or {}).items():
        page.fill(selector, value)
    for selector, value in (files or {}).items():
        page.set_input_files(selector, value)
    page.locator("details[open] button[type=submit]").click()
    message = page.locator(".messages").inner_text() if page.locator(".messages").count() else ""
    assert message.startswith("Đã "), (label, page.locator(".notice.error, .errorlist").all_inner_texts())
    return message


def fill_eform(page, values):
    """Type an electronic form's fields, found by the end of their input names: a select takes the
    value ("*": its first real option), a yes/no the radio of that value, anything else is typed."""
    for suffix, value in values.items():
        inputs = page.locator(f"[name$='-{suffix}']")
        first = inputs.first
        if first.evaluate("e => e.tagName") == "SELECT":
            if value == "*":
                first.select_option(index=1)
            else:
                first.select_option(value)
        elif first.get_attribute("type") == "radio":
            page.locator(f"[name$='-{suffix}'][value='{value}']").check()
        else:
            first.fill(value)


BIRTH = {
    "child_name": "Nguyễn Minh Khang",
    "child_sex": "male",
    "child_date_of_birth": "2026-11-20",
    "child_place_of_birth": "Bệnh viện A Thái Nguyên",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "mother_name": "Trần Thị Hoa",
    "mother_year_of_birth": "1996",
    "mother_ethnicity": "Kinh",
    "mother_nationality": "Việt Nam",
    "mother_residence_0": "*",
    "has_father": "no",
    "declarant_relation": "mother",
    "declarant_residence_0": "*",
    "wants_copies": "no",
}
ALLOWANCE = {"residence_0": "*", "category": "elderly", "receives_other": "no", "payment": "cash"}
LAND_FORM = {
    "owner_address_0": "*",
    "parcel_number": "125",
    "map_sheet": "12",
    "parcel_address_0": "*",
    "area": "180",
    "land_use": "residential",
    "origin": "Đất ông cha để lại, sử dụng ổn định từ năm 1995",
    "has_building": "no",
    "certificate": "yes",
}
CRIMINAL_RECORD = {
    "certificate": "no1",
    "request_case": "self",
    "permanent_residence_0": "*",
    "residences-0-from_month": "1",
    "residences-0-from_year": "2009",
    "residences-0-to_month": "11",
    "residences-0-to_year": "2026",
    "residences-0-place": "Thái Nguyên",
    "has_record": "no",
    "copies": "1",
    "purpose": "Bổ sung hồ sơ xin việc",
    "ban_confirmation": "no",
}


def file_online(citizen, query, agency, values, scan, *, procedure="main table a >> nth=0"):
    """A signed-in citizen finds the procedure, files at the desk whose name holds `agency`, types
    the electronic form and attaches `scan` to every slot; returns the dossier's code and page."""
    citizen.goto(f"/thu-tuc/?q={query}")
    citizen.click(procedure)
    citizen.click("main a:has-text('Nộp hồ sơ trực tuyến')")
    label = next(t for t in citizen.locator("#id_agency option").all_inner_texts() if agency in t)
    citizen.select_option("#id_agency", label=label)
    citizen.check("#id_consent")
    citizen.click("main button:has-text('Tiếp tục')")
    fill_eform(citizen, values)
    attach_and_submit(citizen, scan)
    return re.search(r"Hồ sơ (\S+)", citizen.locator("h1").inner_text())[1], citizen.url


def attach_and_submit(citizen, scan):
    for i in range(citizen.locator("main input[type=file]").count()):
        citizen.locator("main input[type=file]").nth(i).set_input_files(str(scan))
    citizen.click("main button:has-text('Lưu và xem lại')")
    citizen.click("main button:has-text('Nộp hồ sơ')")


def open_at_desk(site, new_page, username, code):
    """A desk officer signs in and opens the dossier by its code; returns the page and its address."""
    desk = new_page()
    staff_sign_in(desk, site, username)
    desk.goto(f"/can-bo/tim-kiem/?code={code}")
    desk.click(f"a:text-is('{code}')")
    return desk, desk.url
