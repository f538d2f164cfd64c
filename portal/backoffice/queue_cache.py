"""The default view of a desk's work queue (no filter), drawn once per change and per minute (issue 37).

Every officer of a desk sees the same default view, and reloads it often. It is kept (portal/fragments.py)
under the desk's version, moved on whenever a dossier it receives or holds is saved, and the catalog's
(procedure and agency names); per role, agency, page, page size and language, and per minute because
the deadline badges count working time left. Filtered views are always drawn: a dossier elsewhere on
the route shows in them, and they are not what officers reload.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from portal import fragments
from portal.page_cache import VERSION_KEY as CATALOG_VERSION
from procedures.models import Dossier


def _version(agency_id):
    return f"queue:agency:{agency_id}"


def table(role, agency, number, size, draw):
    if not fragments.enabled() or number != 1:  # later pages: any number could be asked for
        return draw()
    minute = timezone.now().strftime("%Y%m%d%H%M")
    names = [_version(agency.pk), CATALOG_VERSION]
    return fragments.cached(
        fragments.key("queue-table:v1", names, role, agency.pk, number, size, get_language(), minute), draw
    )


def _dossier_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        agencies = {instance.receiving_agency_id, instance.current_agency_id} - {None}
        fragments.move_on_after_commit([_version(agency_id) for agency_id in agencies])


def connect():
    post_save.connect(_dossier_changed, sender=Dossier, dispatch_uid="queue-dossier-saved")
    post_delete.connect(_dossier_changed, sender=Dossier, dispatch_uid="queue-dossier-deleted")
