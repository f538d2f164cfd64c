"""Which page an address names, remembered: Wagtail walks the page tree from the site's root on every
request (a query or two per level: 12 queries and about 8 ms for a procedure page, issue 37).

The answer (the page's id, type and path in the tree) is kept in the cache under the catalog's version,
which moves on whenever a page is published, unpublished or moved (portal/catalog/signals.py). A hit
costs one query, the page itself, read only if it is still live at the same path: a page deleted,
renamed or moved since — even by another process whose cache this one does not share (a shell, a
worker without Redis) — falls back to Wagtail's walk, and so to the redirect from its old address.
Wagtail keeps a request's route on `request._wagtail_route_for_request` (Page.route_for_request):
filling it before Wagtail's view runs is the documented way in. Only plain pages are remembered, not
routes with arguments (a routable page's sub-path), and view restrictions still apply after routing
(Wagtail's before_serve_page hooks).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .page_cache import version


class RememberedRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and view_args:
            route(request, view_args[0])


def route(request, path):
    """Wagtail's route for `path`, from the cache when it was found before under this catalog version."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = f"route-v2:{version()}:{site.pk}:{get_language()}:{path}"
    hit = cache.get(key)
    if hit is not None:
        page_id, content_type_id, url_path = hit
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model and model.objects.filter(pk=page_id, live=True, url_path=url_path).first()
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return request._wagtail_route_for_request
    found = Page.route_for_request(request, path)
    if found is not None and not found.args and not found.kwargs:
        page = found.page
        cache.set(key, (page.pk, page.content_type_id, page.url_path), settings.ANONYMOUS_PAGE_CACHE_SECONDS)
    return found
