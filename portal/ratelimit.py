"""A fixed-window counter in the cache (Redis in production, local memory by default)."""

import time

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


def client_ip(request):
    # Behind the province's reverse proxy the address comes from it; only trust what it sets.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if request.META.get("REMOTE_ADDR") in _trusted() else ""
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def _trusted():
    from django.conf import settings

    return set(getattr(settings, "TRUSTED_PROXIES", ()))
