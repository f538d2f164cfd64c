"""The table of "Hồ sơ của tôi", drawn once per change of the citizen's dossiers (issue 37).

Rendering the 20-row table is most of the page (bench/profile_pages.py); a citizen reloads it far more
often than their dossiers change. The table is kept (portal/fragments.py) under versions that move on
when it may change: any dossier saved or deleted whose applicant account or personal ID is the
citizen's, and any change of the catalog (procedure names). The key also holds the language, the page
number and whether the citizen's identity is confirmed (which dossiers they hold,
procedures.selectors.held_by). Changes made with QuerySet.update() send no signal: none of them
touch a column this table shows.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from portal import fragments
from portal.page_cache import VERSION_KEY as CATALOG_VERSION
from procedures.models import Dossier


def _versions(user_id, personal_id):
    return [f"my-dossiers:user:{user_id}", f"my-dossiers:pid:{personal_id or '-'}"]


def table(user, page_number, draw):
    """The table's HTML for `user`'s page `page_number`, from the cache or from `draw()`."""
    if not fragments.enabled() or page_number != 1:  # later pages: any number could be asked for
        return draw()
    verified = "v" if user.identity_verified_at else "u"
    names = [*_versions(user.pk, user.personal_id), CATALOG_VERSION]
    return fragments.cached(
        fragments.key("my-dossiers-table:v1", names, user.pk, verified, get_language(), page_number), draw
    )


def _dossier_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        fragments.move_on_after_commit(_versions(instance.applicant_id, instance.applicant_personal_id))


def connect():
    post_save.connect(_dossier_changed, sender=Dossier, dispatch_uid="my-dossiers-saved")
    post_delete.connect(_dossier_changed, sender=Dossier, dispatch_uid="my-dossiers-deleted")
