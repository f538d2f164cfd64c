"""Where private files live (dossiers' and documents'): never served by URL; on local disk, or in
S3-compatible object storage.

Citizens' documents are personal data and an agency's documents are its own; they leave the server
only through views that check who is asking, which stream them from wherever they are stored. With
OBJECT_STORAGE_ENDPOINT set they go to a private bucket (django-storages, boto3), so that any
application server can serve any file; without it, to PRIVATE_MEDIA_ROOT (the embedded default).
"""

import os
from functools import cache

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from storages.backends.s3 import S3Storage


class PrivateStorage(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT at each use, so that tests and deployments can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


_storage = PrivateStorage()


@cache
def _object_storage(endpoint, bucket, access_key, secret_key, region, prefix):
    # No public URLs (querystring_auth off, no ACL): files are read by the views, never linked to.
    return S3Storage(
        endpoint_url=endpoint,
        bucket_name=bucket,
        access_key=access_key,
        secret_key=secret_key,
        region_name=region or None,
        location=prefix,
        default_acl=None,
        querystring_auth=False,
        file_overwrite=False,
        addressing_style="path",
        signature_version="s3v4",
    )


def local_storage():
    return _storage


def current_storage():
    """The storage the settings name now: object storage with an endpoint, else the local folder."""
    config = settings.OBJECT_STORAGE
    if not config["ENDPOINT"]:
        return _storage
    return _object_storage(
        config["ENDPOINT"],
        config["BUCKET"],
        config["ACCESS_KEY"],
        config["SECRET_KEY"],
        config["REGION"],
        config["PREFIX"],
    )


class SwitchingStorage(Storage):
    """What the models' FileFields hold. Django calls a field's storage callable once, when the model
    class is made; this object asks the settings at every use instead, so that one process (a test,
    the moving command) can change where files go."""

    def _open(self, name, mode="rb"):
        return current_storage().open(name, mode)

    def _save(self, name, content):
        return current_storage().save(name, content)

    def __getattribute__(self, name):
        if name in _FORWARDED:
            return getattr(current_storage(), name)
        return super().__getattribute__(name)


_FORWARDED = {
    "get_valid_name",
    "get_alternative_name",
    "get_available_name",
    "generate_filename",
    "path",
    "delete",
    "exists",
    "listdir",
    "size",
    "url",
    "get_accessed_time",
    "get_created_time",
    "get_modified_time",
}
_switching = SwitchingStorage()


def private_storage():
    return _switching


def check_storage():
    """Raises if the private files cannot be reached: the bucket with the portal's credentials, or a
    writable local folder. Returns where they are (the readiness check and the Kết nối page)."""
    storage = current_storage()
    if storage is not _storage:
        storage.exists(".health-probe")
        return f"{settings.OBJECT_STORAGE['ENDPOINT']} / {settings.OBJECT_STORAGE['BUCKET']}"
    root = str(settings.PRIVATE_MEDIA_ROOT)
    os.makedirs(root, exist_ok=True)
    if not os.access(root, os.W_OK):
        raise PermissionError(f"{root} is not writable")
    return root
