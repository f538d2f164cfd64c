from django.utils.functional import SimpleLazyObject


def catalog(request):
    """`catalog_url`: where the catalog lives now, from the page tree (editors may rename its slug)."""

    def url():
        from .models import ProcedureIndexPage

        index = ProcedureIndexPage.objects.live().first()
        return (index.get_url(request) if index else None) or "/"

    return {"catalog_url": SimpleLazyObject(url)}
