"""Load and concurrency on gunicorn (2 workers) over PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/load.py

The database is prepared here (migrations, reference data, demo accounts, drafts to submit); use a
database of its own. Prints, for 20 concurrent clients over keep-alive connections, requests per
second and p95 for a trivial view, a procedure page, public tracking and dossier submission, with
each ratio to the trivial view; then 200 simultaneous submissions, and two officers firing
conflicting transitions at one dossier 100 times. Targets (issue 8): procedure page ≥ 0.5 of the
trivial view; p95 < 100 ms at 20 clients.
"""

import argparse
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from timing import free_port  # noqa: E402
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS_ONLY", "0")  # gunicorn on loopback speaks plain HTTP
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + secrets.token_hex(16))
os.environ.setdefault("CITIZEN_REGISTRY_BACKEND", "memory")
os.environ["TRACKING_RATE_LIMIT"] = "100000000"  # the bench measures the page, not the limiter
os.environ.setdefault("SMS_BACKEND", "procedures.sms.MemorySmsGateway")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("LOG_LEVEL", "ERROR")
# The production shape: notifications and registry checks queued on Redis (no worker needed to measure
# the request), the page cache and rate limits shared by the workers through Redis.
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from portal.catalog.models import ProcedurePage  # noqa: E402
from procedures.models import Agency, Dossier, DossierEvent, Procedure, Role, StaffRole  # noqa: E402
from procedures.services import filing  # noqa: E402

CLIENTS, SECONDS = 20, 8


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()


# --- the server --------------------------------------------------------------------------------------


def start_gunicorn(port):
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--keep-alive", "30", "--log-level", "warning"], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


# --- sessions and data -------------------------------------------------------------------------------


def session_for(user, verified=False):
    session = SessionStore()
    session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "portal.accounts.backends.PersonalIdBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if verified:
        device = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})[0]
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def citizens_with_drafts(count, procedure, agency, tag):
    User = get_user_model()
    drafts = []
    for n in range(count):
        citizen, _ = User.objects.get_or_create(
            username=f"bench-{tag}-{n}", defaults={"personal_id": f"0191{tag}{n:06d}", "first_name": "Bench",
                                                   "last_name": "Công dân", "phone": "0912000000"})
        draft, _ = filing.start_online(citizen, procedure, agency, consent=False)
        filing.update_draft(draft, citizen, applicant_phone="0912000000")
        for required in procedure.required_documents.all():
            filing.attach_document(draft, citizen, required, SimpleUploadedFile("scan.png", PNG))
        drafts.append((draft.pk, session_for(citizen)))
    return drafts


# --- load ---------------------------------------------------------------------------------------------


class Client:
    def __init__(self, port, session=None):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.csrf = secrets.token_hex(16)
        self.cookie = f"csrftoken={self.csrf}" + (f"; sessionid={session}" if session else "")

    def request(self, method, path, body=None):
        headers = {"Cookie": self.cookie, "X-CSRFToken": self.csrf, "Host": "127.0.0.1"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        return response.status, content


def load(port, make_request, seconds=SECONDS, clients=CLIENTS):
    """`clients` threads for `seconds`; each calls make_request(client, n) → (method, path, body, ok_statuses)."""
    latencies, errors, stop = [], [], time.monotonic() + seconds
    lock = threading.Lock()

    def worker(index):
        client, n, mine = Client(port), 0, []
        while time.monotonic() < stop:
            method, path, body, ok = make_request(client, index * 1_000_000 + n)
            if method is None:
                break
            started = time.perf_counter()
            status, _ = client.request(method, path, body)
            mine.append(time.perf_counter() - started)
            if status not in ok:
                with lock:
                    errors.append(status)
            n += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p95": latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0,
            "requests": len(latencies), "errors": len(errors)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=SECONDS)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own.")
    quiet = open(os.devnull, "w")
    call_command("migrate", verbosity=0)
    if not Procedure.objects.exists():
        call_command("load_reference_data", stdout=quiet)
    call_command("seed_demo", stdout=quiet)
    procedure = Procedure.objects.get(name="Đăng ký khai sinh")
    page = ProcedurePage.objects.get(procedure=procedure)
    agency = Agency.objects.get(name="Ủy ban nhân dân thị trấn Hương Sơn")
    run = secrets.token_hex(2)
    print("preparing drafts…", flush=True)
    drafts = citizens_with_drafts(1500, procedure, agency, f"{int(run, 16) % 100:02d}")
    tracked = Dossier.objects.get(pk=drafts.pop()[0])
    filing.submit_online(tracked, tracked.applicant)
    secret = tracked.applicant_personal_id[-4:]

    port = free_port()
    server = start_gunicorn(port)
    try:
        results = {}
        results["trivial view (/healthz)"] = load(port, lambda c, n: ("GET", "/healthz", None, {200}), args.seconds)
        results["procedure page"] = load(port, lambda c, n: ("GET", page.url, None, {200}), args.seconds)
        body = f"code={tracked.code}&secret={secret}"
        results["public tracking (POST)"] = load(port, lambda c, n: ("POST", "/tra-cuu-ho-so/", body, {200}), args.seconds)
        queue = list(drafts)
        queue_lock = threading.Lock()

        def submit(client, n):
            with queue_lock:
                if not queue:
                    return None, None, None, None
                pk, session = queue.pop()
            client.cookie = f"csrftoken={client.csrf}; sessionid={session}"
            return "POST", f"/ho-so/{pk}/xem-lai/", "", {302}

        results["dossier submission (POST)"] = load(port, submit, args.seconds)
        baseline = results["trivial view (/healthz)"]["rps"]
        print(f"\n{CLIENTS} concurrent clients, keep-alive, {args.seconds} s each, gunicorn 2 workers, PostgreSQL, Redis")
        for name, r in results.items():
            print(f"  {name:<28} {r['rps']:7.1f} req/s  p95 {r['p95']:6.1f} ms  ratio {r['rps'] / baseline:4.2f}  "
                  f"({r['requests']} requests, {r['errors']} errors)")
        print("  targets: procedure page ≥ 0.5 of the trivial view; p95 < 100 ms")

        simultaneous(port, procedure, agency, run)
        conflicts(port, procedure, agency)
    finally:
        server.terminate()
        server.wait(10)
        import redis

        for url in (os.environ["CELERY_BROKER_URL"], os.environ["REDIS_URL"]):
            redis.Redis.from_url(url).flushdb()  # the queued notifications of fake citizens, the cache


