"""What the registry adapter costs on top of a bare HTTP GET, and how fast an open circuit fails.

    make bench-registry          (or: .venv/bin/python bench/registry_overhead.py [--lookups 2000])

The fake registry runs in a separate process on 127.0.0.1, so the server's work does not share the
client's interpreter. Both sides use keep-alive. The adapter runs as in production: ID validation,
typed record, the audit log written to a file; only its cache is off, or it would not call at all.
Targets (issue 3): adapter / bare GET under 1.3x; an open circuit fails in under 1 ms.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from timing import free_port  # noqa: E402

os.environ["CITIZEN_REGISTRY_LOG"] = os.path.join(tempfile.mkdtemp(), "registry-lookups.log")

import django  # noqa: E402

django.setup()

import requests  # noqa: E402

from citizen_registry_adapter.errors import RegistryUnavailable  # noqa: E402
from citizen_registry_adapter.http_client import HttpRegistry  # noqa: E402

AN = "019090001234"


def start_fake_server(port):
    server = subprocess.Popen(
        [sys.executable, "-m", "citizen_registry_adapter.fake_server", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    server.stdout.readline()  # "Fake population registry on …": it is listening
    return server


def per_call_us(call, count):
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds; the median is reported")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_fake_server(port)
    try:
        session = requests.Session()
        session.headers["Accept"] = "application/json"
        adapter = HttpRegistry(url, cache_ttl=0)

        def bare():
            session.get(f"{url}/citizens/{AN}", headers={"X-Purpose": "bench"}, timeout=(1, 2))

        def bare_json():
            session.get(f"{url}/citizens/{AN}", headers={"X-Purpose": "bench"}, timeout=(1, 2)).json()

        def lookup():
            adapter.lookup(AN, "bench", actor="bench")

        for call in (bare, bare_json, lookup):
            per_call_us(call, 100)  # warm the connections and caches
        results = {"bare": [], "bare_json": [], "adapter": []}
        for _ in range(args.rounds):
            results["bare"].append(per_call_us(bare, args.lookups))
            results["bare_json"].append(per_call_us(bare_json, args.lookups))
            results["adapter"].append(per_call_us(lookup, args.lookups))
        median = {name: statistics.median(values) for name, values in results.items()}
    finally:
        server.terminate()
        server.wait(5)

    print(f"{args.lookups} lookups × {args.rounds} rounds over keep-alive HTTP to the fake registry (medians)")
    print(f"  bare Session.get            {median['bare']:8.1f} µs/lookup")
    print(f"  bare Session.get + .json()  {median['bare_json']:8.1f} µs/lookup")
    print(f"  adapter lookup()            {median['adapter']:8.1f} µs/lookup")
    print(f"  ratio adapter / bare get    {median['adapter'] / median['bare']:8.2f}x   (target < 1.3x)")
    print(f"  ratio adapter / get + json  {median['adapter'] / median['bare_json']:8.2f}x")

    closed_port = free_port()
    tripped = HttpRegistry(
        f"http://127.0.0.1:{closed_port}", retries=0, breaker_failures=1, breaker_cooldown=3600, cache_ttl=0
    )
    try:
        tripped.lookup(AN, "bench")
    except RegistryUnavailable:
        pass
    assert tripped.breaker.current_state == "open"

    def fail_fast():
        try:
            tripped.lookup(AN, "bench", actor="bench")
        except RegistryUnavailable:
            pass

    fast = statistics.median(per_call_us(fail_fast, 10_000) for _ in range(args.rounds))
    print(f"  open circuit, fail-fast     {fast:8.1f} µs/lookup = {fast / 1000:.3f} ms   (target < 1 ms)")


if __name__ == "__main__":
    main()
