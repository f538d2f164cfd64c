"""Incoming documents: registered by the clerk, assigned by a leader, handled and closed (Decree 30/2020,
articles 20–24)."""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import (
    Assignment,
    AssignmentRole,
    Channel,
    Delivery,
    DeliveryStatus,
    Direction,
    DocumentFile,
    IncomingDocument,
    IncomingState,
    Outcome,
    OutgoingState,
    ProgressNote,
)
from documents.policy import NotAllowed, is_clerk_of, is_leader_of, require
from government.calendar import LOCAL_TZ
from government.exceptions import DomainError
from government.selectors import agency_of
from government.uploads import check_uploads

from .registers import take_number


class ClassifiedRefused(DomainError):
    default_message = gettext_lazy(
        "Văn bản mật không được đăng ký, xử lý trên hệ thống. Hãy vào sổ văn bản mật bằng giấy và chuyển bản "
        "giấy theo quy định về bảo vệ bí mật nhà nước."
    )


class IncomingRefused(DomainError):
    pass


@dataclass(frozen=True)
class IncomingEntry:
    """What the clerk copies from the document into the register."""

    sender: str
    number_symbol: str
    issued_on: dt.date
    document_type: object
    excerpt: str
    urgency: str
    channel: str
    answer_due: dt.date | None = None
    received_at: dt.datetime | None = None


def register_incoming(clerk, entry, *, files=(), classified=False):
    """Give the document the next "số đến" of the clerk's agency and store its files; nothing is
    written unless everything is accepted."""
    agency = agency_of(clerk)
    require(is_clerk_of(clerk, agency), _("Chỉ văn thư của cơ quan được vào sổ văn bản đến."))
    if classified:
        raise ClassifiedRefused()
    received_at = entry.received_at or timezone.now()
    _check_dates(entry, received_at)
    checked = check_uploads(files)
    if entry.channel == Channel.PAPER and not checked:
        raise IncomingRefused(_("Văn bản nhận bằng giấy phải có bản quét kèm theo."))
    with transaction.atomic():
        document = _record(agency, entry, received_at, clerk)
        for upload in checked:
            _store_file(document, upload.name, upload.content_type, upload.content, upload.sha256, clerk)
    return document


def _check_dates(entry, received_at):
    received_on = received_at.astimezone(LOCAL_TZ).date()
    if entry.issued_on > received_on:
        raise IncomingRefused(_("Ngày của văn bản không thể sau ngày văn bản đến."))
    if entry.answer_due and entry.answer_due < received_on:
        raise IncomingRefused(_("Hạn trả lời không thể trước ngày văn bản đến."))


def _record(agency, entry, received_at, clerk, sender_agency=None):
    number = take_number(agency, Direction.INCOMING, received_at)
    return IncomingDocument.objects.create(
        agency=agency,
        year=number.year,
        number=number.number,
        received_at=received_at,
        channel=entry.channel,
        sender=entry.sender,
        sender_agency=sender_agency,
        number_symbol=entry.number_symbol,
        issued_on=entry.issued_on,
        document_type=entry.document_type,
        excerpt=entry.excerpt,
        urgency=entry.urgency,
        answer_due=entry.answer_due,
        registered_by=clerk,
    )


def _store_file(document, name, content_type, content, sha256, user):
    item = DocumentFile(
        document=document, name=name, content_type=content_type, size=len(content), sha256=sha256, added_by=user
    )
    item.file.save(name, ContentFile(content), save=False)
    item.save()
    return item


def receive_delivery(clerk, delivery, *, answer_due=None):
    """The clerk takes an electronic document another agency of the system sent: it goes into the
    incoming register with its issued file, and the sender sees "đã nhận"."""
    require(is_clerk_of(clerk, delivery.agency), _("Chỉ văn thư của cơ quan nhận được tiếp nhận văn bản này."))
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().select_related("document__agency").get(pk=delivery.pk)
        if delivery.status != DeliveryStatus.SENT:
            raise IncomingRefused(_("Văn bản này đã được tiếp nhận."))
        sent = delivery.document
        entry = IncomingEntry(
            sender=sent.agency.name,
            number_symbol=sent.symbol,
            issued_on=sent.issued_on,
            document_type=sent.document_type,
            excerpt=sent.excerpt,
            urgency=sent.urgency,
            channel=Channel.ELECTRONIC,
            answer_due=answer_due,
        )
        now = timezone.now()
        _check_dates(entry, now)
        document = _record(delivery.agency, entry, now, clerk, sender_agency=sent.agency)
        with sent.issued_pdf.open("rb") as handle:
            content = handle.read()
        _store_file(
            document,
            f"{sent.symbol.replace('/', '-')}.pdf",
            "application/pdf",
            content,
            hashlib.sha256(content).hexdigest(),
            clerk,
        )
        delivery.incoming, delivery.status = document, DeliveryStatus.RECEIVED
        delivery.save(update_fields=["incoming", "status", "changed_at"])
    return document


