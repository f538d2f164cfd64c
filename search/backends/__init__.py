"""The search backend the settings choose: Elasticsearch with the database behind it, or the database."""

from functools import cache

from django.conf import settings

from .database import DatabaseBackend
from .elastic import ElasticBackend


@cache
def database_backend():
    return DatabaseBackend()


@cache
def elastic_backend():
    return ElasticBackend(
        settings.ELASTICSEARCH_URL,
        prefix=settings.ELASTICSEARCH_INDEX_PREFIX,
        timeout=settings.ELASTICSEARCH_TIMEOUT,
        fallback=database_backend(),
    )


def get_backend():
    return elastic_backend() if settings.ELASTICSEARCH_URL else database_backend()
