"""Checking an upload (a citizen's, an officer's scan, a clerk's document) before it is stored: type
by content, size, a safe name.

The type is what the first bytes say, whatever the name claims, and then the file must really be
one: a PDF is parsed (pypdf) and refused when it is encrypted or can run something when opened
(JavaScript, launch actions, another file, embedded files, XFA, an address opened by itself, a link
to script or to a file), read as a viewer reads it (the last of two equal keys, inherited entries);
an image is decoded under a pixel limit, so that
no "image bomb" reaches storage or an officer's preview.
"""

import hashlib
import io
import logging
import os
import threading
import unicodedata
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from government.exceptions import DomainError

SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
MAX_NAME = 100
# Keys and action types that make a PDF do something when opened; a scanned paper never needs them.
ACTIVE_PDF_KEYS = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/RichMedia", "/XFA"}
ACTIVE_PDF_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/GoToE",
    "/RichMediaExecute",
    "/GoToR",
}  # another file: a UNC path (\\\\host\\share) hands the reader's Windows login to it
# A link may open a web page when clicked; it may not run script or reach files, and nothing may
# open an address by itself (on opening the file or a page, on a field's focus: /OpenAction, /AA).
UNSAFE_URI_SCHEMES = ("javascript:", "vbscript:", "data:", "file:", "\\\\")
MAX_PDF_OBJECTS = 200_000  # a walk over more objects than any real scan has is itself a refusal
logger = logging.getLogger(__name__)


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
    if kind is None:
        raise UploadRejected(
            _(
                "Tệp “%(name)s” không phải tệp PDF, JPEG hoặc PNG hợp lệ (hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp)."
            )
            % {"name": _display(uploaded.name)}
        )
    problem = _pdf_problem(content) if kind[1] == "application/pdf" else _image_problem(content)
    if problem:
        raise UploadRejected(problem % {"name": _display(uploaded.name)})
    content_type, extension = kind[1:]
    return CheckedUpload(
        safe_name(uploaded.name, extension), content_type, content, hashlib.sha256(content).hexdigest()
    )


def check_uploads(uploads, *, already_stored_bytes=0):
    """Check several files sent together, the per-dossier limit counting each one already accepted."""
    checked, total = [], already_stored_bytes
    for upload in uploads:
        checked.append(check_upload(upload, already_stored_bytes=total))
        total += checked[-1].size
    return checked


def checked_attachments(uploads, *, already_stored_bytes=0):
    """Files an officer attaches to a lifecycle action, each checked: [(safe name, bytes)]."""
    return [
        (checked.name, checked.content) for checked in check_uploads(uploads, already_stored_bytes=already_stored_bytes)
    ]


def safe_name(name, extension):
    """The file's own name without any folder part, only letters (Vietnamese included), digits, - _ ."""
    base = os.path.basename(str(name).replace("\\", "/"))
    stem = os.path.splitext(unicodedata.normalize("NFC", base))[0]
    stem = get_valid_filename(stem.replace(" ", "_")) if stem.strip(". ") else ""
    stem = stem.lstrip(".")[:MAX_NAME] or "tep"
    return f"{stem}{extension}"


def max_image_pixels():
    return settings.UPLOAD_MAX_IMAGE_MEGAPIXELS * 1_000_000


def image_within_limit(stored):
    """Whether a stored image's header announces no more pixels than the limit (read, not decoded)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stored) as image:
                width, height = image.size
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError, ValueError):
        return False
    return width * height <= max_image_pixels()


def _image_problem(content):
    """None for an image that decodes within the pixel limit; else the message (with %(name)s)."""
    try:
        with warnings.catch_warnings():
            # Our own limit decides; Pillow's hard stop (about 179 MP) stays as the last guard.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                width, height = image.size
                if width * height > max_image_pixels():
                    return _(
                        "Ảnh “%(name)s” có {pixels} triệu điểm ảnh, vượt quá giới hạn {limit} triệu. "
                        "Hãy chụp lại ở độ phân giải thấp hơn."
                    ).format(pixels=_number(width * height / 1_000_000), limit=settings.UPLOAD_MAX_IMAGE_MEGAPIXELS)
                image.draft("RGB", (width // 4 or 1, height // 4 or 1))  # JPEG: decode at a quarter, enough to prove it
                image.load()
    except Image.DecompressionBombError:
        return _("Ảnh “%(name)s” quá lớn (số điểm ảnh vượt giới hạn). Hãy chụp lại ở độ phân giải thấp hơn.")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return _("Tệp “%(name)s” không phải ảnh JPEG hoặc PNG hợp lệ (ảnh bị hỏng hoặc không đọc được).")
    return None


class _DuplicateKeys(logging.Handler):
    """Notes pypdf's word that a dictionary names a key twice, for this thread's file only. pypdf keeps
    the first value where viewers take the last, so such a file reads differently in each: refused."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.thread, self.seen = threading.get_ident(), False

    def emit(self, record):
        if record.thread == self.thread and "Multiple definitions in dictionary" in str(record.msg):
            self.seen = True


