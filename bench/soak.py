"""A soak: 200 simulated people for 10 minutes against two instances of the portal.

    createdb -h 127.0.0.1 -U postgres motcua_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/soak.py \\
        [--users 200] [--minutes 10] [--workers 1] [--force]

Two gunicorn instances (each with `--workers` sync workers) on one PostgreSQL and one Redis, and a
Celery worker that draws the declarations and sends the notifications, as in production. The people,
each with a think time of 1 to 3 seconds between pages:
- citizens browsing (55 %): a procedure page, the catalogue, public tracking;
- citizens filing (20 %): submit a complete draft, then look at "Hồ sơ của tôi" and the dossier;
- officers (20 %): the work queue and a waiting dossier's page;
- province monitors (5 %): the dashboard.
Each person stays on one instance (a load balancer's sticky sessions are not assumed: half go to each).
Prints, per page: requests, errors, p50, p95 and the slowest; then each gunicorn worker's memory at
the start, the middle and the end (flat means no leak); zero errors is the target.
"""

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenario  # noqa: E402  (sets up Django in the production shape)
from django.contrib.auth import get_user_model  # noqa: E402
from load import Client, start_gunicorn  # noqa: E402
from scenario import ROOT, session_for  # noqa: E402
from timing import free_port, require_quiet_machine  # noqa: E402

from government.models import Role, StaffRole  # noqa: E402
from procedures.models import Dossier  # noqa: E402

THINK = (1.0, 3.0)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(list)

    def request(self, client, page, method, path, body=None, ok=(200,)):
        started = time.perf_counter()
        try:
            status, content = client.request(method, path, body)
        except OSError as error:
            status, content = f"{type(error).__name__}", b""
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies[page].append(elapsed)
            if status not in ok:
                self.errors[page].append(status)
        return status, content


def monitor_session():
    user, _ = get_user_model().objects.get_or_create(username="bench.giamsat", defaults={"is_staff": True})
    StaffRole.objects.update_or_create(user=user, defaults={"role": Role.PROVINCE_MONITOR, "agency": None})
    return session_for(user, verified=True)


def worker_pids(master_pid):
    """The gunicorn master's children (its workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().split()
            except OSError:
                continue
            if stat[3] == str(master_pid):
                found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers per instance")
    parser.add_argument("--force", action="store_true", help="print figures even on a busy machine, marked so")
    args = parser.parse_args()
    filers = max(1, args.users // 5)
    # A filer submits about every 8 s: enough drafts for the whole soak.
    s = scenario.prepare(drafts=int(filers * args.minutes * 60 / 8) + 50, busy_dossiers=45, queue=300)
    monitor = monitor_session()
    waiting = list(
        Dossier.objects.filter(receiving_agency=s.agency, state="submitted").values_list("pk", flat=True)[:50]
    )
    require_quiet_machine(args.force)

    ports = [free_port(), free_port()]
    servers = [start_gunicorn(port, workers=args.workers) for port in ports]
    celery = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "--loglevel", "warning"],
        cwd=ROOT,
        env={**os.environ},
    )
    tally, stop = Tally(), time.monotonic() + args.minutes * 60
    drafts, drafts_lock = list(s.drafts), threading.Lock()
    memory = {}  # pid → [MB at each sample]

    def think():
        time.sleep(random.uniform(*THINK))

    def browsing(port):
        client = Client(port)
        while time.monotonic() < stop:
            choice = random.random()
            if choice < 0.5:
                tally.request(client, "procedure page", "GET", s.page_url)
            elif choice < 0.7:
                tally.request(client, "catalogue", "GET", "/thu-tuc/")
            else:
                tally.request(
                    client,
                    "public tracking (POST)",
                    "POST",
                    "/tra-cuu-ho-so/",
                    f"code={s.tracked.code}&secret={s.secret}",
                )
            think()

    def filing(port):
        while time.monotonic() < stop:
            with drafts_lock:
                draft = drafts.pop() if drafts else None
            if draft is None:
                client = Client(port, s.busy_citizen)
                tally.request(client, "Hồ sơ của tôi", "GET", "/ho-so/")
            else:
                pk, session = draft
                client = Client(port, session)
                tally.request(client, "submission (POST)", "POST", f"/ho-so/{pk}/xem-lai/", "", ok=(302,))
                think()
                tally.request(client, "Hồ sơ của tôi", "GET", "/ho-so/")
                tally.request(client, "a citizen's dossier", "GET", f"/ho-so/{pk}/")
            think()

    def officer(port):
        client = Client(port, s.officer)
        while time.monotonic() < stop:
            tally.request(client, "officer's queue", "GET", "/can-bo/")
            think()
            if waiting:
                tally.request(client, "officer's dossier page", "GET", f"/can-bo/ho-so/{random.choice(waiting)}/")
            think()

    def monitoring(port):
        client = Client(port, monitor)
        while time.monotonic() < stop:
            tally.request(client, "dashboard", "GET", "/can-bo/bao-cao/")
            think()

    def sample_memory():
        while time.monotonic() < stop:
            for server in servers:
                for pid in worker_pids(server.pid):
                    mb = rss_mb(pid)
                    if mb is not None:
                        memory.setdefault(pid, []).append(mb)
            time.sleep(min(30, args.minutes * 60 / 10))

    roles = (
        [browsing] * round(args.users * 0.55)
        + [filing] * filers
        + [officer] * round(args.users * 0.20)
        + [monitoring] * max(1, round(args.users * 0.05))
    )
    threads = [threading.Thread(target=role, args=(ports[i % 2],), daemon=True) for i, role in enumerate(roles)]
    threads.append(threading.Thread(target=sample_memory, daemon=True))
    try:
        started = time.monotonic()
        for thread in threads:
            thread.start()
            time.sleep(0.01)  # people arrive over two seconds, not in one instant
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
        celery.terminate()
        celery.wait(30)
        scenario.flush_redis()

    total = sum(len(v) for v in tally.latencies.values())
    errors = sum(len(v) for v in tally.errors.values())
    print(
        f"\nsoak: {len(roles)} people, {elapsed / 60:.1f} minutes, two instances × {args.workers} gunicorn "
        f"worker(s), PostgreSQL, Redis, a Celery worker: {total} requests ({total / elapsed:.0f}/s), {errors} errors"
    )
    print(f"  {'page':<26} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for page, values in sorted(tally.latencies.items()):
        values.sort()
        print(
            f"  {page:<26} {len(values):>8} {len(tally.errors[page]):>6} {values[len(values) // 2] * 1000:>8.0f} "
            f"{values[int(len(values) * 0.95)] * 1000:>8.0f} {values[-1] * 1000:>8.0f}"
        )
        if tally.errors[page]:
            print(f"    statuses: {sorted(set(map(str, tally.errors[page])))}")
    print("  memory of each gunicorn worker (MB): first sample, middle, last, highest")
    for pid, samples in sorted(memory.items()):
        print(
            f"    worker {pid}: {samples[0]:.0f}, {samples[len(samples) // 2]:.0f}, {samples[-1]:.0f}, {max(samples):.0f}"
        )
    soaked = [pk for pk, _session in s.drafts]
    undrawn = Dossier.objects.filter(pk__in=soaked, documents__file="", submitted_at__isnull=False).distinct().count()
    print(f"  dossiers of this soak whose declaration the worker had not drawn at the end: {undrawn}")


if __name__ == "__main__":
    main()
