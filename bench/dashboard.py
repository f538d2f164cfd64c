"""Dashboard timings on a synthetic year in PostgreSQL, against one raw SQL aggregate.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench \\
        .venv/bin/python bench/dashboard.py [--load 1000000] [--runs 15]

With --load, an empty database (migrated, reference data loaded) first gets that many synthetic
dossiers (manage.py generate_synthetic_year). The timings are server time: the view rendered
in-process by Django's test client, signed in as the province monitor (whole province) and as a
district leader (a drill-down, and their own view). Targets: issue 6, median under 500 ms and 300 ms;
issue 17, under 100 ms and 50 ms. --queries prints each view's slowest SQL.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from government.models import AdministrativeUnit, StaffRole
from procedures.models import Dossier, MonthlyStat


def verified_client(username):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})[0]
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def slowest_queries(views, top=8):
    """Where a view's database time goes: its queries, slowest first."""
    from django.test.utils import CaptureQueriesContext

    for name, view in views.items():
        with CaptureQueriesContext(connection) as captured:
            view()
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        total = sum(float(q["time"]) for q in queries) * 1000
        print(f"\n{name}: {len(queries)} queries, {total:.1f} ms in SQL; the slowest:")
        for query in queries[:top]:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:160]}")
    print()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--load", type=int, default=0, help="generate this many dossiers first if the table is empty")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--queries", action="store_true", help="also print each view's slowest SQL queries")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the targets are for PostgreSQL).")
    if args.load and not Dossier.objects.exists():
        call_command("generate_synthetic_year", dossiers=args.load)
    if not StaffRole.objects.filter(user__username="tinh.giamsat").exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]

    today = timezone.localdate()
    start = today.replace(year=today.year - 1, day=1)
    period = {"tu": f"{start:%Y-%m}", "den": f"{today:%Y-%m}"}
    leader = StaffRole.objects.select_related("agency__unit").get(user__username="huyen.lanhdao")
    district = leader.agency.unit
    monitor = verified_client("tinh.giamsat")
    district_leader = verified_client("huyen.lanhdao")

    def province():
        response = monitor.get("/can-bo/bao-cao/", period)
        assert response.status_code == 200, response.status_code

    def drill_down():
        response = monitor.get("/can-bo/bao-cao/", {**period, "don-vi": district.code})
        assert response.status_code == 200

    def leader_view():
        assert district_leader.get("/can-bo/bao-cao/", period).status_code == 200

    def raw_sql():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FILTER (WHERE received_at IS NOT NULL), count(*) FILTER (WHERE timeliness = 'early'),"
                " count(*) FILTER (WHERE timeliness = 'on_time'), count(*) FILTER (WHERE timeliness = 'late'),"
                " count(*) FILTER (WHERE channel = 'online') FROM procedures_dossier WHERE received_at >= %s",
                [start],
            )
            cursor.fetchone()

    province()  # warm up: templates, translations, connections
    results = {
        "whole province, 12 months (monitor)": median_ms(province, args.runs),
        f"drill-down: {district.name}": median_ms(drill_down, args.runs),
        f"district leader's own view ({district.name})": median_ms(leader_view, args.runs),
        "raw SQL: one aggregate over the dossier table": median_ms(raw_sql, args.runs),
    }
    if args.queries:
        slowest_queries({"whole province": province, "drill-down": drill_down, "district leader": leader_view})
    raw = results["raw SQL: one aggregate over the dossier table"][0]
    print(
        f"{Dossier.objects.count():,} dossiers, {MonthlyStat.objects.count():,} monthly rows, "
        f"{AdministrativeUnit.objects.count()} units; {args.runs} runs each, server time"
    )
    for name, (median, low, high) in results.items():
        ratio = "" if name.startswith("raw") else f"  = {median / raw:.2f}x the raw aggregate"
        print(f"  {name:<55} median {median:7.1f} ms  (min {low:.1f}, max {high:.1f}){ratio}")
    print("  targets (issue 17): whole province < 100 ms, drill-down and a district leader's view < 50 ms (medians)")


if __name__ == "__main__":
    main()
