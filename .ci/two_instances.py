#!/usr/bin/env python3
"""Two application servers on one PostgreSQL, Redis and object store (issue 17): what one instance
writes or counts, the other sees.

    .venv/bin/python .ci/two_instances.py

Starts SeaweedFS, a throwaway PostgreSQL database with the demo data, and two gunicorn processes,
then checks through both: a file uploaded through A downloads through B with the same session; the
tracking limit counts requests to A and B together; a lockout earned at A holds at B; a catalog
change made by a third process drops the cached public page on both. Exits non-zero on a failure.
Needs PostgreSQL and Redis on 127.0.0.1 (`.ci/run` starts them).
"""

import hashlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
PASSWORD = "MotCua@2026"
DATABASE = "motcua_two_instances"

from tests.storage import seaweed  # noqa: E402
from tests.uploads import pdf_bytes  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


class Check:
    def __init__(self):
        self.failures = []

    def __call__(self, label, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {label}{(': ' + detail) if detail and not ok else ''}", flush=True)
        if not ok:
            self.failures.append(label)


def sign_in(session, base, username, password):
    page = session.get(f"{base}/tai-khoan/dang-nhap/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return session.post(
        f"{base}/tai-khoan/dang-nhap/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": f"{base}/tai-khoan/dang-nhap/"},
        allow_redirects=False,
        timeout=10,
    )


def main():
    var = Path(tempfile.mkdtemp(prefix="two-instances-"))
    weed, endpoint, _client = seaweed.launch(var, "mot-cua-two")
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DATABASE}"],
        check=True,
        capture_output=True,
    )
    env = {
        **os.environ,
        "VAR_DIR": str(var),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": "redis://127.0.0.1:6379/7",
        "OBJECT_STORAGE_ENDPOINT": endpoint,
        "OBJECT_STORAGE_BUCKET": "mot-cua-two",
        "OBJECT_STORAGE_ACCESS_KEY": seaweed.ACCESS_KEY,
        "OBJECT_STORAGE_SECRET_KEY": seaweed.SECRET,
        "OBJECT_STORAGE_REGION": "us-east-1",
        "CITIZEN_REGISTRY_BACKEND": "memory",
        "TRACKING_RATE_LIMIT": "4",
        "AXES_FAILURE_LIMIT": "3",
        "SMS_BACKEND": "memory",
        "NATIONAL_PORTAL_ENABLED": "0",
        "ANONYMOUS_PAGE_CACHE_SECONDS": "600",
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run(["redis-cli", "-n", "7", "flushdb"], check=True, capture_output=True)

    def manage(*args, **kwargs):
        return subprocess.run(
            [BIN / "python", "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            **kwargs,
        )

    started = time.monotonic()
    manage("migrate", "--noinput")
    manage("load_reference_data", "--model", "legacy")
    manage("seed_demo")
    ports = free_port(), free_port()
    servers = [
        subprocess.Popen(
            [BIN / "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(var / f"gunicorn-{port}.log", "w"),
        )
        for port in ports
    ]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    check = Check()
    try:
        for base in (a, b):
            wait_for(base + "/healthz")
        print(f"set-up {time.monotonic() - started:.0f} s: A={a} B={b}, PostgreSQL, Redis, SeaweedFS at {endpoint}")

        # 1. A file uploaded through A comes back through B, with the session made at A.
        citizen = requests.Session()
        check("citizen signs in at A", sign_in(citizen, a, "019090001234", PASSWORD).status_code == 302)
        csrf = {"X-CSRFToken": citizen.cookies["csrftoken"], "Referer": a + "/"}
        catalog = requests.get(f"{a}/api/v1/procedures/", params={"q": "chung thuc chu ky"}, timeout=10).json()
        procedure = catalog["results"][0]["id"]
        detail = requests.get(f"{a}/api/v1/procedures/{procedure}/", timeout=10).json()
        agencies = manage(
            "shell",
            "--no-imports",
            "-c",
            "from procedures.models import Procedure; from procedures.selectors import "
            f"receiving_agencies; print(receiving_agencies(Procedure.objects.get(pk={procedure})).first().pk)",
        )
        draft = citizen.post(
            f"{a}/api/v1/me/dossiers/",
            json={"procedure": procedure, "agency": int(agencies.stdout.strip())},
            headers=csrf,
            timeout=10,
        )
        check("draft started at A", draft.status_code == 201, draft.text[:300])
        pk = draft.json()["id"]
        content = pdf_bytes(padding=4096)
        upload = citizen.post(
            f"{a}/api/v1/me/dossiers/{pk}/files/",
            headers={**csrf, "Referer": a + "/"},
            data={"required_document": detail["required_documents"][0]["id"]},
            files={"file": ("giay-to.pdf", content, "application/pdf")},
            timeout=10,
        )
        check("file uploaded through A", upload.status_code == 201, upload.text[:300])
        file_id = upload.json()["files"][0]["id"] if upload.status_code == 201 else 0
        download = citizen.get(f"{b}/api/v1/me/dossiers/{pk}/files/{file_id}/", timeout=10)
        check(
            "the same file downloaded through B",
            download.status_code == 200
            and hashlib.sha256(download.content).digest() == hashlib.sha256(content).digest(),
            f"HTTP {download.status_code}",
        )
        check("the file is not on A's disk", not list((var / "private").rglob("*.pdf")))

        # 2. The tracking limit counts both instances together.
        statuses = [
            requests.post(f"{base}/api/v1/tracking/", json={"code": "X", "secret": "0000"}, timeout=10).status_code
            for base in (a, b, a, b, a)
        ]
        check("tracking limit shared (4 per address)", statuses == [404, 404, 404, 404, 429], str(statuses))

        # 3. A lockout earned at A holds at B.
        for _ in range(3):
            sign_in(requests.Session(), a, "xa.motcua", "wrong-password")
        locked = sign_in(requests.Session(), b, "xa.motcua", PASSWORD)
        check("lockout earned at A holds at B", locked.status_code in (403, 429), f"HTTP {locked.status_code}")

        # 4. The cached public page is dropped on both when a third process changes the catalog.
        url = manage(
            "shell",
            "--no-imports",
            "-c",
            "from portal.catalog.models import ProcedurePage; "
            f"print(ProcedurePage.objects.get(procedure_id={procedure}).url)",
        ).stdout.strip()
        before = [requests.get(base + url, timeout=10).text for base in (a, b)]
        manage(
            "shell",
            "--no-imports",
            "-c",
            f"from procedures.models import Procedure; p = Procedure.objects.get(pk={procedure}); "
            "p.name = p.name + ' (đã sửa)'; p.save()",
        )
        after = [requests.get(base + url, timeout=10).text for base in (a, b)]
        check("catalog page cached on both before the change", all("(đã sửa)" not in page for page in before))
        check("the change shows on both (cache dropped through Redis)", all("(đã sửa)" in page for page in after))
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
        seaweed.stop(weed)
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"],
            capture_output=True,
        )
    if check.failures:
        raise SystemExit(f"{len(check.failures)} check(s) failed; logs in {var}")
    print(f"all checks passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
