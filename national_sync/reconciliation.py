"""What the national portal holds against the local truth, for a period."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from national_portal_adapter.client import get_portal
from procedures.models import Dossier

from . import services
from .models import OutboxMessage

MISSING, STALE, UNKNOWN = "missing", "stale", "unknown"


@dataclass
class Report:
    checked: int = 0
    differences: dict = field(default_factory=lambda: {MISSING: [], STALE: [], UNKNOWN: []})
    requeued: int = 0

    @property
    def clean(self):
        return not any(self.differences.values())

    def lines(self):
        yield f"{self.checked} dossiers compared"
        for kind, items in self.differences.items():
            yield f"{kind}: {len(items)}" + (f" ({', '.join(code for code, *_ in items[:10])}…)" if items else "")
        if self.requeued:
            yield f"{self.requeued} messages queued again"


def reconcile(since, until, *, portal=None, requeue=False, progress=None):
    """Compare every dossier with a status change in [since, until). `progress(iterable)` wraps the
    loop (tqdm in the command). Differences by kind: MISSING (statuses the portal lacks), STALE (its
    latest status is not ours), UNKNOWN (a code it holds that does not exist here)."""
    portal = portal or get_portal()
    tz = timezone.get_default_timezone()
    held = portal.held(since.astimezone(tz), until.astimezone(tz))
    ours = defaultdict(list)
    touched = set(
        OutboxMessage.objects.filter(created_at__gte=since, created_at__lt=until).values_list("dossier_id", flat=True)
    )
    for dossier_id, code, status in (
        OutboxMessage.objects.filter(dossier_id__in=touched)
        .order_by("dossier_id", "id")
        .values_list("dossier_id", "payload__MaHoSo", "status_code")
    ):
        ours[code].append(status)
    report = Report(checked=len(ours))
    for code in (progress or iter)(sorted(ours)):
        statuses = ours[code]
        theirs = held.get(code, [])
        if not set(statuses) <= set(theirs) or len(theirs) < len(statuses):
            report.differences[MISSING].append((code, statuses, theirs))
        elif theirs[-1] != statuses[-1]:
            report.differences[STALE].append((code, statuses, theirs))
    known = set(Dossier.objects.filter(code__in=[c for c in held if c not in ours]).values_list("code", flat=True))
    report.differences[UNKNOWN] = [(code, [], held[code]) for code in held if code not in ours and code not in known]
    if requeue:
        codes = [code for kind in (MISSING, STALE) for code, *_ in report.differences[kind]]
        report.requeued = services.requeue_dossiers(codes) if codes else 0
    return report
