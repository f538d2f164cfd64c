"""What a person does on the pages, as small steps the journeys share."""

import base64
import hashlib
import hmac
import struct
import time

from .conftest import PASSWORD


def totp(secret, at=None):
    counter = struct.pack(">Q", int(at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


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
    assert message.startswith("Đã "), (label, page.locator(".notice.error").all_inner_texts())
    return message
