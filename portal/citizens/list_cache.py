"""The table of "Hồ sơ của tôi", drawn once per change of the citizen's dossiers (issue 37).

Rendering the 20-row table is most of the page (bench/profile_pages.py); a citizen reloads it far more
often than their dossiers change. The table is kept under versions that move on when it may change:
any dossier saved or deleted whose applicant account or personal ID is the citizen's (after the
commit, so that a request in between cannot keep the old rows under the new version), and any change
of the catalog (procedure names). The key also holds the language, the page number and whether the
citizen's identity is confirmed (which dossiers they hold, procedures.selectors.held_by). Changes made
with QuerySet.update() send no signal: none of them touch a column this table shows.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from government import cache_versions
from portal.page_cache import VERSION_KEY as CATALOG_VERSION
from procedures.models import Dossier


def _version_keys(user_id, personal_id):
    return [f"my-dossiers:user:{user_id}", f"my-dossiers:pid:{personal_id or '-'}", CATALOG_VERSION]


def key(user, page_number):
    names = _version_keys(user.pk, user.personal_id)
    found = cache.get_many(names)
    versions = [found.get(name) or cache_versions.version(name) for name in names]
    verified = "v" if user.identity_verified_at else "u"
    return f"my-dossiers-table:v1:{'-'.join(map(str, versions))}:{user.pk}:{verified}:{get_language()}:{page_number}"


def table(user, page_number, draw):
    """The table's HTML for `user`'s page `page_number`, from the cache or from `draw()`."""
    name = key(user, page_number)
    html = cache.get(name)
    if html is None:
        html = draw()
        cache.set(name, html, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
    return html


def _dossier_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    names = _version_keys(instance.applicant_id, instance.applicant_personal_id)[:2]
    transaction.on_commit(lambda: [cache_versions.move_on(name) for name in names])


def connect():
    post_save.connect(_dossier_changed, sender=Dossier, dispatch_uid="my-dossiers-saved")
    post_delete.connect(_dossier_changed, sender=Dossier, dispatch_uid="my-dossiers-deleted")
