"""The registry over HTTPS: one pooled session, a time budget, retries, a circuit breaker, a cache.

Every call is bounded by `total_timeout`, retries and back-off included, so that a counter officer
never waits longer than that for a registry that is down or slow. The retry loop is ours rather
than urllib3's `Retry` because `Retry` cannot stop at a deadline shared by all attempts.
"""

import threading
import time

import pybreaker
import requests
from cachetools import TTLCache
from requests.adapters import HTTPAdapter

from .client import RegistryClient
from .errors import CitizenNotFound, InvalidResponse, RegistryUnavailable
from .records import CitizenRecord

RETRYABLE_STATUS = {429, 500, 502, 503, 504}


class HttpRegistry(RegistryClient):
    @classmethod
    def from_settings(cls, config):
        cert = (config["CLIENT_CERT"], config["CLIENT_KEY"]) if config["CLIENT_KEY"] else config["CLIENT_CERT"] or None
        return cls(
            config["URL"],
            api_key=config["API_KEY"],
            client_cert=cert,
            ca_bundle=config["CA_BUNDLE"] or None,
            connect_timeout=config["CONNECT_TIMEOUT"],
            read_timeout=config["READ_TIMEOUT"],
            total_timeout=config["TOTAL_TIMEOUT"],
            retries=config["RETRIES"],
            backoff=config["BACKOFF"],
            breaker_failures=config["BREAKER_FAILURES"],
            breaker_cooldown=config["BREAKER_COOLDOWN"],
            cache_ttl=config["CACHE_TTL"],
        )

    def __init__(
        self,
        base_url,
        *,
        api_key="",
        client_cert=None,
        ca_bundle=None,
        connect_timeout=1.0,
        read_timeout=2.0,
        total_timeout=4.0,
        retries=2,
        backoff=0.2,
        breaker_failures=5,
        breaker_cooldown=30.0,
        cache_ttl=60.0,
        cache_size=1024,
        pool_size=10,
    ):
        self.base_url = base_url.rstrip("/")
        self.connect_timeout, self.read_timeout, self.total_timeout = connect_timeout, read_timeout, total_timeout
        self.retries, self.backoff = retries, backoff

        self.session = requests.Session()
        self.session.mount(self.base_url, HTTPAdapter(pool_connections=1, pool_maxsize=pool_size, max_retries=0))
        self.session.headers["Accept"] = "application/json"
        if api_key:
            self.session.headers["X-API-Key"] = api_key
        if client_cert:
            self.session.cert = client_cert
        if ca_bundle:
            self.session.verify = ca_bundle

        # An unknown citizen is an answer, not a failure of the registry.
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=breaker_failures,
            reset_timeout=breaker_cooldown,
            exclude=[CitizenNotFound],
            throw_new_error_on_trip=False,
            name="population-registry",
        )
        self._cache = TTLCache(maxsize=cache_size, ttl=cache_ttl) if cache_ttl > 0 else None
        self._cache_lock = threading.Lock()

    def health(self):
        try:
            response = self.session.get(
                self.base_url + "/health", timeout=(self.connect_timeout, self.read_timeout), allow_redirects=False
            )
        except requests.RequestException as error:
            return False, type(error).__name__
        return response.status_code == 200, f"HTTP {response.status_code}"

    def _fetch(self, number, purpose):
        if self._cache is not None:
            with self._cache_lock:
                record = self._cache.get(number)
            if record is not None:
                return record, True
        try:
            record = self.breaker.call(self._get_with_retries, number, purpose)
        except pybreaker.CircuitBreakerError:
            raise RegistryUnavailable(reason="circuit open") from None
        if self._cache is not None:
            with self._cache_lock:
                self._cache[number] = record
        return record, False

    def _get_with_retries(self, number, purpose):
        deadline = time.monotonic() + self.total_timeout
        url = f"{self.base_url}/citizens/{number}"
        for attempt in range(self.retries + 1):
            remaining = max(deadline - time.monotonic(), 0.001)
            try:
                response = self.session.get(
                    url,
                    headers={"X-Purpose": purpose},
                    timeout=(min(self.connect_timeout, remaining), min(self.read_timeout, remaining)),
                )
            except requests.Timeout:
                error = RegistryUnavailable(reason="timeout")
            except requests.ConnectionError:
                error = RegistryUnavailable(reason="connection failed")
            else:
                if response.status_code == 200:
                    return _record(response)
                if response.status_code == 404:
                    raise CitizenNotFound()
                error = RegistryUnavailable(reason=f"HTTP {response.status_code}")
                if response.status_code not in RETRYABLE_STATUS:
                    raise error  # a refused key or a bad request will not mend itself
            pause = self.backoff * 2**attempt
            if attempt == self.retries or time.monotonic() + pause >= deadline:
                raise error
            time.sleep(pause)
        raise AssertionError("unreachable")

    def close(self):
        self.session.close()


def _record(response):
    try:
        payload = response.json()
    except ValueError:
        raise InvalidResponse(reason="body is not JSON") from None
    return CitizenRecord.from_payload(payload)