@dataclass(frozen=True)
class Assignee:
    user: object
    due_on: dt.date | None = None


def assign(leader, document, *, handler, cooperating=(), informed=(), note=""):
    """The leader's decision on who handles the document (one person), who cooperates and who is
    informed; given again, it replaces the previous one."""
    require(is_leader_of(leader, document.agency), _("Chỉ lãnh đạo của cơ quan được phân công xử lý văn bản đến."))
    if document.state == IncomingState.CLOSED:
        raise IncomingRefused(_("Văn bản đã xử lý xong, không phân công lại."))
    people = (
        [(AssignmentRole.HANDLE, handler)]
        + [(AssignmentRole.COOPERATE, a) for a in cooperating]
        + [(AssignmentRole.INFORM, a) for a in informed]
    )
    seen = set()
    for _role, assignee in people:
        if agency_of(assignee.user) != document.agency:
            raise NotAllowed(_("%(name)s không thuộc cơ quan nhận văn bản.") % {"name": _name(assignee.user)})
        if assignee.user.pk in seen:
            raise IncomingRefused(
                _("Mỗi người chỉ nhận một vai trò: %(name)s được chọn hai lần.") % {"name": _name(assignee.user)}
            )
        seen.add(assignee.user.pk)
    with transaction.atomic():
        _lock(document)
        document.assignments.all().delete()
        Assignment.objects.bulk_create(
            [
                Assignment(
                    document=document,
                    role=role,
                    assignee=a.user,
                    due_on=a.due_on if role != AssignmentRole.INFORM else None,
                    assigned_by=leader,
                    note=note,
                )
                for role, a in people
            ]
        )
        document.mark_assigned()
        document.save(update_fields=["state"])
        Delivery.objects.filter(incoming=document, status=DeliveryStatus.RECEIVED).update(
            status=DeliveryStatus.HANDLING, changed_at=timezone.now()
        )
    return document


def record_progress(user, document, text):
    if document.state != IncomingState.ASSIGNED:
        raise IncomingRefused(_("Chỉ ghi tiến độ khi văn bản đang được xử lý."))
    require(_works_on(user, document), _("Anh/chị không được giao xử lý văn bản này."))
    return ProgressNote.objects.create(document=document, author=user, text=text)


def close(user, document, *, outcome, answer=None, note=""):
    """The handler (or a leader) closes the document: answered by an issued outgoing document of the
    same agency, or filed."""
    require(
        _handles(user, document) or is_leader_of(user, document.agency),
        _("Chỉ người xử lý chính hoặc lãnh đạo được kết thúc xử lý văn bản."),
    )
    if document.state != IncomingState.ASSIGNED:
        raise IncomingRefused(_("Văn bản chưa được phân công hoặc đã xử lý xong."))
    if outcome == Outcome.ANSWERED:
        if answer is None or answer.agency_id != document.agency_id or answer.state != OutgoingState.ISSUED:
            raise IncomingRefused(_("Hãy chọn văn bản đi đã ban hành của cơ quan trả lời văn bản này."))
    else:
        answer = None
    with transaction.atomic():
        _lock(document)
        if document.state != IncomingState.ASSIGNED:
            raise IncomingRefused(_("Văn bản chưa được phân công hoặc đã xử lý xong."))
        document.outcome, document.answer, document.closed_at = outcome, answer, timezone.now()
        document.mark_closed()
        document.save(update_fields=["outcome", "answer", "closed_at", "state"])
        if note:
            ProgressNote.objects.create(document=document, author=user, text=note)
        Delivery.objects.filter(incoming=document).update(status=DeliveryStatus.DONE, changed_at=timezone.now())
    return document


def _lock(document):
    """Hold the document's row to the end of the transaction and read its state afresh: two leaders
    deciding at once are taken one after the other."""
    IncomingDocument.objects.select_for_update().filter(pk=document.pk).exists()
    document.refresh_from_db(fields=["state"])


def _works_on(user, document):
    return document.assignments.filter(
        assignee=user, role__in=[AssignmentRole.HANDLE, AssignmentRole.COOPERATE]
    ).exists() or is_leader_of(user, document.agency)


def _handles(user, document):
    return document.assignments.filter(assignee=user, role=AssignmentRole.HANDLE).exists()


def _name(user):
    return user.get_full_name() or user.get_username()
