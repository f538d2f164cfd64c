"""Load and concurrency on gunicorn (2 workers) over PostgreSQL.

    createdb -h 127.0.0.1 -U postgres motcua_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/load.py

The database is prepared here (bench/scenario.py: migrations, reference data, demo accounts,
complete drafts to submit, a citizen with 45 dossiers, 300 dossiers waiting at a commune desk); use
a database of its own. Prints, for 20 concurrent clients over keep-alive connections, requests per
second and p95 for a trivial view and each page a user waits on, each with its ratio to the trivial
view; then 200 simultaneous submissions, and two officers firing conflicting transitions at one
dossier 100 times. Targets (issue 17): procedure page without the page cache, "Hồ sơ của tôi" and
the officer's queue ≥ 0.25×; tracking ≥ 0.5×; submission ≥ 0.2× with p95 < 150 ms.
bench/profile_pages.py shows where each page's time goes.
"""

import argparse
import http.client
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenario  # noqa: E402  (sets up Django in the production shape)
from django.contrib.auth import get_user_model  # noqa: E402
from scenario import ROOT, citizens_with_drafts, session_for  # noqa: E402
from timing import free_port, machine_load, require_quiet_machine  # noqa: E402

from government.models import Role, StaffRole
from procedures.models import Dossier, DossierEvent
from procedures.services import filing  # noqa: E402

CLIENTS, SECONDS, WARM_UP = 20, 8, 2


# --- the server --------------------------------------------------------------------------------------


def start_gunicorn(port, workers=2):
    import os

    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


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
    return {
        "rps": len(latencies) / elapsed,
        "p95": latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0,
        "requests": len(latencies),
        "errors": len(errors),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=SECONDS)
    parser.add_argument("--force", action="store_true", help="print figures even on a busy machine, marked so")
    args = parser.parse_args()
    s = scenario.prepare(drafts=1500)
    # After the preparation (which loads the machine itself): wait for the load to settle, or refuse.
    require_quiet_machine(args.force)
    run = secrets.token_hex(2)
    port = free_port()
    server = start_gunicorn(port)
    try:
        results = {}

        def measure(name, method, path, body=None, ok=frozenset({200}), session=None):
            def request(client, n):
                if session:
                    client.cookie = f"csrftoken={client.csrf}; sessionid={session}"
                return method, path, body, ok

            # Warm first: each worker imports the views and compiles the templates on its first requests.
            load(port, request, WARM_UP)
            results[name] = load(port, request, args.seconds)
            results[name]["load"] = machine_load()[0]

        measure("trivial view (/healthz)", "GET", "/healthz")
        measure("procedure page (page cache)", "GET", s.page_url)
        measure("procedure page, signed in (no page cache)", "GET", s.page_url, session=s.busy_citizen)
        measure("public tracking (POST)", "POST", "/tra-cuu-ho-so/", f"code={s.tracked.code}&secret={s.secret}")
        measure(f"Hồ sơ của tôi ({s.busy_citizen_dossiers} dossiers)", "GET", "/ho-so/", session=s.busy_citizen)
        measure(f"officer's work queue ({s.queue_size} waiting)", "GET", "/can-bo/", session=s.officer)
        queue = list(s.drafts)
        queue_lock = threading.Lock()

        def submit(client, n):
            with queue_lock:
                if not queue:
                    return None, None, None, None
                pk, session = queue.pop()
            client.cookie = f"csrftoken={client.csrf}; sessionid={session}"
            return "POST", f"/ho-so/{pk}/xem-lai/", "", {302}

        load(port, submit, WARM_UP)
        results["dossier submission (POST)"] = load(port, submit, args.seconds)
        results["dossier submission (POST)"]["load"] = machine_load()[0]
        baseline = results["trivial view (/healthz)"]["rps"]
        print(
            f"\n{CLIENTS} concurrent clients, keep-alive, {args.seconds} s each, gunicorn 2 workers, PostgreSQL, Redis"
        )
        for name, r in results.items():
            print(
                f"  {name:<44} {r['rps']:7.1f} req/s  p95 {r['p95']:6.1f} ms  ratio {r['rps'] / baseline:4.2f}  "
                f"({r['requests']} requests, {r['errors']} errors; load {r['load']:.1f} after)"
            )
        print(
            "  targets: procedure page without cache, Hồ sơ của tôi, officer's queue ≥ 0.25; tracking ≥ 0.5; "
            "submission ≥ 0.2 with p95 < 150 ms"
        )

        simultaneous(port, s.procedure, s.agency, run)
        conflicts(port, s.procedure, s.agency)
    finally:
        server.terminate()
        server.wait(10)
        scenario.flush_redis()


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
    print(
        f"\n{count} simultaneous submissions: {statuses.count(302)} accepted, {len(set(statuses) - {302})} other "
        f"statuses, {sum(d.state == 'submitted' for d in dossiers)} dossiers submitted, {len(codes)} distinct codes, "
        f"{receipts} receipts"
    )


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

        threads = [
            threading.Thread(target=fire, args=(0, "receive", "receive-comment=")),
            threading.Thread(target=fire, args=(1, "reject", "reject-reason=Sai+th%E1%BA%A9m+quy%E1%BB%81n")),
        ]
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
        events = list(
            DossierEvent.objects.filter(dossier_id=pk, action__in=["receive", "reject"]).values_list(
                "action", flat=True
            )
        )
        log_ok += events == won
    print(
        f"\n{rounds} conflicting pairs (receive against refuse): {outcomes}; event log matches the winner in "
        f"{log_ok}/{rounds}; the loser was told: {sorted(messages)}"
    )


if __name__ == "__main__":
    main()