def _pdf_problem(content):
    """None for a PDF that parses, is not encrypted and cannot run anything; else the message."""
    duplicates = _DuplicateKeys()
    pypdf_log = logging.getLogger("pypdf")
    pypdf_log.addHandler(duplicates)
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            return _("Tệp “%(name)s” được đặt mật khẩu hoặc mã hóa. Hãy tải lên bản không mã hóa.")
        if len(reader.pages) == 0:
            raise ValueError("no pages")
        active = _active_content(reader) or ("duplicate keys" if duplicates.seen else None)
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on a broken file: all mean "not a PDF"
        logger.info("PDF upload refused: %s", error.__class__.__name__)
        return _("Tệp “%(name)s” không phải tệp PDF hợp lệ (không đọc được nội dung).")
    finally:
        pypdf_log.removeHandler(duplicates)
    if active:
        logger.info("PDF upload refused: %s", active)
        return _(
            "Tệp “%(name)s” chứa mã lệnh, tệp đính kèm hoặc biểu mẫu động; hệ thống chỉ nhận PDF tĩnh. "
            "Hãy in lại ra PDF (Print to PDF) hoặc quét bản giấy."
        )
    return None


def _active_content(reader):
    """The first active key or action found in the objects a viewer can reach from the trailer,
    parents included: a viewer climbs from a page or a widget to its /Parent for what they inherit,
    even to a parent that no tree names."""
    stack, seen, count = [reader.trailer], set(), 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            ref = (item.idnum, item.generation)
            if ref in seen:
                continue
            seen.add(ref)
            item = item.get_object()
        count += 1
        if count > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(item, DictionaryObject):
            found = ACTIVE_PDF_KEYS.intersection(item.keys()) or _unsafe_uri(item) or _automatic_uri(item)
            if found or item.get("/S") in ACTIVE_PDF_ACTIONS:
                return found.pop() if found else item["/S"]
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def _unsafe_uri(action):
    """{"/URI"} for a URI action whose address runs script or reaches a file, else an empty set."""
    if action.get("/S") != "/URI":
        return set()
    address = "".join(ch for ch in str(action.get("/URI", "")) if ch > " ").lower()
    return {"/URI"} if address.startswith(UNSAFE_URI_SCHEMES) else set()


def _automatic_uri(item):
    """{"/URI"} when an action that runs by itself — the document's /OpenAction, any trigger of an
    /AA, and the /Next actions they chain — opens an address, else an empty set."""
    automatic = [item.get("/OpenAction")]
    triggers = item.get("/AA")
    if triggers is not None:
        triggers = triggers.get_object()
        if isinstance(triggers, DictionaryObject):
            automatic.extend(triggers.values())
    for _hop in range(32):  # a chain of /Next, bounded
        following = []
        for action in automatic:
            action = action.get_object() if action is not None else None
            if isinstance(action, ArrayObject):
                following.extend(action)
            elif isinstance(action, DictionaryObject):
                if action.get("/S") == "/URI":
                    return {"/URI"}
                following.append(action.get("/Next"))
        automatic = [action for action in following if action is not None]
        if not automatic:
            break
    return set()


def _display(name):
    return os.path.basename(str(name).replace("\\", "/"))[:MAX_NAME]


def _number(value):
    return f"{value:.1f}".replace(".", ",")


def _mb(size):
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")
