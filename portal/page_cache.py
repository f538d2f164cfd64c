"""Public catalog pages for visitors who are not signed in, served from the cache.

Every citizen who opens "Đăng ký khai sinh" gets the same page; rendering it for each costs ~18 ms of
Wagtail routing, queries and templates. The cached copy is keyed by path, query and language, and
dropped whenever the catalog, its pages or the agencies change (a version number in the cache).
Signed-in users (a session cookie) always get a fresh page. A hit carries every header the page was
first served with (X-Frame-Options, Content-Security-Policy, Vary…), except cookies.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "page-cache-version"


def version(key=VERSION_KEY):
    """A version in the shared cache (the catalog's by default): cached copies keyed by it are
    dropped, on every worker and instance, by moving it on."""
    return cache.get_or_set(key, 1, timeout=None)


def move_on(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)


def invalidate(**kwargs):
    """Any change to what catalog pages show (portal/catalog/signals.py)."""
    move_on(VERSION_KEY)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = (
            request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES  # a pending message is this visitor's alone
            and request.path.startswith(settings.ANONYMOUS_PAGE_CACHE_PREFIXES)
        )
        if not cacheable:
            return self.get_response(request)
        key = f"page-v2:{version()}:{get_language()}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers:  # every header the page had: framing, CSP, Vary, language
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            cache.set(key, (response.content, headers), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        return response
