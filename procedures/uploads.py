"""Checking a citizen's upload before it is stored: type by content, size, a safe name.

The type is what the first bytes say, whatever the name claims; an image must also decode.
"""

import hashlib
import io
import os
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from procedures.exceptions import DomainError

SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
MAX_NAME = 100


class UploadRejected(DomainError):
    pass


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    content: bytes
    sha256: str

    @property
    def size(self):
        return len(self.content)


def check_upload(uploaded, *, already_stored_bytes=0):
    """Read and check one uploaded file; raises `UploadRejected` with a message for the citizen."""
    limit = settings.UPLOAD_MAX_FILE_MB * 1024 * 1024
    if uploaded.size > limit:
        raise UploadRejected(
            _("Tệp “%(name)s” dung lượng %(size)s MB, vượt quá giới hạn %(limit)s MB mỗi tệp.")
            % {"name": _display(uploaded.name), "size": _mb(uploaded.size), "limit": settings.UPLOAD_MAX_FILE_MB}
        )
    if already_stored_bytes + uploaded.size > settings.UPLOAD_MAX_DOSSIER_MB * 1024 * 1024:
        raise UploadRejected(
            _("Tổng dung lượng các tệp của hồ sơ vượt quá %(limit)s MB. Hãy giảm độ phân giải ảnh chụp hoặc gộp trang.")
            % {"limit": settings.UPLOAD_MAX_DOSSIER_MB}
        )
    content = uploaded.read()
    kind = next((kind for kind in SIGNATURES if content.startswith(kind[0])), None)
    if kind is None or (kind[1] != "application/pdf" and not _decodes(content)):
        raise UploadRejected(
            _("Tệp “%(name)s” không phải tệp PDF, JPEG hoặc PNG hợp lệ (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp).")
            % {"name": _display(uploaded.name)}
        )
    content_type, extension = kind[1:]
    return CheckedUpload(safe_name(uploaded.name, extension), content_type, content, hashlib.sha256(content).hexdigest())


def checked_attachments(uploads):
    """Files an officer attaches to a lifecycle action, each checked: [(safe name, bytes)]."""
    return [(checked.name, checked.content) for checked in map(check_upload, uploads)]


def safe_name(name, extension):
    """The file's own name without any folder part, only letters (Vietnamese included), digits, - _ ."""
    base = os.path.basename(str(name).replace("\\", "/"))
    stem = os.path.splitext(unicodedata.normalize("NFC", base))[0]
    stem = get_valid_filename(stem.replace(" ", "_")) if stem.strip(". ") else ""
    stem = stem.lstrip(".")[:MAX_NAME] or "tep"
    return f"{stem}{extension}"


def _decodes(content):
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def _display(name):
    return os.path.basename(str(name).replace("\\", "/"))[:MAX_NAME]


def _mb(size):
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")
