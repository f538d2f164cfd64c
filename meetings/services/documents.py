from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from government.uploads import UploadRejected, check_upload

from .. import policy
from ..models import Annotation, AnnotationKind, Comment, DocumentKind, DocumentVersion, MeetingDocument
from ..policy import NotAllowed, require
from .meetings import _organiser

MAX_RECTS = 200  # one highlight over a whole page of lines stays far below this


def _checked_pdf(upload):
    checked = check_upload(upload)
    if checked.content_type != "application/pdf":
        raise UploadRejected(_("Tài liệu họp phải là tệp PDF để đại biểu đọc và ghi chú trên trình duyệt."))
    return checked


@transaction.atomic
def add_document(user, item, *, kind, title, upload=None, url="", is_public=False):
    _organiser(user, item.meeting)
    if kind == DocumentKind.LINK:
        if not url:
            raise NotAllowed(_("Hãy nhập địa chỉ của liên kết ngoài."))
        return MeetingDocument.objects.create(item=item, kind=kind, title=title, url=url, is_public=is_public)
    if upload is None:
        raise NotAllowed(_("Hãy chọn tệp PDF của tài liệu."))
    checked = _checked_pdf(upload)
    document = MeetingDocument.objects.create(item=item, kind=kind, title=title, is_public=is_public)
    _store_version(user, document, checked, number=1, change_note="")
    return document


@transaction.atomic
def replace_document(user, document, *, upload, change_note):
    """A new version becomes current; delegates' notes stay with the version they were written on."""
    _organiser(user, document.item.meeting)
    if document.kind == DocumentKind.LINK:
        raise NotAllowed(_("Liên kết ngoài không có phiên bản để thay."))
    if not change_note.strip():
        raise NotAllowed(_("Hãy ghi nội dung thay đổi để đại biểu biết bản mới khác gì."))
    checked = _checked_pdf(upload)
    locked = MeetingDocument.objects.select_for_update().get(pk=document.pk)
    last = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return _store_version(user, locked, checked, number=last + 1, change_note=change_note.strip())


def _store_version(user, document, checked, *, number, change_note):
    version = DocumentVersion(
        document=document,
        number=number,
        name=checked.name,
        size=checked.size,
        sha256=checked.sha256,
        change_note=change_note,
        uploaded_by=user,
    )
    version.file.save(f"v{number}-{checked.name}", ContentFile(checked.content), save=False)
    version.save()
    return version


def _reader(user, version):
    seat = policy.seat_of(user, version.document.item.meeting)
    require(seat is not None, _("Anh/chị không có tên trong danh sách dự họp."))
    return seat


def _clean_rects(rects):
    if not isinstance(rects, list) or len(rects) > MAX_RECTS:
        raise NotAllowed(_("Vùng đánh dấu không hợp lệ."))
    clean = []
    for rect in rects:
        if not isinstance(rect, dict):
            raise NotAllowed(_("Vùng đánh dấu không hợp lệ."))
        try:
            values = [float(rect[key]) for key in ("x", "y", "w", "h")]
        except (KeyError, TypeError, ValueError):
            raise NotAllowed(_("Vùng đánh dấu không hợp lệ.")) from None
        x, y, w, h = values
        if not (0 <= x <= 1 and 0 <= y <= 1 and 0 < w <= 1 and 0 < h <= 1):
            raise NotAllowed(_("Vùng đánh dấu không hợp lệ."))
        clean.append({"x": round(x, 5), "y": round(y, 5), "w": round(w, 5), "h": round(h, 5)})
    return clean


@transaction.atomic
def annotate(user, version, *, kind, page, quote="", rects=(), text=""):
    _reader(user, version)
    rects = _clean_rects(list(rects))
    if kind == AnnotationKind.HIGHLIGHT and not rects:
        raise NotAllowed(_("Hãy bôi đen đoạn văn cần đánh dấu."))
    if kind == AnnotationKind.NOTE and not text.strip():
        raise NotAllowed(_("Ghi chú chưa có nội dung."))
    return Annotation.objects.create(
        version=version, owner=user, kind=kind, page=page, quote=quote.strip(), rects=rects, text=text.strip()
    )


@transaction.atomic
def delete_annotation(user, annotation):
    require(annotation.owner_id == user.pk)
    annotation.delete()


@transaction.atomic
def comment(user, document, *, text, version=None, page=None, quote="", shared_with_delegates=False):
    seat = policy.seat_of(user, document.item.meeting)
    require(seat is not None and not seat.is_organiser, _("Chỉ đại biểu và khách mời mới góp ý vào tài liệu."))
    if document.item.meeting.is_over:
        raise NotAllowed(_("Kỳ họp đã kết thúc; không nhận thêm góp ý."))
    if version is not None and version.document_id != document.pk:
        raise NotAllowed()
    return Comment.objects.create(
        document=document,
        version=version,
        author=user,
        page=page,
        quote=quote.strip(),
        text=text.strip(),
        shared_with_delegates=shared_with_delegates,
    )
