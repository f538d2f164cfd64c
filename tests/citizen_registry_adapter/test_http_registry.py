"""The real HTTP client against the fake registry server on 127.0.0.1."""

import socket
import time

import pytest

from citizen_registry_adapter.errors import CitizenNotFound, InvalidResponse, RegistryUnavailable

AN = "019090001234"
# A bound for "within the timeout" that a loaded CI machine still meets; the budget itself is 0.8 s.
BUDGET_WITH_SLACK = 2.0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(call):
    started = time.monotonic()
    try:
        call()
    except Exception as error:  # noqa: BLE001  (the test inspects what was raised)
        return error, time.monotonic() - started
    return None, time.monotonic() - started


def test_success_reuses_one_connection(fake_registry, make_client):
    client = make_client(fake_registry.url)
    assert client.lookup(AN, "p").full_name == "Nguyễn Văn An"
    assert client.lookup("019195004321", "p").full_name == "Trần Thị Bình"
    assert fake_registry.connections == 1


def test_not_found_is_not_retried(fake_registry, make_client):
    with pytest.raises(CitizenNotFound):
        make_client(fake_registry.url).lookup("019090001235", "p")
    assert fake_registry.lookups == 1


def test_a_passing_5xx_is_retried(fake_registry, make_client):
    fake_registry.set(fail_next=2)
    assert make_client(fake_registry.url).lookup(AN, "p").full_name == "Nguyễn Văn An"
    assert fake_registry.lookups == 3


def test_a_lasting_5xx_gives_up_after_the_retries(fake_registry, make_client):
    fake_registry.set(mode="error")
    with pytest.raises(RegistryUnavailable) as caught:
        make_client(fake_registry.url).lookup(AN, "p")
    assert caught.value.reason == "HTTP 503"
    assert fake_registry.lookups == 3


def test_a_slow_registry_is_abandoned_within_the_budget(fake_registry, make_client):
    fake_registry.set(mode="slow", delay=5)
    error, elapsed = timed(lambda: make_client(fake_registry.url).lookup(AN, "p"))
    assert isinstance(error, RegistryUnavailable) and error.reason == "timeout"
    assert elapsed < BUDGET_WITH_SLACK


def test_malformed_json_is_an_invalid_response(fake_registry, make_client):
    fake_registry.set(mode="malformed")
    with pytest.raises(InvalidResponse):
        make_client(fake_registry.url).lookup(AN, "p")


def test_a_refused_connection_is_unavailable(make_client):
    error, elapsed = timed(lambda: make_client(f"http://127.0.0.1:{free_port()}").lookup(AN, "p"))
    assert isinstance(error, RegistryUnavailable) and error.reason == "connection failed"
    assert elapsed < BUDGET_WITH_SLACK


def test_a_wrong_api_key_is_unavailable_and_not_retried(fake_registry, make_client):
    with pytest.raises(RegistryUnavailable) as caught:
        make_client(fake_registry.url, api_key="wrong").lookup(AN, "p")
    assert caught.value.reason == "HTTP 401"


def test_the_fake_can_stop_listening_and_come_back(fake_registry, make_client):
    client = make_client(fake_registry.url, breaker_failures=100)
    client.lookup(AN, "p")
    fake_registry.set(mode="refuse", refuse_for=0.5)
    time.sleep(0.1)
    with pytest.raises(RegistryUnavailable):
        client.lookup("019195004321", "p")
    time.sleep(0.6)
    assert client.lookup("019195004321", "p").full_name == "Trần Thị Bình"


def test_the_circuit_opens_fails_fast_half_opens_and_closes(fake_registry, make_client):
    client = make_client(fake_registry.url, retries=0)
    fake_registry.set(mode="error")
    for _ in range(3):
        with pytest.raises(RegistryUnavailable):
            client.lookup(AN, "p")
    assert client.breaker.current_state == "open"

    seen = fake_registry.lookups
    error, _ = timed(lambda: client.lookup(AN, "p"))
    assert isinstance(error, RegistryUnavailable) and error.reason == "circuit open"
    assert fake_registry.lookups == seen  # failed without calling

    time.sleep(0.35)  # the cool-down: the next call is a trial; it fails, so the circuit opens again
    with pytest.raises(RegistryUnavailable):
        client.lookup(AN, "p")
    assert fake_registry.lookups == seen + 1
    assert client.breaker.current_state == "open"

    fake_registry.set(mode="normal")
    time.sleep(0.35)
    assert client.lookup(AN, "p").full_name == "Nguyễn Văn An"
    assert client.breaker.current_state == "closed"


def test_unknown_citizens_do_not_open_the_circuit(fake_registry, make_client):
    client = make_client(fake_registry.url, retries=0)
    for _ in range(5):
        with pytest.raises(CitizenNotFound):
            client.lookup("019090001235", "p")
    assert client.breaker.current_state == "closed"


def test_the_cache_answers_repeats_for_a_short_while(fake_registry, make_client, lookup_log):
    client = make_client(fake_registry.url, cache_ttl=0.3)
    client.lookup(AN, "p1")
    client.lookup(AN, "p2")
    assert fake_registry.lookups == 1
    assert "cached=yes" in lookup_log[1] and "purpose=p2" in lookup_log[1]
    time.sleep(0.35)
    client.lookup(AN, "p3")
    assert fake_registry.lookups == 2


def test_the_purpose_travels_with_every_request(fake_registry, make_client):
    make_client(fake_registry.url).lookup(AN, "H19.01-261126-0001")
    assert fake_registry.last_purpose == "H19.01-261126-0001"
