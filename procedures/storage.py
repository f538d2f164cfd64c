"""Where dossier files live: outside MEDIA_ROOT, never served by URL.

Citizens' documents are personal data; they leave the server only through views that check who
is asking (portal/citizens, the back-office).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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


def private_storage():
    return _storage
