"""Meetings' test data: a council session under way, its secretary, chair and delegates, an agenda
with a PDF document, taken through the real services."""

import datetime as dt
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.meetings import sample_pdf
from government.models import AgencyKind, Role, StaffRole
from meetings.models import DocumentKind, ParticipantRole
from meetings.services import attendance, documents, meetings
from tests.factories import AgencyFactory, UnitFactory, UserFactory, staff


def delegate(username):
    user = UserFactory(username=username, first_name=username.title(), last_name="Đại biểu")
    StaffRole.objects.create(user=user, role=Role.DELEGATE)
    return user


def pdf(name="du-thao.pdf", title="Dự thảo Nghị quyết", text="Điều 1. Thông qua kế hoạch đầu tư công năm 2027."):
    return SimpleUploadedFile(name, sample_pdf(title, [text]), content_type="application/pdf")


def session(name="Võ Nhai", delegates=4, starts=None, hours=8, body=AgencyKind.COUNCIL, statutory=None):
    """A session of the council of a district (or a meeting of its People's Committee, `body`) that
    started an hour ago (or at `starts`), with its chair, delegates and one document. `statutory`: the
    body's statutory number of delegates."""
    unit = UnitFactory(short_name=name)
    agency = AgencyFactory(
        unit=unit,
        kind=body,
        statutory_members=statutory,
        name=f"{'Hội đồng nhân dân' if body == AgencyKind.COUNCIL else 'Ủy ban nhân dân'} "
        f"{unit.name[:1].lower()}{unit.name[1:]}",
    )
    secretary = staff(Role.MEETING_SECRETARY, agency, username=f"thuky-{agency.pk}")
    starts = starts or timezone.now() - dt.timedelta(hours=1)
    meeting = meetings.create_meeting(
        secretary,
        title=f"Kỳ họp HĐND {name}",
        place="Hội trường",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=hours),
    )
    chair = delegate(f"chutoa-{agency.pk}")
    people = [delegate(f"daibieu{n}-{agency.pk}") for n in range(1, delegates + 1)]
    meetings.seat(secretary, meeting, [chair], ParticipantRole.CHAIR)
    meetings.seat(secretary, meeting, people, ParticipantRole.DELEGATE)
    item = meetings.add_item(secretary, meeting, title="Nghị quyết về đầu tư công", presenter="Ban Kinh tế - Xã hội")
    draft = documents.add_document(secretary, item, kind=DocumentKind.MAIN, title="Dự thảo Nghị quyết", upload=pdf())
    return SimpleNamespace(
        agency=agency, meeting=meeting, secretary=secretary, chair=chair, delegates=people, item=item, draft=draft
    )


def present(council, *people):
    """The secretary records `people` (every voter when none is named) present."""
    for person in people or [council.chair, *council.delegates]:
        seat = council.meeting.participants.get(user=person)
        attendance.mark_present(council.secretary, council.meeting, seat)
