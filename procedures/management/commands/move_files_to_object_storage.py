"""Copy the dossier files on local disk into the object storage now configured, checking each copy.

    OBJECT_STORAGE_ENDPOINT=... manage.py move_files_to_object_storage [--delete-local]

Safe to run again: a file already in the bucket with the same SHA-256 is left alone; a different one
is copied again. Local files are removed only with --delete-local, and only after their copy checked.
"""

import hashlib

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from government.storage import current_storage, local_storage
from procedures.models import DossierDocument, DossierEventFile, PendingUpload

MODELS = (DossierDocument, DossierEventFile, PendingUpload)


def _sha256(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Copy dossier files from the local folder into the configured object storage, verified by SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("--delete-local", action="store_true", help="remove each local file once its copy checked")

    def handle(self, *args, delete_local, **options):
        local, remote = local_storage(), current_storage()
        if remote is local:
            raise CommandError("OBJECT_STORAGE_ENDPOINT is not set: there is nowhere to move the files to.")
        names = [name for model in MODELS for name in model.objects.exclude(file="").values_list("file", flat=True)]
        counts = {"copied": 0, "already there": 0, "missing locally": 0, "failed": 0}
        for name in tqdm(names, desc="files", unit="", disable=None):
            if not local.exists(name):
                counts["missing locally"] += 1
                continue
            checksum = _sha256(local, name)
            if remote.exists(name) and _sha256(remote, name) == checksum:
                counts["already there"] += 1
            else:
                if remote.exists(name):
                    remote.delete(name)
                with local.open(name, "rb") as handle:
                    stored = remote.save(name, handle)
                if stored != name or _sha256(remote, name) != checksum:
                    counts["failed"] += 1
                    self.stderr.write(f"copy of {name} does not match; the local file is kept")
                    continue
                counts["copied"] += 1
            if delete_local:
                local.delete(name)
        self.stdout.write(", ".join(f"{count} {label}" for label, count in counts.items()))
        if counts["failed"]:
            raise CommandError("some copies did not match; run again")
