"""Wagtail's redirects, keeping the visitor's query and never sending them round in a loop.

Wagtail drops the query string when it follows a redirect made for a renamed page, so a search
sent to the catalog's old address (`/thu-tuc/?q=khai sinh`) arrived without its words. And a slug
changed and changed back leaves two redirects pointing at each other, which loop as soon as the
page is unpublished.
"""

from urllib.parse import urlsplit, urlunsplit

from django import http
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.contrib.redirects.models import Redirect


class QueryKeepingRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        redirected = super().process_response(request, response)
        if redirected is response or redirected.status_code not in (301, 302):
            return redirected
        target = urlsplit(redirected["Location"])
        if target.path == request.path:  # pointing back at itself: not a redirect worth following
            return response
        if _loops(request, target.path):
            return response
        if request.META.get("QUERY_STRING") and not target.query:
            cls = http.HttpResponsePermanentRedirect if redirected.status_code == 301 else http.HttpResponseRedirect
            return cls(urlunsplit(target._replace(query=request.META["QUERY_STRING"])))
        return redirected


def _loops(request, first_hop, limit=10):
    """Whether following redirects from `first_hop` comes back to where the visitor is."""
    start, path = Redirect.normalise_path(request.path), Redirect.normalise_path(first_hop)
    for _hop in range(limit):
        if path == start:
            return True
        following = Redirect.objects.filter(old_path=path).first()
        if following is None or following.link is None:
            return False
        path = Redirect.normalise_path(urlsplit(following.link).path)
    return True


def drop_redirects_from(page):
    """A page now lives at this address: redirects away from it would only shadow or loop."""
    url = page.get_url()
    if url:
        Redirect.objects.filter(old_path=Redirect.normalise_path(urlsplit(url).path)).delete()
