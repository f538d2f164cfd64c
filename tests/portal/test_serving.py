"""Issue 17: the production command serves pages, static files, liveness, readiness and metrics."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.production import production_env

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    var = tmp_path_factory.mktemp("serve")
    port, ws_port = _free_port(), _free_port()
    env = {
        **os.environ,
        **production_env(),
        "VAR_DIR": str(var),
        "WS_BIND": f"127.0.0.1:{ws_port}",
        "DJANGO_HTTPS_ONLY": "0",
        "WEB_CONCURRENCY": "2",
        "LOG_FORMAT": "json",
        "CELERY_BROKER_URL": "",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "portal.serve", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            requests.get(base + "/healthz", timeout=2)
            break
        except requests.RequestException:
            time.sleep(0.5)
    yield base, process, ws_port
    process.terminate()
    process.wait(40)


def test_liveness_readiness_static_and_metrics(served):
    base, process, _ws_port = served
    assert requests.get(base + "/healthz", timeout=5).text == "ok"
    ready = requests.get(base + "/readyz", timeout=5)
    assert ready.status_code == 200 and ready.json()["checks"]["database"]["ok"]
    css = requests.get(base + "/static/portal/errors.js", timeout=5)
    assert css.status_code == 200  # WhiteNoise, with DEBUG off
    metrics = requests.get(base + "/metrics", timeout=5).text
    assert "django_http_requests_latency_seconds_by_view_method" in metrics
    assert "motcua_national_sync_backlog" in metrics and "motcua_notification_queue" in metrics


def test_the_meetings_websockets_and_pdf_reader_are_served(served):
    """daphne answers /ws/ beside gunicorn (an anonymous browser is turned away by the consumer, which
    proves the request reached it), and the vendored PDF.js goes out as JavaScript modules."""
    import asyncio

    import websockets

    base, _process, ws_port = served

    async def knock():
        deadline = time.monotonic() + 30
        while True:
            try:
                async with websockets.connect(
                    f"ws://127.0.0.1:{ws_port}/ws/hop/1/", additional_headers={"Origin": "http://127.0.0.1"}
                ):
                    return "accepted"
            except websockets.exceptions.InvalidStatus as refused:
                return refused.response.status_code
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)

    assert asyncio.run(knock()) == 403
    module = requests.get(base + "/static/meetings/pdfjs/pdf.min.mjs", timeout=5)
    assert module.status_code == 200 and module.headers["Content-Type"].startswith("text/javascript")


@pytest.mark.django_db
def test_metrics_are_not_public(settings, client):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.9"]
    assert client.get("/metrics").status_code == 404


@pytest.mark.django_db
def test_readiness_says_which_part_is_not_ready(client, settings):
    settings.OBJECT_STORAGE = {
        **settings.OBJECT_STORAGE,
        "ENDPOINT": "http://127.0.0.1:9",
        "ACCESS_KEY": "x",
        "SECRET_KEY": "y",
    }
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["storage"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"]


def test_the_websocket_server_freezes_its_start_up_objects():
    """The collector skips what Django and Wagtail load once: without it a full collection held the
    event loop for about 300 ms and delayed a message to the whole hall (bench/meetings.py)."""
    script = "import gc; before = gc.get_freeze_count(); import portal.asgi; print(before, gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"},
    )
    before, after = map(int, result.stdout.split())
    assert before == 0 and after > 100_000
