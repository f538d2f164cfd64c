"""Issue 33, 3: behind a proxy that appends to X-Forwarded-For, the client's own entries never choose
its address — not to reach /metrics, not to start every rate limit afresh."""

import pytest
from django.test import RequestFactory

from government.ratelimit import client_ip
from tests.factories import local
from tests.portal.citizens.test_tracking import submitted, track

pytestmark = pytest.mark.django_db


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def test_the_address_is_the_one_the_trusted_proxies_appended(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.2"]
    assert address("127.0.0.1", "127.0.0.1, 203.0.113.9") == "203.0.113.9"  # the client wrote "127.0.0.1"
    assert address("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2") == "198.51.100.7"  # two proxies in a row
    assert address("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    assert address("127.0.0.1") == "127.0.0.1"  # the host itself, no proxy
    assert address("203.0.113.50", "127.0.0.1") == "203.0.113.50"  # not through a trusted proxy: header ignored


def test_a_forged_first_entry_does_not_open_the_metrics(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.9").status_code == 404
    assert client.get("/metrics").status_code == 200  # the scraper on the host itself


def test_an_untrusted_same_host_proxy_makes_nobody_the_scraper(client, settings):
    """TRUSTED_PROXIES unset behind nginx on the same host: every request arrives from 127.0.0.1."""
    settings.TRUSTED_PROXIES = []
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    assert client.get("/metrics", HTTP_X_REAL_IP="203.0.113.9").status_code == 404
    relayed = client.get("/readyz", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert relayed.json() == {"ready": True}  # which part is up or down is not told
    assert "checks" in client.get("/readyz").json()


def test_readiness_details_only_for_the_scraper(client, settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.9"]
    assert client.get("/readyz").json() == {"ready": True}
    assert "checks" in client.get("/readyz", REMOTE_ADDR="10.0.0.9").json()


def test_changing_the_forged_entry_does_not_reset_a_rate_limit(client, world, registry, settings, time_machine):
    time_machine.move_to(local(2026, 12, 7, 10, 20))  # the start of a ten-minute window: no window ends mid-test
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.TRACKING_RATE_LIMIT = (2, 600)
    dossier = submitted(world)
    answers = [
        track(client, dossier.code, "1234", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.9").status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
    assert track(client, dossier.code, "1234", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1").status_code == 200
