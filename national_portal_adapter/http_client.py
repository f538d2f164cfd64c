"""The HTTP client: one attempt per call, with timeouts and a circuit breaker (pybreaker, as the
registry adapter uses), so that a portal that is down costs the delivery task almost nothing."""

import pybreaker
import requests
from requests.adapters import HTTPAdapter

from .client import NationalPortal, PortalRefused, PortalUnavailable, Receipt

TIME_FORMAT = "%Y%m%d%H%M%S"


class HttpNationalPortal(NationalPortal):
    def __init__(self, base_url, *, api_key="", connect_timeout=2.0, read_timeout=5.0, breaker_failures=5,
                 breaker_cooldown=30.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        self.session.mount(self.base_url, HTTPAdapter(pool_connections=1, pool_maxsize=4, max_retries=0))
        self.session.headers["Accept"] = "application/json"
        if api_key:
            self.session.headers["X-API-Key"] = api_key
        # A refusal is an answer: it does not count against the portal's health.
        self.breaker = pybreaker.CircuitBreaker(fail_max=breaker_failures, reset_timeout=breaker_cooldown,
                                                exclude=[PortalRefused], throw_new_error_on_trip=False,
                                                name="national-portal")

    def _call(self, method, path, **kwargs):
        try:
            return self.breaker.call(self._request, method, path, **kwargs)
        except pybreaker.CircuitBreakerError:
            raise PortalUnavailable("circuit open") from None

    def _request(self, method, path, **kwargs):
        try:
            response = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.Timeout:
            raise PortalUnavailable("timeout") from None
        except requests.ConnectionError:
            raise PortalUnavailable("connection failed or answer lost") from None
        if response.status_code >= 500:
            raise PortalUnavailable(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise PortalUnavailable(f"HTTP {response.status_code}, body is not JSON") from None
        if response.status_code >= 400 or not isinstance(body, dict) or body.get("error_code") not in (0, "0"):
            detail = body.get("message") if isinstance(body, dict) else ""
            raise PortalRefused(f"HTTP {response.status_code}: {str(detail)[:300]}")
        return body

    def send(self, message):
        path = "/add" if message.get("TrangThaiHoSo") == 1 else "/update"
        body = self._call("POST", path, json=message)
        return Receipt(message["MaThongDiep"], bool(body.get("duplicate")))

    def held(self, since, until):
        body = self._call("GET", "/dossiers", params={"tu": since.strftime(TIME_FORMAT),
                                                      "den": until.strftime(TIME_FORMAT)})
        dossiers = body.get("dossiers")
        if not isinstance(dossiers, dict):
            raise PortalRefused("reconciliation answer without 'dossiers'")
        return {str(code): [int(s) for s in statuses] for code, statuses in dossiers.items()}

    def health(self):
        try:
            response = self.session.get(self.base_url + "/health", timeout=self.timeout)
        except requests.RequestException as error:
            return False, type(error).__name__
        return response.status_code == 200, f"HTTP {response.status_code}"
