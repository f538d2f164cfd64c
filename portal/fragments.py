"""Parts of signed-in pages drawn once per change (issue 37): the table of "Hồ sơ của tôi", the default
view of a desk's queue. A part is kept under the current values of the version numbers it depends on
(government.cache_versions); whoever changes what it shows moves one of them on, after the commit, so
that a request in between cannot keep old rows under a new number.

Only with a cache every process shares (Redis): a command run in another process (a shell, a job)
changes dossiers whose versions this process's own memory would never hear of, so without Redis
FRAGMENT_CACHE_SECONDS is 0 and every part is drawn."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from government import cache_versions


def enabled():
    return settings.FRAGMENT_CACHE_SECONDS > 0


def key(prefix, version_names, *parts):
    found = cache.get_many(version_names)
    versions = [found.get(name) or cache_versions.version(name) for name in version_names]
    return ":".join([prefix, "-".join(map(str, versions)), *map(str, parts)])


def cached(name, draw):
    """The HTML kept under `name`, or `draw()`'s, kept for FRAGMENT_CACHE_SECONDS at most."""
    html = cache.get(name)
    if html is None:
        html = draw()
        cache.set(name, html, settings.FRAGMENT_CACHE_SECONDS)
    return html


def move_on_after_commit(version_names):
    transaction.on_commit(lambda: [cache_versions.move_on(name) for name in version_names])
