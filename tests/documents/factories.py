"""Documents' test data: agencies with their clerk, leader and specialist; scans; documents taken
through their real path."""

import io
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen import canvas

from documents.models import Channel, DocumentType, Urgency
from documents.services import incoming, outgoing
from government.models import Role
from tests.factories import AgencyFactory, UnitFactory, local, staff


def office(name):
    agency = AgencyFactory(unit=UnitFactory(short_name=name))
    return SimpleNamespace(
        agency=agency,
        clerk=staff(Role.CLERK, agency, username=f"vanthu-{agency.pk}"),
        leader=staff(Role.LEADER, agency, username=f"lanhdao-{agency.pk}"),
        specialist=staff(Role.SPECIALIST, agency, username=f"chuyenvien-{agency.pk}"),
    )


def two_offices():
    """Two agencies of the system, each with its clerk, leader and specialist."""
    return SimpleNamespace(ubnd=office("Phú Thượng"), so=office("Tân Long"))


def kind(name):
    return DocumentType.objects.get(name=name)


def scan(name="cong-van.pdf", text="Cong van so 123"):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def entry(**fields):
    values = dict(
        sender="Sở Nội vụ tỉnh Thái Nguyên",
        number_symbol="123/SNV-CCHC",
        issued_on=local(2026, 11, 20).date(),
        document_type=kind("Công văn"),
        excerpt="V/v rà soát thủ tục hành chính cấp xã",
        urgency=Urgency.NORMAL,
        channel=Channel.PAPER,
        received_at=local(2026, 11, 24, 9, 0),
    )
    values.update(fields)
    return incoming.IncomingEntry(**values)


def issued(office, *, type_name="Quyết định", addressees=(), external=(), at=None, body="Điều 1. Nội dung.", **extra):
    """A document through the whole path: drafted, submitted, signed by the leader, issued by the clerk.
    A công văn with nobody named goes to the province's Department of Home Affairs, outside the system
    (a công văn must have its "Kính gửi")."""
    if type_name == "Công văn" and not addressees and not external:
        external = [{"code": "000.00.01.H50", "name": "Sở Nội vụ tỉnh Thái Nguyên"}]
    document = outgoing.create_draft(
        office.specialist,
        document_type=kind(type_name),
        excerpt=extra.pop("excerpt", "Về việc công bố thủ tục hành chính"),
        signer=office.leader,
        signer_title="CHỦ TỊCH",
        body=body,
        addressees=addressees,
        external_addressees=external,
        **extra,
    )
    outgoing.submit(office.specialist, document)
    outgoing.sign(office.leader, document)
    return outgoing.issue(office.clerk, document, at=at or local(2026, 11, 25, 10, 0))
