"""Version numbers in the shared cache: whatever is cached under a key built from one is dropped, on
every worker and instance, by moving the number on (the catalog's pages, the e-forms' commune lists)."""

from django.core.cache import cache


def version(key):
    return cache.get_or_set(key, 1, timeout=None)


def move_on(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)
