"""A fixed-window counter in the cache (Redis in production, local memory by default)."""

import time

from django.conf import settings
from django.core.cache import cache


def _window(scope, key, window):
    """(cache key of the current window, seconds left in it)."""
    now = int(time.time())
    start = now - now % window
    return f"ratelimit:{scope}:{key}:{start}", start + window - now


def hit(scope, key, *, limit, window):
    """Count one attempt; returns the seconds to wait if `limit` is exceeded in this window, else 0."""
    name, left = _window(scope, key, window)
    cache.add(name, 0, timeout=window + 5)
    try:
        count = cache.incr(name)
    except ValueError:  # evicted between add and incr
        cache.set(name, 1, timeout=window + 5)
        count = 1
    return left if count > limit else 0


def peek(scope, key, *, limit, window):
    """Like `hit`, without counting: the seconds to wait if `limit` is already exceeded, else 0."""
    name, left = _window(scope, key, window)
    return left if cache.get(name, 0) >= limit else 0


def minutes(seconds):
    """A wait as the whole minutes a message tells the person (at least one)."""
    return max(1, round(seconds / 60))


# Headers a reverse proxy adds; a request that carries one came through a proxy.
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def client_ip(request):
    """The address the request came from. Each trusted proxy (TRUSTED_PROXIES) appends the address it
    was reached from to X-Forwarded-For, so the client is the rightmost entry that is not itself a
    trusted proxy; whatever stands left of it the client wrote and proves nothing."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _trusted()
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return hops[0] if hops else remote


def is_scraper(request):
    """Whether the monitoring scraper (METRICS_ALLOWED_IPS) asks. A request relayed by a proxy the
    portal was not told to trust — a same-host proxy with TRUSTED_PROXIES unset makes every client
    127.0.0.1 — is never the scraper, whatever address it seems to come from."""

    if request.META.get("REMOTE_ADDR") not in _trusted() and any(request.META.get(h) for h in FORWARDING_HEADERS):
        return False
    return client_ip(request) in settings.METRICS_ALLOWED_IPS


def _trusted():
    return set(getattr(settings, "TRUSTED_PROXIES", ()))
