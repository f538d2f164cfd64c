"""Issue 17: dossier files in S3-compatible object storage (SeaweedFS here), private, served through
the permission checks, and moved from local disk by a command that verifies every copy."""

import hashlib

import pytest
from django.core.management import CommandError, call_command

from government.storage import local_storage
from procedures.models import DossierDocument
from procedures.services import filing
from tests.uploads import pdf

from .conftest import SECRET, keys

pytestmark = pytest.mark.django_db


def _draft_with_file(world, client):
    client.force_login(world.citizen)
    draft, _message = filing.start_online(world.citizen, world.simple, world.commune_agency, consent=False)
    document = world.simple.required_documents.first()
    filing.attach_document(draft, world.citizen, document, pdf("giay-to.pdf"))
    return draft, draft.documents.get()


def test_an_upload_lands_in_the_bucket_and_comes_back_only_to_its_owner(world, client, object_storage):
    draft, stored = _draft_with_file(world, client)
    assert keys(object_storage) == [f"{object_storage['prefix']}/{stored.file.name}"]
    assert not local_storage().exists(stored.file.name)
    response = client.get(f"/ho-so/{draft.pk}/tep/{stored.pk}/")
    body = b"".join(response.streaming_content)
    assert response.status_code == 200 and hashlib.sha256(body).hexdigest() == stored.sha256
    assert "no-store" in response["Cache-Control"]
    client.force_login(world.other_citizen)
    assert client.get(f"/ho-so/{draft.pk}/tep/{stored.pk}/").status_code == 404
    # The bucket gives nothing to anyone without credentials (no public URL, no public ACL).
    import requests

    direct = requests.get(
        f"{object_storage['endpoint']}/{object_storage['bucket']}/{keys(object_storage)[0]}", timeout=5
    )
    assert direct.status_code == 403


def test_removing_a_file_removes_the_object(world, client, object_storage):
    draft, stored = _draft_with_file(world, client)
    filing.remove_document(draft, world.citizen, stored.pk)
    assert keys(object_storage) == []


def test_the_move_command_copies_verifies_and_can_run_again(world, client, settings, seaweedfs):
    settings.OBJECT_STORAGE = {**settings.OBJECT_STORAGE, "ENDPOINT": ""}
    with pytest.raises(CommandError):
        call_command("move_files_to_object_storage")
    draft, stored = _draft_with_file(world, client)  # on local disk
    filing.attach_document(
        draft, world.citizen, world.simple.required_documents.first(), pdf("second.pdf", padding=20_000)
    )
    assert local_storage().exists(stored.file.name)
    storage = {**seaweedfs, "prefix": "moved"}
    settings.OBJECT_STORAGE = {
        "ENDPOINT": seaweedfs["endpoint"],
        "BUCKET": seaweedfs["bucket"],
        "ACCESS_KEY": "test",
        "SECRET_KEY": SECRET,
        "REGION": "us-east-1",
        "PREFIX": "moved",
    }
    from io import StringIO

    out = StringIO()
    call_command("move_files_to_object_storage", stdout=out)
    assert "2 copied" in out.getvalue()
    assert sorted(keys(storage)) == sorted(f"moved/{d.file.name}" for d in DossierDocument.objects.all())
    out = StringIO()
    call_command("move_files_to_object_storage", "--delete-local", stdout=out)
    assert "2 already there" in out.getvalue() and not local_storage().exists(stored.file.name)
    response = client.get(f"/ho-so/{draft.pk}/tep/{stored.pk}/")  # now read from the bucket
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == stored.sha256


def test_the_connections_page_checks_the_bucket(object_storage, settings):
    from portal.connections import CONNECTIONS, check

    files = next(c for c in CONNECTIONS if c.slug == "luu-tru")
    assert check(files).ok
    settings.OBJECT_STORAGE = {**settings.OBJECT_STORAGE, "SECRET_KEY": "wrong"}
    state = check(files)
    assert not state.ok and ("SECRET_KEY", "•••• (đã đặt)") in state.settings
