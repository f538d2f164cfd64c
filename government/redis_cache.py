"""Django's Redis cache, with one Redis client per connection pool instead of one per operation.

Django's RedisCacheClient builds a `redis.Redis` for every get or set (about 0.1 ms each: its
response callbacks are copied anew), three to five times per signed-in request. A client is
thread-safe and holds no connection of its own (the pool does), so one per pool is enough.
bench/cache_client.py measures the difference.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
