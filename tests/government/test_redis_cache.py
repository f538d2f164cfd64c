"""The shared cache keeps one Redis client per connection pool and still behaves as Django's cache."""

from government.redis_cache import RedisCache
from tests.local_services import needs_redis


@needs_redis
def test_one_client_per_pool_and_the_cache_still_works():
    cache = RedisCache("redis://127.0.0.1:6379/12", {"KEY_PREFIX": "test-reused-client"})
    assert cache._cache.get_client(write=True) is cache._cache.get_client(write=False)
    cache.set("n", 1, 30)
    assert cache.incr("n") == 2 and cache.get("n") == 2
    assert cache.get_many(["n", "absent"]) == {"n": 2}
    cache.delete("n")
    assert cache.get("n", "gone") == "gone"
