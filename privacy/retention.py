"""Written retention rules, applied by `manage.py apply_retention` (see docs/personal-data.md).

Each rule finds what has outlived its period and removes it; `dry_run` only counts. Dossiers that
were filed are records under the Law on Archives: their documents go only after the procedure's
archive period, counted from the day the dossier closed, and never when the period is empty.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures.models import Dossier, DossierState, PendingUpload, Procedure, StoredDocument
from procedures.services.counter import drop_pending
from procedures.services.documents import drop_file
from procedures.services.lifecycle import discard_draft

from .models import RegistryLookup

CLOSED = (DossierState.RETURNED, DossierState.NOT_QUALIFIED, DossierState.REJECTED, DossierState.WITHDRAWN)


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    find: Callable  # (now) -> queryset of what is due
    remove: Callable  # (item, now) -> None


def _months_ago(now, months):
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    return now.replace(year=year, month=month + 1, day=min(now.day, 28))


def _stale_drafts(now):
    cutoff = now - dt.timedelta(days=settings.RETENTION["DRAFT_DAYS"])
    # "Untouched": neither created nor given a file since the cutoff.
    return (
        Dossier.objects.filter(state=DossierState.DRAFT, created_at__lt=cutoff)
        .exclude(documents__uploaded_at__gte=cutoff)
        .distinct()
    )


def _delete_draft(draft, now):
    discard_draft(draft)


def _old_lookups(now):
    return RegistryLookup.objects.filter(at__lt=_months_ago(now, settings.RETENTION["LOOKUP_MONTHS"]))


def _forgotten_scans(now):
    return PendingUpload.objects.filter(
        created_at__lt=now - dt.timedelta(hours=settings.RETENTION["PENDING_UPLOAD_HOURS"])
    )


def _delete_with_file(item, now):
    item.file.delete(save=False)
    item.delete()


def _removed_from_store(now):
    """Papers a citizen removed from their store that no dossier uses: the row and its file go (a
    paper a dossier used stays with that dossier, and goes with its archive period)."""
    cutoff = now - dt.timedelta(days=settings.RETENTION["STORE_REMOVED_DAYS"])
    return StoredDocument.objects.filter(removed_at__lt=cutoff, uses__isnull=True, scanned_from__isnull=True)


def _archive_expired(now):
    """Closed dossiers whose procedure's archive period has run out since they closed, found in the
    database: one query per distinct period, however many dossiers there are."""
    closed_at = Coalesce("returned_at", "decided_at", "received_at", "submitted_at", "created_at")
    periods = Procedure.objects.filter(retention_years__isnull=False).values_list("retention_years", flat=True)
    due = Q(pk__in=[])
    for years in set(periods):
        due |= Q(procedure__retention_years=years, closed_at__lte=now - dt.timedelta(days=366 * years))
    return (
        Dossier.objects.filter(state__in=CLOSED, documents_purged_at__isnull=True, documents__isnull=False)
        .annotate(closed_at=closed_at)
        .filter(due)
        .distinct()
    )


def _purge_documents(dossier, now):
    with transaction.atomic():
        for document in dossier.documents.select_related("stored_document"):
            drop_file(document)
        dossier.documents.all().delete()
        Dossier.objects.filter(pk=dossier.pk).update(documents_purged_at=now)


RULES = [
    Rule("drafts", _("Hồ sơ nháp không ai sửa, cùng các tệp"), _stale_drafts, _delete_draft),
    Rule("lookups", _("Nhật ký tra cứu CSDL dân cư quá hạn"), _old_lookups, lambda item, now: item.delete()),
    Rule(
        "scans",
        _("Bản quét tại quầy không được lập thành hồ sơ"),
        _forgotten_scans,
        lambda item, now: drop_pending(item),
    ),
    Rule(
        "store",
        _("Giấy tờ công dân đã xóa khỏi kho dữ liệu, không hồ sơ nào dùng"),
        _removed_from_store,
        _delete_with_file,
    ),
    Rule("archive", _("Giấy tờ của hồ sơ đã đóng, hết thời hạn lưu trữ"), _archive_expired, _purge_documents),
]


def apply(*, dry_run=False, now=None, progress=None, only=None):
    """{rule name: how many items were (or, with dry_run, would be) removed}. `progress(rule, done, total)`."""
    now = now or timezone.now()
    counts = {}
    for rule in RULES:
        if only and rule.name not in only:
            continue
        items = list(rule.find(now))
        counts[rule.name] = len(items)
        if dry_run:
            continue
        for done, item in enumerate(items, 1):
            rule.remove(item, now)
            if progress:
                progress(rule, done, len(items))
    return counts
