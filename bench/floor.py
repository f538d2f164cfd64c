"""What every signed-in page pays before it shows anything of its own (issue 37: why the signed-in pages
stay under the 0.25× target of bench/load.py).

    createdb -h 127.0.0.1 -U postgres motcua_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load .venv/bin/python bench/floor.py [--requests 200] [--force]

In-process, the production settings of bench/scenario.py (Redis sessions and cache, PostgreSQL):
1. /healthz, no session: Django's request cycle and the middleware that do not touch the user;
2. /healthz with a citizen's and an officer's session: the same plus the session, the user (with role
   and agency) and, for the officer, the second factor — what the middleware read on every page;
3. the portal's layout (base.html with its header, menu and footer, context processors) rendered
   for that signed-in request, with nothing in it: the least a page can draw.
"""

import argparse
import sys
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenario  # noqa: E402  (sets up Django)
from django.conf import settings  # noqa: E402
from django.contrib.auth import SESSION_KEY, get_user_model  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from profile_pages import client_with  # noqa: E402  (an in-process client with a session cookie)
from timing import require_quiet_machine  # noqa: E402


def per_request_ms(call, requests):
    for _ in range(max(50, requests // 2)):  # the first hundred or so calls still import and compile
        call()
    started = time.perf_counter()
    for _ in range(requests):
        call()
    return (time.perf_counter() - started) / requests * 1000


def session_of(key):
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def layout(user, session_key):
    """base.html for a signed-in request, as a view's render() would draw it (context processors on)."""
    request = RequestFactory().get("/ho-so/")
    request.user = user
    request.session = session_of(session_key)
    return lambda: render_to_string("base.html", {}, request=request)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--force", action="store_true", help="print figures even on a busy machine, marked so")
    args = parser.parse_args()
    s = scenario.prepare(drafts=1, busy_dossiers=1, queue=1)
    require_quiet_machine(args.force)
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    citizen = get_user_model().objects.get(pk=session_of(s.busy_citizen)[SESSION_KEY])
    anonymous, signed_in, officer = client_with(), client_with(s.busy_citizen), client_with(s.officer)
    rows = [
        ("/healthz, no session", lambda: anonymous.get("/healthz")),
        ("/healthz, a citizen's session", lambda: signed_in.get("/healthz")),
        ("/healthz, an officer's session (second factor)", lambda: officer.get("/healthz")),
        ("layout alone (base.html), signed-in citizen", layout(citizen, s.busy_citizen)),
    ]
    try:
        print(f"\n{'what':<50} {'ms':>6}")
        for name, call in rows:
            print(f"{name:<50} {per_request_ms(call, args.requests):>6.2f}", flush=True)
    finally:
        scenario.flush_redis()


if __name__ == "__main__":
    main()
