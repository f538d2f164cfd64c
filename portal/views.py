import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django_prometheus.exports import ExportToDjangoView

from government.ratelimit import is_scraper
from government.storage import check_storage

from .forms import NextForm


def health(request):
    """For load balancers and for bench/load.py's baseline: the cheapest page Django can serve."""
    return HttpResponse("ok", content_type="text/plain")


def ready(request):
    """Readiness: the database, the cache (Redis when configured) and the file storage answer."""

    checks = {}

    def probe(name, call):
        started = time.monotonic()
        try:
            call()
            checks[name] = {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}
        except Exception as error:  # noqa: BLE001  (any failure means not ready)
            checks[name] = {"ok": False, "error": type(error).__name__}

    def database():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    def cache_round_trip():
        cache.set("readyz", "1", 10)
        if cache.get("readyz") != "1":
            raise RuntimeError("cache did not keep a value")

    probe("database", database)
    probe("cache", cache_round_trip)
    probe("storage", check_storage)
    ok = all(c["ok"] for c in checks.values())
    # Which part is down is for the operators' scraper; anyone else learns only ready or not.
    body = {"ready": ok, "checks": checks} if is_scraper(request) else {"ready": ok}
    return JsonResponse(body, status=200 if ok else 503)


def metrics(request):
    """Prometheus metrics, for the scraper's addresses only (METRICS_ALLOWED_IPS)."""

    if not is_scraper(request):
        return HttpResponse(status=404)
    return ExportToDjangoView(request)


def choose_language(request, code):
    """Switch the portal's language from a plain link, so that public pages carry no CSRF token
    and can be served from the page cache (portal/page_cache.py)."""
    response = HttpResponseRedirect(NextForm.target(request))
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static file (its hashed
    name in production), cached for a day."""

    response = HttpResponseRedirect(static("portal/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
