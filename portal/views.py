from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect

from .forms import NextForm


def health(request):
    """For load balancers and for bench/load.py's baseline: the cheapest page Django can serve."""
    return HttpResponse("ok", content_type="text/plain")


def choose_language(request, code):
    """Switch the portal's language from a plain link, so that public pages carry no CSRF token
    and can be served from the page cache (portal/page_cache.py)."""
    response = HttpResponseRedirect(NextForm.target(request))
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response
