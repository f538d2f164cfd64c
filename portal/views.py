from django.http import HttpResponse


def health(request):
    """For load balancers and for bench/load.py's baseline: the cheapest page Django can serve."""
    return HttpResponse("ok", content_type="text/plain")


def choose_language(request, code):
    """Switch the portal's language from a plain link, so that public pages carry no CSRF token
    and can be served from the page cache (portal/page_cache.py)."""
    from django.conf import settings
    from django.shortcuts import redirect
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="Lax")
    return response
