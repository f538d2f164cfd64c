"""What the HTTP clients of the national systems share (the national portal, the document axis): one
attempt per call, timeouts, a circuit breaker, and answers {"error_code": 0, …} in JSON. A refusal is
an answer, so it does not count against the other side's health. Like loopback.py, no Django."""

from typing import Any

import pybreaker
import requests
from requests.adapters import HTTPAdapter


class JsonApiClient:
    """Subclasses set `unavailable` and `refused` (their adapter's error classes) and `breaker_name`."""

    unavailable: type[Exception] = Exception
    refused: type[Exception] = Exception
    breaker_name = "json-api"

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str = "",
        connect_timeout: float = 2.0,
        read_timeout: float = 5.0,
        breaker_failures: int = 5,
        breaker_cooldown: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        self.session.mount(self.base_url, HTTPAdapter(pool_connections=1, pool_maxsize=4, max_retries=0))
        self.session.headers["Accept"] = "application/json"
        if api_key:
            self.session.headers["X-API-Key"] = api_key
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=breaker_failures,
            reset_timeout=breaker_cooldown,
            exclude=[self.refused],
            throw_new_error_on_trip=False,
            name=self.breaker_name,
        )

    @classmethod
    def from_settings(cls, config: dict) -> "JsonApiClient":
        """Built from an adapter's settings dict (adapter_kit.backends)."""
        return cls(
            config["URL"],
            api_key=config.get("API_KEY", ""),
            connect_timeout=config["CONNECT_TIMEOUT"],
            read_timeout=config["READ_TIMEOUT"],
            **({"breaker_cooldown": config["BREAKER_COOLDOWN"]} if "BREAKER_COOLDOWN" in config else {}),
        )

    def _call(self, method: str, path: str, **kwargs: Any) -> dict:
        try:
            return self.breaker.call(self._request, method, path, **kwargs)
        except pybreaker.CircuitBreakerError:
            raise self.unavailable("circuit open") from None

    def _request(self, method: str, path: str, **kwargs: Any) -> dict:
        try:
            response = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.Timeout:
            raise self.unavailable("timeout") from None
        except requests.ConnectionError:
            raise self.unavailable("connection failed or answer lost") from None
        if response.status_code >= 500:
            raise self.unavailable(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise self.unavailable(f"HTTP {response.status_code}, body is not JSON") from None
        if response.status_code >= 400 or not isinstance(body, dict) or body.get("error_code") not in (0, "0"):
            detail = body.get("message") if isinstance(body, dict) else ""
            raise self.refused(f"HTTP {response.status_code}: {str(detail)[:300]}")
        return body

    def health(self) -> tuple[bool, str]:
        try:
            response = self.session.get(self.base_url + "/health", timeout=self.timeout)
        except requests.RequestException as error:
            return False, type(error).__name__
        return response.status_code == 200, f"HTTP {response.status_code}"
