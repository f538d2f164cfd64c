"""Applying the 1 July 2025 plan to a large database (issue 38): time per step, peak memory, and how long
a reader waits while it runs.

    createdb -h 127.0.0.1 -U postgres motcua_reorg
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_reorg \\
        .venv/bin/python bench/reorganisation.py --load 1000000

Each run needs a database the plan has not been applied to: keep a copy of the loaded one as a
template (createdb -T motcua_reorg motcua_reorg_base, about 20 s) and make a new one from it each time.
With --load, an empty database is migrated, gets the legacy (three-level) reference data and that many
synthetic dossiers (manage.py generate_synthetic_year: a year of them, the unfinished ones open at
their first step). The plan is fixtures/reorganisation/thai-nguyen-2025-07-01.json. While it applies,
a reader thread times a dossier lookup and the province's open count over and over: the portal keeps
reading because each agency's dossiers move in a short transaction of their own. Target: under 10
minutes on the 2-core machine, memory flat (the peak resident size is printed with what it was before).
"""

import argparse
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402

from procedures.models import Dossier  # noqa: E402
from reorganisation.models import AppliedPlan  # noqa: E402
from reorganisation.plans import read_plan  # noqa: E402
from reorganisation.selectors import OPEN, impact  # noqa: E402
from reorganisation.services import apply  # noqa: E402

PLAN = ROOT / "fixtures" / "reorganisation" / "thai-nguyen-2025-07-01.json"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb():
    """Resident memory now (Linux): whether it grows with the dossiers moved or stays flat."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


class Reader(threading.Thread):
    """What a citizen tracking a dossier and the dashboard's open count wait for while the plan runs."""

    def __init__(self, codes):
        super().__init__(daemon=True)
        self.codes, self.times, self.stop = codes, [], threading.Event()

    def run(self):
        try:
            n = 0
            while not self.stop.is_set():
                started = time.perf_counter()
                Dossier.objects.filter(code=self.codes[n % len(self.codes)]).select_related("current_agency").first()
                Dossier.objects.filter(state__in=OPEN).count()
                self.times.append((time.perf_counter() - started) * 1000)
                n += 1
                time.sleep(0.05)
        finally:
            connections.close_all()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--load", type=int, default=0, help="on an empty database: reference data and this many dossiers"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the target is for PostgreSQL).")
    settings.DEBUG = False  # as in production: no query log kept in memory
    call_command("migrate", verbosity=0)
    if args.load and not Dossier.objects.exists():
        call_command("load_reference_data", model="legacy")
        call_command("generate_synthetic_year", dossiers=args.load)
    if AppliedPlan.objects.exists():
        sys.exit("The plan has been applied to this database already: use a new one (see the docstring).")
    actor = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "quantri-bench", password=None
    )
    total, open_now = Dossier.objects.count(), Dossier.objects.filter(state__in=OPEN).count()
    largest = (
        Dossier.objects.filter(state__in=OPEN)
        .values("current_agency")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("n", flat=True)
        .first()
        or 0
    )
    print(f"{total:,} dossiers, {open_now:,} open; resident memory before: {peak_mb():.0f} MB")

    plan = read_plan(PLAN)
    started = time.perf_counter()
    found = impact(plan)
    dry_run = time.perf_counter() - started
    print(f"dry run: {dry_run:.1f} s, {len(found.gaps)} gaps, peak memory {peak_mb():.0f} MB")
    if found.gaps:
        sys.exit("\n".join(found.gaps[:20]))

    codes = list(Dossier.objects.filter(state__in=OPEN).values_list("code", flat=True)[:500]) or ["-"]
    quiet = Reader(codes)  # the same reads with nothing else running, to compare with
    quiet.start()
    time.sleep(10)
    quiet.stop.set()
    quiet.join()
    reader = Reader(codes)
    reader.start()
    steps, last, resident = {}, [time.perf_counter(), None], []

    def progress(step, done, count):
        now = time.perf_counter()
        if step != last[1]:
            last[0], last[1] = now, step
            print(f"  {step}…", flush=True)
        steps[step] = now - last[0]
        if last[1] == _("Hồ sơ"):
            resident.append(resident_mb())

    started = time.perf_counter()
    apply(plan, actor, progress=progress)
    elapsed = time.perf_counter() - started
    reader.stop.set()
    reader.join()
    times, before = sorted(reader.times) or [0], sorted(quiet.times) or [0]
    print(f"applied in {elapsed:.1f} s ({elapsed / 60:.1f} min; target under 10 min); peak memory {peak_mb():.0f} MB")
    for step, seconds in steps.items():
        print(f"  {step:<20} {seconds:7.1f} s")
    if resident:
        quarters = [resident[len(resident) * q // 4] for q in range(4)] + [resident[-1]]
        print(
            f"resident memory while dossiers moved ({len(resident)} agencies), at 0/25/50/75/100 %: "
            + " / ".join(f"{mb:.0f}" for mb in quarters)
            + f" MB; the largest agency had {largest:,} open dossiers"
        )
    for label, sample in (("a reader before", before), ("a reader meanwhile", times)):
        print(
            f"{label}: {len(sample)} reads, median {sample[len(sample) // 2]:.1f} ms, "
            f"p95 {sample[int(len(sample) * 0.95)]:.1f} ms, worst {sample[-1]:.1f} ms"
        )
    moved = Dossier.objects.filter(state__in=OPEN, current_agency__valid_until__isnull=False).count()
    print(f"open dossiers still at an ended agency: {moved}")


if __name__ == "__main__":
    main()
