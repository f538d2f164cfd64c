"""Each written retention rule removes what has outlived its period, and nothing else; a dry run
changes nothing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from privacy import retention
from privacy.models import RegistryLookup
from procedures.models import Dossier, PendingUpload
from procedures.services import counter, filing
from tests.portal.citizens.helpers import returned
from tests.uploads import png

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _draft(world, days_ago):
    draft, _message = filing.start_online(
        world.citizen, world.simple, world.commune_agency, consent=False, at=NOW - dt.timedelta(days=days_ago)
    )
    document = filing.attach_document(draft, world.citizen, world.simple.required_documents.first(), png())
    type(document).objects.filter(pk=document.pk).update(uploaded_at=NOW - dt.timedelta(days=days_ago))
    return draft, document


def test_drafts_untouched_for_90_days_go_with_their_files(world):
    old, old_file = _draft(world, 91)
    recent, _ = _draft(world, 10)
    path = old_file.file.path
    assert retention.apply(dry_run=True, now=NOW, only=["drafts"]) == {"drafts": 1}
    assert Dossier.objects.filter(pk=old.pk).exists()
    assert retention.apply(now=NOW, only=["drafts"]) == {"drafts": 1}
    assert not Dossier.objects.filter(pk=old.pk).exists() and Dossier.objects.filter(pk=recent.pk).exists()
    import os

    assert not os.path.exists(path)


def test_lookup_records_go_after_24_months(world):
    old = RegistryLookup.objects.create(
        id_digest="a", masked_id="019******234", outcome="ok", at=NOW - dt.timedelta(days=745)
    )
    kept = RegistryLookup.objects.create(
        id_digest="a", masked_id="019******234", outcome="ok", at=NOW - dt.timedelta(days=700)
    )
    assert retention.apply(now=NOW, only=["lookups"]) == {"lookups": 1}
    assert list(RegistryLookup.objects.all()) == [kept] and not RegistryLookup.objects.filter(pk=old.pk).exists()


def test_counter_scans_never_filed_go_after_a_day(world):
    import uuid

    batch = uuid.uuid4()
    counter.stage_scans(world.xa_motcua, batch, world.simple.required_documents.first(), [png(), png("b.png")])
    PendingUpload.objects.filter(name="scan.png").update(created_at=NOW - dt.timedelta(hours=25))
    assert retention.apply(now=NOW, only=["scans"]) == {"scans": 1}
    assert list(PendingUpload.objects.values_list("name", flat=True)) == ["b.png"]


def test_closed_dossiers_keep_their_documents_until_the_archive_period_ends_and_never_without_one(world):
    dossier = returned(world)
    world.simple.retention_years = None
    world.simple.save()
    far = NOW + dt.timedelta(days=366 * 30)
    assert retention.apply(now=far, only=["archive"]) == {"archive": 0}  # permanent: never
    world.simple.retention_years = 5
    world.simple.save()
    assert retention.apply(now=NOW + dt.timedelta(days=366 * 4), only=["archive"]) == {"archive": 0}  # not yet
    assert retention.apply(now=NOW + dt.timedelta(days=366 * 5 + 1), only=["archive"]) == {"archive": 1}
    dossier.refresh_from_db()
    assert not dossier.documents.exists() and dossier.documents_purged_at is not None
    assert dossier.events.exists()  # the processing log is a record: it stays


def test_the_command_reports_a_dry_run_and_shows_progress(world):
    _draft(world, 120)
    out, err = io.StringIO(), io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out, stderr=err)
    assert "chạy thử" in out.getvalue() and "drafts" in out.getvalue() and not err.getvalue()
    assert Dossier.objects.count() == 1
    call_command("apply_retention", stdout=out, stderr=err)
    assert "[##############################] 1/1" in err.getvalue()
    assert Dossier.objects.count() == 0


def test_papers_removed_from_a_store_go_after_30_days_unless_a_dossier_used_them(world):
    """Issue 39: the store's removed uploads leave with their rows; one a dossier used stays with it."""
    from procedures.models import StoredDocument
    from procedures.services import store
    from tests.factories import DocumentKindFactory, local, needing
    from tests.uploads import pdf

    world.citizen.identity_verified_at = local(2026, 1, 1, 8, 0)
    world.citizen.save(update_fields=["identity_verified_at"])
    kind = DocumentKindFactory()
    lone = store.add_upload(world.citizen, kind, pdf("mot.pdf"))
    used = store.add_upload(world.citizen, kind, pdf("hai.pdf"))
    procedure, document = needing(world, kind)
    draft, _message = filing.start_online(world.citizen, procedure, world.commune_agency, consent=False)
    store.reuse(draft, world.citizen, document, used.pk)
    for item in (lone, used):
        store.remove(world.citizen, item.pk, at=NOW - dt.timedelta(days=31))
    assert retention.apply(now=NOW, only=["store"]) == {"store": 1}
    assert list(StoredDocument.objects.values_list("pk", flat=True)) == [used.pk]
    assert used.file.storage.exists(used.file.name)
