"""The HTTP client of the payment platform: every message signed, every answer checked."""

import datetime as dt

import pybreaker
import requests

from . import integrity
from .client import GatewayError, PaymentGateway, PaymentResult


def result_from(message, secret):
    """A PaymentResult from a signed message (callback or query answer); GatewayError if forged."""
    if not isinstance(message, dict) or not integrity.valid(message, integrity.RESULT_FIELDS, secret):
        raise GatewayError("integrity code does not match")
    try:
        return PaymentResult(
            str(message["MaThamChieu"]),
            str(message.get("MaGiaoDich", "")),
            int(message["SoTien"]),
            str(message["MaLoi"]),
            str(message.get("SoBienLai", "")),
            str(message.get("ThoiGianGD", "")),
        )
    except (KeyError, TypeError, ValueError):
        raise GatewayError("result message lacks fields") from None


class HttpPaymentGateway(PaymentGateway):
    @classmethod
    def from_settings(cls, config):
        return cls(
            config["URL"],
            partner=config["PARTNER_CODE"],
            secret=config["SECRET"],
            connect_timeout=config["CONNECT_TIMEOUT"],
            read_timeout=config["READ_TIMEOUT"],
        )

    def __init__(self, base_url, *, partner, secret, connect_timeout=2.0, read_timeout=5.0):
        self.base_url, self.partner, self.secret = base_url.rstrip("/"), partner, secret
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=5, reset_timeout=30, throw_new_error_on_trip=False, name="payment-platform"
        )

    def _post(self, path, message):
        try:
            return self.breaker.call(self._request, path, message)
        except pybreaker.CircuitBreakerError:
            raise GatewayError("circuit open") from None

    def _request(self, path, message):
        try:
            response = self.session.post(self.base_url + path, json=message, timeout=self.timeout)
            body = response.json()
        except requests.RequestException as error:
            raise GatewayError(type(error).__name__) from None
        except ValueError:
            raise GatewayError(f"HTTP {response.status_code}, body is not JSON") from None
        if response.status_code != 200 or not isinstance(body, dict):
            raise GatewayError(f"HTTP {response.status_code}")
        return body

    def create(self, request):
        message = integrity.signed(
            {
                "LoaiBanTin": "INIT",
                "MaDoiTac": self.partner,
                "MaThamChieu": request.reference,
                "SoTien": request.amount,
                "MaTienTe": "VND",
                "ThongTinGiaoDich": request.description[:200],
                "ThoiGianGD": dt.datetime.now().strftime("%Y%m%d%H%M%S"),
                "ThongTinBienLai": {
                    "MaTTHC": request.procedure_code,
                    "MaDonVi": request.agency_code,
                    "MaHoSo": request.dossier_code,
                },
                "UrlTraVe": request.return_url,
                "UrlThongBao": request.notify_url,
            },
            integrity.INIT_FIELDS,
            self.secret,
        )
        body = self._post("/init", message)
        if body.get("MaLoi") != "00" or not body.get("UrlThanhToan"):
            raise GatewayError(f"refused: {str(body.get('MoTa', body.get('MaLoi')))[:200]}")
        return str(body["UrlThanhToan"])

    def query(self, reference):
        body = self._post(
            "/query",
            integrity.signed(
                {"LoaiBanTin": "QUERY", "MaDoiTac": self.partner, "MaThamChieu": reference},
                integrity.QUERY_FIELDS,
                self.secret,
            ),
        )
        if body.get("TrangThai") == "pending":
            return None
        return result_from(body, self.secret)

    def health(self):
        try:
            response = self.session.get(self.base_url + "/health", timeout=self.timeout)
        except requests.RequestException as error:
            return False, type(error).__name__
        return response.status_code == 200, f"HTTP {response.status_code}"
