from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from portal.home.translation import default_locale_pages
from portal.page_cache import version

from .models import ProcedureIndexPage


def catalog(request):
    """`catalog_url`: where the catalog lives now, from the page tree (editors may rename its slug).

    Every page's header links to it; it is looked up in the page tree once per catalog version
    (portal/page_cache.py: publishing, moving or unpublishing a page moves the version on).
    """

    def url():
        key = f"catalog-url:{version()}:{request.get_host()}"
        found = cache.get(key)
        if found is None:
            index = default_locale_pages(ProcedureIndexPage).live().first()
            found = (index.get_url(request) if index else None) or "/"
            cache.set(key, found, timeout=3600)
        return found

    return {"catalog_url": SimpleLazyObject(url)}