def simultaneous(port, procedure, agency, run, count=200):
    """`count` citizens press "Nộp hồ sơ" at the same moment."""
    drafts = citizens_with_drafts(count, procedure, agency, f"{(int(run, 16) + 50) % 100:02d}")
    barrier, statuses = threading.Barrier(count), []

    def press(pk, session):
        client = Client(port, session)
        barrier.wait()
        statuses.append(client.request("POST", f"/ho-so/{pk}/xem-lai/", "")[0])

    threads = [threading.Thread(target=press, args=draft) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    dossiers = list(Dossier.objects.filter(pk__in=[pk for pk, _ in drafts]))
    codes = {d.code for d in dossiers if d.code}
    receipts = 0
    for pk, session in drafts:
        status, content = Client(port, session).request("GET", f"/ho-so/{pk}/giay-tiep-nhan.pdf")
        receipts += status == 200 and content.startswith(b"%PDF")
    print(f"\n{count} simultaneous submissions: {statuses.count(302)} accepted, {len(set(statuses) - {302})} other "
          f"statuses, {sum(d.state == 'submitted' for d in dossiers)} dossiers submitted, {len(codes)} distinct codes, "
          f"{receipts} receipts")


def conflicts(port, procedure, agency, rounds=100):
    """Two officers of the same desk: one receives, the other refuses, at the same moment."""
    User = get_user_model()
    officers = []
    for name in ("bench.motcua1", "bench.motcua2"):
        user, _ = User.objects.get_or_create(username=name, defaults={"is_staff": True})
        StaffRole.objects.update_or_create(user=user, defaults={"role": Role.ONE_STOP_OFFICER, "agency": agency})
        officers.append(session_for(user, verified=True))
    outcomes = {"one winner": 0, "both won": 0, "none won": 0}
    log_ok, messages = 0, set()
    for n in range(rounds):
        pk, _session = citizens_with_drafts(1, procedure, agency, f"9{n % 10}")[0]
        dossier = Dossier.objects.get(pk=pk)
        filing.submit_online(dossier, dossier.applicant)
        barrier, results = threading.Barrier(2), {}

        def fire(index, action, data):
            client = Client(port, officers[index])
            barrier.wait()
            results[action] = client.request("POST", f"/can-bo/ho-so/{pk}/thao-tac/{action}/", data)

        threads = [threading.Thread(target=fire, args=(0, "receive", "receive-comment=")),
                   threading.Thread(target=fire, args=(1, "reject", "reject-reason=Sai+th%E1%BA%A9m+quy%E1%BB%81n"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        won = [action for action, (status, _) in results.items() if status == 302]
        outcomes["one winner" if len(won) == 1 else "both won" if len(won) == 2 else "none won"] += 1
        for action, (status, content) in results.items():
            if status != 302:
                found = re.search(r'class="notice error" role="alert">([^<]+)<', content.decode())
                messages.add(found[1].strip() if found else f"HTTP {status}")
        events = list(DossierEvent.objects.filter(dossier_id=pk, action__in=["receive", "reject"]).values_list(
            "action", flat=True))
        log_ok += events == won
    print(f"\n{rounds} conflicting pairs (receive against refuse): {outcomes}; event log matches the winner in "
          f"{log_ok}/{rounds}; the loser was told: {sorted(messages)}")


if __name__ == "__main__":
    main()
