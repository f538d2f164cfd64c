"""The officer's work queue with 50, 5,000 and 50,000 dossiers waiting at the desk (issue 37: the queue
should cost the same whatever its length).

    createdb -h 127.0.0.1 -U postgres motcua_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/queue_scale.py \\
        [--sizes 50,5000,50000] [--requests 30] [--force]

Each size gets a commune desk of its own and a one-stop officer signed in with the second factor; the
waiting dossiers are copies of one submitted dossier (bulk insert, fresh codes), so the three desks
share one table. Prints, per size: the queue's first page and its 50th (when there is one) in
milliseconds per request in-process, and the SQL queries with their time.
"""

import argparse
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenario  # noqa: E402  (sets up Django)
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from timing import require_quiet_machine  # noqa: E402

from government.models import Agency, Role, StaffRole  # noqa: E402
from procedures.models import Dossier, DossierState  # noqa: E402

BATCH = 2_000


def desk_with(size, template, n):
    """The n-th commune desk other than the scenario's, with `size` dossiers waiting and an officer."""
    agencies = Agency.objects.filter(unit__level=template.receiving_agency.unit.level).exclude(
        pk=template.receiving_agency_id
    )
    agency = agencies.order_by("pk")[n]
    officer = get_user_model().objects.get_or_create(
        username=f"bench-queue-{size}",
        defaults={
            "personal_id": f"0192{size:08d}"[:12],
            "first_name": "Bench",
            "last_name": "Cán bộ",
            "is_staff": True,
        },
    )[0]
    StaffRole.objects.update_or_create(user=officer, defaults={"agency": agency, "role": Role.ONE_STOP_OFFICER})
    waiting = Dossier.objects.filter(receiving_agency=agency, state=DossierState.SUBMITTED).count()
    fields = [
        f.name
        for f in Dossier._meta.concrete_fields
        if f.name not in ("id", "code", "receiving_agency", "current_agency")
    ]
    prefix = f"BQ{size}-{int(time.time())}"
    while waiting < size:
        count = min(BATCH, size - waiting)
        Dossier.objects.bulk_create(
            Dossier(
                **{name: getattr(template, name) for name in fields},
                code=f"{prefix}-{waiting + n}",
                receiving_agency=agency,
                current_agency=agency,
            )
            for n in range(count)
        )
        waiting += count
    # Spread the due times, as a real desk's are.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procedures_dossier SET due_at = %s + (id %% 997) * interval '1 hour' "
            "WHERE receiving_agency_id = %s AND state = %s",
            [template.due_at or template.submitted_at + timedelta(days=3), agency.pk, DossierState.SUBMITTED],
        )
    return officer


def measure(client, url, requests):
    for _ in range(3):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for _ in range(requests):
            response = client.get(url)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200
    sql = sum(float(q["time"]) for q in queries.captured_queries)
    return elapsed / requests * 1000, len(queries) / requests, sql / requests * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,5000,50000")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--force", action="store_true", help="print figures even on a busy machine, marked so")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    s = scenario.prepare(drafts=1, busy_dossiers=1, queue=1)
    template = Dossier.objects.filter(receiving_agency=s.agency, state=DossierState.SUBMITTED).first()
    print("preparing the desks…", flush=True)
    officers = {size: desk_with(size, template, n) for n, size in enumerate(sizes)}
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE procedures_dossier")
    require_quiet_machine(args.force)
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    print(f"\n{'waiting':>8}  {'page':>5}  {'ms/request':>10}  {'queries':>7}  {'ms in SQL':>9}")
    try:
        for size, officer in officers.items():
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = scenario.session_for(officer, verified=True)
            for page in (1, 50):
                if (page - 1) * 20 >= size:
                    continue
                ms, queries, sql_ms = measure(client, f"/can-bo/?page={page}", args.requests)
                print(f"{size:>8,}  {page:>5}  {ms:>10.1f}  {queries:>7.0f}  {sql_ms:>9.1f}", flush=True)
    finally:
        scenario.flush_redis()


if __name__ == "__main__":
    main()
