"""One Redis client per operation (Django's RedisCache) against one per pool (government.redis_cache).

    .venv/bin/python bench/cache_client.py [--operations 20000]

Needs Redis at 127.0.0.1:6379 (database 13, the bench's). Prints microseconds per cache.get of a
small key, each way, and their ratio.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache  # noqa: E402
from timing import require_quiet_machine  # noqa: E402

from government.redis_cache import RedisCache  # noqa: E402

URL = "redis://127.0.0.1:6379/13"


def per_get_us(cache, operations):
    cache.set("bench-cache-client", "x" * 200, 60)
    started = time.perf_counter()
    for _ in range(operations):
        cache.get("bench-cache-client")
    return (time.perf_counter() - started) / operations * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--operations", type=int, default=20000)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    require_quiet_machine(args.force)
    django_way = per_get_us(DjangoRedisCache(URL, {}), args.operations)
    reused = per_get_us(RedisCache(URL, {}), args.operations)
    print(
        f"cache.get, {args.operations} times: Django's client per operation {django_way:.1f} µs, "
        f"one client per pool {reused:.1f} µs ({django_way / reused:.2f}×)"
    )


if __name__ == "__main__":
    main()
