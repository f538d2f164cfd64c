"""Where a request's time goes: each page of bench/load.py rendered in-process under cProfile.

    createdb -h 127.0.0.1 -U postgres motcua_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/profile_pages.py \\
        [--requests 40] [--top 14] [--only submission] [--plain]

--plain times the same requests without the profiler: the server time per request, in-process.

Same settings and data as bench/load.py (Redis for the queue, cache and sessions; PostgreSQL).
Prints, per page: milliseconds and SQL queries per request, the time spent in SQL, then the
functions with the most cumulative time (the project's own code and the libraries it calls).
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenario  # noqa: E402  (sets up Django)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from timing import require_quiet_machine  # noqa: E402


def client_with(session=None):
    client = Client()
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client


def pages(s):
    anonymous, citizen, officer, tracked = client_with(), client_with(s.busy_citizen), client_with(s.officer), s.tracked
    drafts = iter(s.drafts)

    def submit():
        pk, session = next(drafts)
        return client_with(session).post(f"/ho-so/{pk}/xem-lai/"), 302

    return {
        "trivial view (/healthz)": lambda: (anonymous.get("/healthz"), 200),
        "procedure page, signed in (no page cache)": lambda: (citizen.get(s.page_url), 200),
        "public tracking (POST)": lambda: (
            anonymous.post("/tra-cuu-ho-so/", {"code": tracked.code, "secret": s.secret}),
            200,
        ),
        f"Hồ sơ của tôi ({s.busy_citizen_dossiers} dossiers)": lambda: (citizen.get("/ho-so/"), 200),
        f"officer's work queue ({s.queue_size} waiting)": lambda: (officer.get("/can-bo/"), 200),
        "dossier submission (POST)": submit,
    }


def measure(call, requests, profile=True):
    for _ in range(3):  # warm: templates, translations, connections
        response, expected = call()
        assert response.status_code == expected, (response.status_code, expected)
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        if profile:
            profiler.enable()
        for _ in range(requests):
            response, expected = call()
        profiler.disable()
        elapsed = time.perf_counter() - started
    assert response.status_code == expected, (response.status_code, expected)
    sql = sum(float(q["time"]) for q in queries.captured_queries)
    return elapsed / requests * 1000, len(queries) / requests, sql / requests * 1000, profiler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--top", type=int, default=14)
    parser.add_argument("--only", default="", help="profile only the pages whose name contains this")
    parser.add_argument("--plain", action="store_true", help="time without the profiler (server time per request)")
    parser.add_argument("--force", action="store_true", help="print figures even on a busy machine, marked so")
    args = parser.parse_args()
    s = scenario.prepare(drafts=args.requests + 5, busy_dossiers=45, queue=300)
    require_quiet_machine(args.force)
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    try:
        for name, call in pages(s).items():
            if args.only and args.only not in name:
                continue
            ms, queries, sql_ms, profiler = measure(call, args.requests, profile=not args.plain)
            how = "in-process" if args.plain else "profiled"
            print(
                f"\n== {name}: {ms:.1f} ms per request ({how}), {queries:.0f} queries, {sql_ms:.1f} ms in SQL ==",
                flush=True,
            )
            if args.plain:
                continue
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(
                r"(portal|procedures|search|payments|national_sync|"
                r"privacy|eforms|api|citizen_registry_adapter|django/"
                r"(template|db/models/sql/compiler|core/handlers/base|"
                r"contrib/sessions|contrib/auth/middleware))",
                args.top,
            )
    finally:
        scenario.flush_redis()


if __name__ == "__main__":
    main()
