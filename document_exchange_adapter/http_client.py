"""The HTTP client: one attempt per call, timeouts and a circuit breaker, as the other adapters."""

import pybreaker
import requests
from requests.adapters import HTTPAdapter

from .client import AxisRefused, AxisUnavailable, DocumentAxis, OutsideAgency
from .messages import STATUS


class HttpDocumentAxis(DocumentAxis):
    def __init__(self, base_url, *, api_key="", connect_timeout=2.0, read_timeout=10.0, breaker_failures=5,
                 breaker_cooldown=30.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        self.session.mount(self.base_url, HTTPAdapter(pool_connections=1, pool_maxsize=4, max_retries=0))
        self.session.headers["Accept"] = "application/json"
        if api_key:
            self.session.headers["X-API-Key"] = api_key
        self.breaker = pybreaker.CircuitBreaker(fail_max=breaker_failures, reset_timeout=breaker_cooldown,
                                                exclude=[AxisRefused], throw_new_error_on_trip=False,
                                                name="document-axis")

    def _call(self, method, path, **kwargs):
        try:
            return self.breaker.call(self._request, method, path, **kwargs)
        except pybreaker.CircuitBreakerError:
            raise AxisUnavailable("circuit open") from None

    def _request(self, method, path, **kwargs):
        try:
            response = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.Timeout:
            raise AxisUnavailable("timeout") from None
        except requests.ConnectionError:
            raise AxisUnavailable("connection failed") from None
        if response.status_code >= 500:
            raise AxisUnavailable(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise AxisUnavailable(f"HTTP {response.status_code}, body is not JSON") from None
        if response.status_code >= 400 or not isinstance(body, dict) or body.get("error_code") not in (0, "0"):
            detail = body.get("message") if isinstance(body, dict) else ""
            raise AxisRefused(f"HTTP {response.status_code}: {str(detail)[:300]}")
        return body

    def directory(self):
        body = self._call("GET", "/directory")
        return [OutsideAgency(str(item["MaDinhDanh"]), str(item["Ten"])) for item in body.get("agencies", [])]

    def send(self, envelope):
        return not self._call("POST", "/documents", json=envelope).get("duplicate", False)

    def statuses(self, message_ids):
        body = self._call("POST", "/statuses", json={"MaThongDiep": list(message_ids)})
        return {str(key): STATUS[code] for key, code in (body.get("statuses") or {}).items() if code in STATUS}

    def health(self):
        try:
            response = self.session.get(self.base_url + "/health", timeout=self.timeout)
        except requests.RequestException as error:
            return False, type(error).__name__
        return response.status_code == 200, f"HTTP {response.status_code}"
