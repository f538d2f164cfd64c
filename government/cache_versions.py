"""Version numbers in the shared cache: whatever is cached under a key built from one is dropped, on
every worker and instance, by moving the number on (the catalog's pages, the e-forms' commune lists)."""

import secrets

from django.core.cache import cache


def version(key):
    # A number never seen before when the cache starts empty (a Redis restart, a cleared test cache):
    # a process keeping something by version (eforms.fields.commune_choices) cannot mistake it for an old one.
    return cache.get_or_set(key, _fresh(), timeout=None)


def move_on(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh(), timeout=None)


def _fresh():
    return secrets.randbits(48)
