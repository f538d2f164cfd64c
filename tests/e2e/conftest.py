"""Browser journeys against a real server process: `make e2e` (and `.ci/run`).

One session-wide demo site in a temporary VAR_DIR, started by `make run` on free ports: SQLite, the
reference data, the demo accounts, documents and meeting, a small synthetic year, the fake
population registry, VNeID provider, national portal, payment platform and document
interconnection axis on their own ports, and the development server.
Headless Debian Chromium, driven by Playwright.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
RESULTS = ROOT / "test-results" / "e2e"
PASSWORD = "MotCua@2026"


def _need_chromium():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt install chromium chromium-driver)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


class Site:
    def __init__(self, url, env):
        self.url, self.env, self.totp_secrets = url, env, {}

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout


# What `make run` derives from its ports; the site's own `manage` commands get the same.
URL_SETTINGS = {
    "CITIZEN_REGISTRY_URL": "REGISTRY_PORT",
    "VNEID_ISSUER": "VNEID_PORT",
    "NATIONAL_PORTAL_URL": "NATIONAL_PORTAL_PORT",
    "PAYMENT_URL": "PAYMENT_PORT",
    "DOCUMENT_AXIS_URL": "DOCUMENT_AXIS_PORT",
}


def _start_site(tmp_path_factory, model):
    """`make run` as a newcomer types it, on ports of its own (issue 35): it must start the fake
    systems there and point the portal at them, or VNeID, the registry and payments fail."""
    _need_chromium()
    var = tmp_path_factory.mktemp(f"e2e-var-{model}")
    ports = {name: free_port() for name in ("PORT", *URL_SETTINGS.values())}
    env = {
        **os.environ,
        "VAR_DIR": str(var),
        "DJANGO_DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PORTAL_BASE_URL", *URL_SETTINGS):
        env.pop(name, None)
    log = var / "make-run.log"
    command = [
        "make",
        "run",
        f"MODEL={model}",
        "DEMO_DOSSIERS=3000",
        *(f"{name}={port}" for name, port in ports.items()),
    ]
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    site = Site(
        f"http://127.0.0.1:{ports['PORT']}",
        {**env, **{url: f"http://127.0.0.1:{ports[port]}" for url, port in URL_SETTINGS.items()}},
    )
    site.log = log
    try:
        deadline = time.monotonic() + 1200  # migrate, reference data, demo seeds, 3,000 dossiers, then serve
        while True:
            try:
                wait_for(site.url + "/", seconds=5)
                break
            except RuntimeError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("make run did not serve:\n" + log.read_text()[-3000:]) from None
        yield site
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The three-level reference province (MODEL=legacy)."""
    yield from _start_site(tmp_path_factory, "legacy")


@pytest.fixture(scope="session")
def site_2025(tmp_path_factory):
    """The two-level tree with service centers (MODEL=2025)."""
    yield from _start_site(tmp_path_factory, "2025")


@pytest.fixture(scope="session")
def site_reorganised(tmp_path_factory):
    """The legacy demo taken to two levels by the plan of 1 July 2025 (MODEL=reorganised, issue 38)."""
    yield from _start_site(tmp_path_factory, "reorganised")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    _need_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
        )
        yield browser
        browser.close()


class Shots:
    """Numbered screenshots in test-results/e2e/<test>/."""

    def __init__(self, name):
        self.folder = RESULTS / re.sub(r"[^\w.-]+", "_", name)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def __call__(self, page, label):
        self.count += 1
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{label}.png"), full_page=True)


@pytest.fixture
def shots(request):
    return Shots(request.node.name)


@pytest.fixture
def new_page(browser, request):
    """new_page() → a page on the test's site: `site_2025` or `site_reorganised` if the test asks for it,
    else `site`."""
    name = next((n for n in ("site_2025", "site_reorganised") if n in request.fixturenames), "site")
    site = request.getfixturevalue(name)
    contexts = []

    def make(width=1100, height=900):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="vi-VN", accept_downloads=True, base_url=site.url
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
