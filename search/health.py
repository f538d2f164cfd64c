from django.conf import settings

from .backends import get_backend


def health():
    backend = get_backend()
    if not settings.ELASTICSEARCH_URL:
        return True, "database (PostgreSQL full text or SQLite FTS5)"
    try:
        return bool(backend.client.ping()), "Elasticsearch"
    except Exception as error:  # noqa: BLE001  (any client failure means "not reachable")
        return False, type(error).__name__
