"""Public catalog pages for visitors who are not signed in, served from the cache.

Every citizen who opens "Đăng ký khai sinh" gets the same page; rendering it for each costs ~18 ms of
Wagtail routing, queries and templates. The cached copy is keyed by path, the parameters the page
reads and language, kept in the "pages" cache (not beside sessions and limits), and
dropped whenever the catalog, its pages or the agencies change (a version number in the cache).
Signed-in users (a session cookie) always get a fresh page. A hit carries every header the page was
first served with (X-Frame-Options, Content-Security-Policy, Vary…), except cookies.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language

from government import cache_versions

VERSION_KEY = "page-cache-version"


def version(key=VERSION_KEY):
    """The catalog's version by default: cached pages keyed by it go when it moves on."""
    return cache_versions.version(key)


def invalidate(**kwargs):
    """Any change to what catalog pages show (portal/catalog/signals.py)."""
    cache_versions.move_on(VERSION_KEY)


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
        query = _query(request) if cacheable else None
        if query is None:
            return self.get_response(request)
        pages = caches["pages"]
        current = version()
        key = f"page-v3:{current}:{get_language()}:{request.path}?{query}"
        hit = pages.get(key)
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
            if _room_for_one_more(pages, current):
                pages.set(key, (response.content, headers), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        return response


def _query(request):
    """The parameters the page reads, in one order, as the key's query; None when the request carries
    anything else (junk parameters must not each make a copy: 300 of them made 300)."""
    allowed = settings.ANONYMOUS_PAGE_CACHE_PARAMS
    if any(name not in allowed or len(values) > 1 or len(values[0]) > 40 for name, values in request.GET.lists()):
        return None
    return urlencode(sorted((name, value) for name, value in request.GET.items() if value))


def _room_for_one_more(pages, current):
    """Count the copies kept in this window; false past ANONYMOUS_PAGE_CACHE_MAX_ENTRIES, so that valid
    but ever-new values (page=1…10000) cannot fill the memory either."""
    counter = f"page-count:{current}"
    pages.add(counter, 0, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
    try:
        return pages.incr(counter) <= settings.ANONYMOUS_PAGE_CACHE_MAX_ENTRIES
    except ValueError:  # expired between add and incr
        return False
