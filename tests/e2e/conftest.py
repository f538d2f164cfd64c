"""Browser journeys against a real server process: `make e2e` (and `.ci/run`).

One session-wide demo site in a temporary VAR_DIR: SQLite, the reference data, the demo accounts,
a small synthetic year, the fake population registry, VNeID provider, national portal, payment
platform and document interconnection axis on their own ports, and `manage.py runserver`.
Headless Debian Chromium, driven by Playwright.
"""

import os
import re
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
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stdout


def _start_site(tmp_path_factory, model):
    _need_chromium()
    var = tmp_path_factory.mktemp(f"e2e-var-{model}")
    registry_port, vneid_port, portal_port, payment_port, axis_port, port = (free_port() for _ in range(6))
    env = {**os.environ, "VAR_DIR": str(var), "DJANGO_DEBUG": "1", "CITIZEN_REGISTRY_URL": f"http://127.0.0.1:{registry_port}",
           "VNEID_ISSUER": f"http://127.0.0.1:{vneid_port}", "NATIONAL_PORTAL_URL": f"http://127.0.0.1:{portal_port}",
           "PAYMENT_URL": f"http://127.0.0.1:{payment_port}", "DOCUMENT_AXIS_URL": f"http://127.0.0.1:{axis_port}",
           "PYTHONUNBUFFERED": "1", "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    site = Site(f"http://127.0.0.1:{port}", env)
    for command in (["migrate", "--noinput"], ["load_reference_data", "--model", model], ["seed_demo"],
                    ["create_demo_certificates"], ["generate_synthetic_year", "--dossiers", "3000"]):
        site.manage(*command)
    processes = [
        subprocess.Popen([sys.executable, "-m", "citizen_registry_adapter.fake_server", "--port", str(registry_port)],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "vneid_adapter.fake_server", "--port", str(vneid_port)],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "national_portal_adapter.fake_server", "--port", str(portal_port)],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "payment_adapter.fake_server", "--port", str(payment_port)],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "-m", "document_exchange_adapter.fake_server", "--port", str(axis_port)],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL),
        subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], cwd=ROOT,
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    try:
        wait_for(site.url + "/")
        yield site
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The three-level reference province (MODEL=legacy)."""
    yield from _start_site(tmp_path_factory, "legacy")


@pytest.fixture(scope="session")
def site_2025(tmp_path_factory):
    """The two-level tree with service centers (MODEL=2025)."""
    yield from _start_site(tmp_path_factory, "2025")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    _need_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
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
    """new_page() → a page on the test's site: `site_2025` if the test asks for it, else `site`."""
    site = request.getfixturevalue("site_2025" if "site_2025" in request.fixturenames else "site")
    contexts = []

    def make(width=1100, height=900):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN",
                                      accept_downloads=True, base_url=site.url)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
