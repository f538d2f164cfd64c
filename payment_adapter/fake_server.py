"""A stand-in for the national payment platform on loopback, for the demo and the tests.

    python -m payment_adapter.fake_server --port 8772

POST /init (a signed INIT) registers a payment and answers {"MaLoi": "00", "UrlThanhToan": ...};
GET /pay/<reference> is the page where a tester chooses what happens: success, failure, cancel,
and whether the result is posted to the portal late (a delayed callback) or forged (a wrong
integrity code and amount). The browser then goes back to the portal's return address.
POST /query (a signed QUERY) answers the payment's signed result, or {"TrangThai": "pending"}.
POST /control {"mode": "normal" | "error"} makes every answer 503 or not.
"""

import argparse
import datetime as dt
import html
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted

from . import integrity

PARTNER, SECRET = "MOTCUA-TN", "fake-payment-secret"
OUTCOMES = {"success": "00", "failure": "51", "cancel": "24"}  # "00" paid; the others as the platform's codes


class FakePaymentPlatform(LoopbackServer):
    handler_attribute = "platform"
    thread_name = "fake-payment"

    def __init__(self, host="127.0.0.1", port=0, *, partner=PARTNER, secret=SECRET, callback_delay=3.0):
        super().__init__(host, port)
        self.partner, self.secret, self.callback_delay = partner, secret, callback_delay
        self.mode = "normal"
        self.payments = {}  # reference → dict
        self.callbacks = []  # (reference, status code of the portal's answer), for tests
        self._lock = threading.Lock()

    def register(self, message):
        if message.get("MaDoiTac") != self.partner or not integrity.valid(message, integrity.INIT_FIELDS, self.secret):
            return {"MaLoi": "97", "MoTa": "sai mã kiểm tra"}
        reference = str(message["MaThamChieu"])
        with self._lock:
            if reference in self.payments:
                return {"MaLoi": "94", "MoTa": "mã tham chiếu đã dùng"}
            self.payments[reference] = {"message": message, "result": None}
        return {"MaLoi": "00", "UrlThanhToan": f"{self.url}/pay/{reference}"}

    def decide(self, reference, outcome, *, delayed=False, forged=False):
        """The tester's choice on the payment page; the callback goes out (now or later)."""
        payment = self.payments[reference]
        request = payment["message"]
        result = {
            "MaDoiTac": self.partner,
            "MaThamChieu": reference,
            "MaGiaoDich": secrets.token_hex(6).upper(),
            "SoTien": request["SoTien"],
            "MaLoi": OUTCOMES[outcome],
            "ThoiGianGD": dt.datetime.now().strftime("%Y%m%d%H%M%S"),
            "SoBienLai": f"BL{secrets.randbelow(10**8):08d}" if outcome == "success" else "",
        }
        signed = integrity.signed(result, integrity.RESULT_FIELDS, self.secret)
        if forged:  # what a forger posts: a different amount and a code they cannot compute
            signed = {**signed, "SoTien": 1, "MaKiemTra": "0" * 64}
        else:
            payment["result"] = signed
        delay = self.callback_delay if delayed else 0
        threading.Thread(target=self._notify, args=(request["UrlThongBao"], signed, delay), daemon=True).start()
        back = request["UrlTraVe"]
        return back + ("&" if "?" in back else "?") + urlencode({"MaThamChieu": reference})

    def _notify(self, url, message, delay):
        time.sleep(delay)
        try:
            status = requests.post(url, json=message, timeout=10).status_code
        except requests.RequestException as error:
            status = type(error).__name__
        self.callbacks.append((message["MaThamChieu"], status))

    def query(self, message):
        if not integrity.valid(message, integrity.QUERY_FIELDS, self.secret):
            return {"MaLoi": "97", "MoTa": "sai mã kiểm tra"}
        payment = self.payments.get(str(message.get("MaThamChieu")))
        if payment is None:
            return {"MaLoi": "01", "MoTa": "không có giao dịch"}
        return payment["result"] or {"TrangThai": "pending", "MaThamChieu": message["MaThamChieu"]}


PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thanh toán (giả lập)</title>
<style>body{{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}}button{{margin:.3rem}}
.note{{background:#fff4d6;padding:.6rem}}</style></head><body>
<h1>Thanh toán phí, lệ phí (giả lập)</h1><p class="note">Cổng thanh toán giả lập để phát triển và kiểm thử.</p>
<p>{description}</p><p>Số tiền: <strong>{amount} đồng</strong></p>
<form method="post"><p><label><input type="checkbox" name="delayed" value="1"> Gửi kết quả cho Cổng dịch vụ công chậm
{delay:g} giây</label><br><label><input type="checkbox" name="forged" value="1"> Gửi kết quả giả mạo</label></p>
<button name="outcome" value="success">Thanh toán thành công</button>
<button name="outcome" value="failure">Thanh toán thất bại</button>
<button name="outcome" value="cancel">Hủy giao dịch</button></form></body></html>"""


class _Handler(QuietHandler):
    platform: FakePaymentPlatform

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/health":
            return self._json(200, {"status": "ok"})
        if self.platform.mode == "error":
            return self._json(503, {"MaLoi": "99"})
        payment = self.platform.payments.get(url.path.removeprefix("/pay/")) if url.path.startswith("/pay/") else None
        if payment is None:
            return self._html(404, "<p>Không có giao dịch.</p>")
        message = payment["message"]
        amount = f"{int(message['SoTien']):,}".replace(",", ".")
        return self._html(
            200,
            PAGE.format(
                description=html.escape(str(message.get("ThongTinGiaoDich", ""))),
                amount=amount,
                delay=self.platform.callback_delay,
            ),
        )

    def do_POST(self):
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if url.path == "/control":
            try:
                self.platform.mode = json.loads(body or b"{}").get("mode", "normal")
            except (ValueError, AttributeError):
                return self._json(400, {"MaLoi": "96"})
            return self._json(200, {"mode": self.platform.mode})
        if self.platform.mode == "error":
            return self._json(503, {"MaLoi": "99"})
        if url.path.startswith("/pay/"):
            reference = url.path.removeprefix("/pay/")
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
            if reference not in self.platform.payments or form.get("outcome") not in OUTCOMES:
                return self._html(400, "<p>Yêu cầu không hợp lệ.</p>")
            back = self.platform.decide(
                reference, form["outcome"], delayed=bool(form.get("delayed")), forged=bool(form.get("forged"))
            )
            return self._redirect(back, status=303)
        try:
            message = json.loads(body)
            assert isinstance(message, dict)
        except (ValueError, AssertionError):
            return self._json(400, {"MaLoi": "96", "MoTa": "không phải JSON"})
        if url.path == "/init":
            return self._json(200, self.platform.register(message))
        if url.path == "/query":
            return self._json(200, self.platform.query(message))
        return self._json(404, {"MaLoi": "404"})


FakePaymentPlatform.handler = _Handler  # defined after the class, which it refers to


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake national payment platform on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8772)
    parser.add_argument("--callback-delay", type=float, default=3.0)
    args = parser.parse_args(argv)
    platform = FakePaymentPlatform(args.host, args.port, callback_delay=args.callback_delay).start()
    serve_until_interrupted(platform, f"Fake payment platform on {platform.url} (partner {platform.partner})")


if __name__ == "__main__":
    main()
