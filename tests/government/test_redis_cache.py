"""The shared cache keeps one Redis client per connection pool and still behaves as Django's cache."""

import socket

import pytest

from government.redis_cache import RedisCache


def _redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_answers(), reason="needs Redis at 127.0.0.1:6379 (.ci/run starts it)")
def test_one_client_per_pool_and_the_cache_still_works():
    cache = RedisCache("redis://127.0.0.1:6379/12", {"KEY_PREFIX": "test-reused-client"})
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=False)
    cache.set("n", 1, 30)
    assert cache.incr("n") == 2 and cache.get("n") == 2
    assert cache.get_many(["n", "absent"]) == {"n": 2}
    cache.delete("n")
    assert cache.get("n", "gone") == "gone"
