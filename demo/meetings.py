"""A demo council session for `make run`: the People's Council of the demo's district (of its commune
under the two-level model), its secretary, a chair and six delegates in two groups (7 of the council's
9 delegates are seated in the demo), an agenda with generated documents (one replaced by a second
version), under way from today. It has already done what a newcomer should see: delegates present (one
absent, who cannot vote until checked in), a closed open vote and a closed secret ballot with their
results, two delegates waiting to speak, and group 1's summary."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from demo.accounts import DemoLogin, demo_user, give_role
from government.models import Agency, AgencyKind, Role, UnitLevel
from government.pdf import build, styles
from meetings.models import Choice, DocumentKind, Meeting, MotionKind, ParticipantRole
from meetings.services import attendance, documents, floor, meetings

SECRETARY = ("hdnd.thuky", "Hoàng Thu", "Phương")
CHAIR = ("hdnd.chutoa", "Dương Văn", "Hòa")
DELEGATES = [
    ("daibieu1", "Lý Thị", "Hạnh"),
    ("daibieu2", "Ma Đức", "Cường"),
    ("daibieu3", "Nông Thị", "Huệ"),
    ("daibieu4", "Triệu Văn", "Kiên"),
    ("daibieu5", "Hà Minh", "Đức"),
    ("daibieu6", "Lục Thị", "Liên"),
]
TITLE = "Kỳ họp thường lệ cuối năm của Hội đồng nhân dân (demo)"
LENGTH = dt.timedelta(days=2, hours=9, minutes=30)  # 07:30 today to 17:00 the day after tomorrow


STATUTORY_DELEGATES = 9


def demo_committee():
    """The People's Committee of the demo's district (of its commune under the two-level model), whose
    staff the procedures' demo seeded; any district committee on a database without them."""
    committees = Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE).order_by("pk")
    for username in ("huyen.lanhdao", "xa.lanhdao"):
        agency = committees.filter(staff__user__username=username).first()
        if agency is not None:
            return agency
    return committees.filter(unit__level=UnitLevel.DISTRICT).first() or committees.first()


def organising_agency():
    """The People's Council of the demo committee's unit, made on first use with a demo code."""
    committee = demo_committee()
    unit = committee.unit
    council, _created = Agency.objects.get_or_create(
        unit=unit,
        kind=AgencyKind.COUNCIL,
        sector="",
        defaults={
            "name": f"Hội đồng nhân dân {unit.name[:1].lower()}{unit.name[1:]}",
            "desk_name": "",
            "electronic_code": "9" + committee.electronic_code[1:],
            "statutory_members": STATUTORY_DELEGATES,
        },
    )
    return council


def sample_pdf(title, paragraphs):
    """A short document with real Vietnamese text, so that delegates can select and highlight passages."""
    s = styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=20 * mm, title=title)
    story = [Paragraph(title.upper(), s["title"]), Spacer(0, 6 * mm)]
    for text in paragraphs:
        story += [Paragraph(text, s["body"]), Spacer(0, 3 * mm)]
    build(document, story)
    return buffer.getvalue()


DRAFT = [
    "Điều 1. Thông qua kế hoạch đầu tư công năm 2027 với tổng vốn 185 tỷ đồng, ưu tiên đường giao thông "
    "nông thôn, trường học và trạm y tế xã.",
    "Điều 2. Giao Ủy ban nhân dân tổ chức thực hiện; Thường trực Hội đồng nhân dân, các Ban và các đại biểu "
    "giám sát việc thực hiện Nghị quyết.",
    "Điều 3. Nghị quyết có hiệu lực từ ngày 01 tháng 01 năm 2027.",
]
REPORT = [
    "Năm 2026, tổng giá trị sản xuất tăng 8,2% so với năm trước; thu ngân sách trên địa bàn đạt 104% dự toán.",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98,6%; 100% hồ sơ được tiếp nhận và trả kết quả "
    "trên hệ thống điện tử.",
    "Một số tồn tại: tiến độ giải phóng mặt bằng một số dự án còn chậm; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu.",
]


def _pdf(name, title, paragraphs):
    return SimpleUploadedFile(name, sample_pdf(title, paragraphs), content_type="application/pdf")


def session_times(now):
    """From 07:30 today to 17:00 the day after tomorrow, under way whenever `make run` seeds it: seeded
    before 07:30 (a newcomer at midnight, or on 1 January at 00:10), it started at the last full hour."""
    local = timezone.localtime(now)
    opening = local.replace(hour=7, minute=30, second=0, microsecond=0)
    starts = opening if opening <= local else local.replace(minute=0, second=0, microsecond=0)
    return starts, opening + LENGTH


@transaction.atomic
def seed(now=None):
    """The demo accounts are (re)set every time; the meeting is made once, and held again from today
    when it is over. (logins, meeting, whether it was made now)."""
    now = now or timezone.now()
    agency = organising_agency()
    secretary = demo_user(SECRETARY[0], SECRETARY[2], SECRETARY[1], is_staff=True)
    give_role(secretary, Role.MEETING_SECRETARY, agency)
    chair = demo_user(CHAIR[0], CHAIR[2], CHAIR[1])
    give_role(chair, Role.DELEGATE)
    delegates = []
    for username, last, first in DELEGATES:
        delegates.append(demo_user(username, first, last))
        give_role(delegates[-1], Role.DELEGATE)
    logins = [
        DemoLogin(SECRETARY[0], Role.MEETING_SECRETARY.label, agency.name),
        DemoLogin(CHAIR[0], f"{Role.DELEGATE.label}, {ParticipantRole.CHAIR.label}", agency.name),
    ]
    logins += [DemoLogin(username, Role.DELEGATE.label, agency.name) for username, *_ in DELEGATES]
    starts, ends = session_times(now)
    existing = Meeting.objects.filter(title=TITLE, agency=agency).first()
    if existing is not None:
        if not existing.starts_at <= now < existing.ends_at:  # made last week, or before dawn: held again now
            Meeting.objects.filter(pk=existing.pk).update(starts_at=starts, ends_at=ends)
        return logins, existing, False
    meeting = meetings.create_meeting(
        secretary, title=TITLE, place=f"Hội trường {agency.name}", starts_at=starts, ends_at=ends
    )
    meetings.seat(secretary, meeting, [chair], ParticipantRole.CHAIR)
    meetings.seat(secretary, meeting, delegates, ParticipantRole.DELEGATE)
    report = meetings.add_item(
        secretary, meeting, title="Báo cáo tình hình kinh tế - xã hội năm 2026", presenter="Chủ tịch Ủy ban nhân dân"
    )
    plan = meetings.add_item(
        secretary, meeting, title="Nghị quyết về kế hoạch đầu tư công năm 2027", presenter="Trưởng Ban Kinh tế - Xã hội"
    )
    documents.add_document(
        secretary,
        report,
        kind=DocumentKind.MAIN,
        title="Báo cáo kinh tế - xã hội năm 2026",
        upload=_pdf("bao-cao.pdf", "Báo cáo tình hình kinh tế - xã hội năm 2026", REPORT),
        is_public=True,
    )
    draft = documents.add_document(
        secretary,
        plan,
        kind=DocumentKind.MAIN,
        title="Dự thảo Nghị quyết",
        upload=_pdf("du-thao.pdf", "Dự thảo Nghị quyết", DRAFT[:2]),
    )
    documents.replace_document(
        secretary,
        draft,
        upload=_pdf("du-thao-v2.pdf", "Dự thảo Nghị quyết", DRAFT),
        change_note="Bổ sung Điều 3 về hiệu lực thi hành",
    )
    documents.add_document(
        secretary,
        plan,
        kind=DocumentKind.LINK,
        title="Luật Đầu tư công (Cơ sở dữ liệu văn bản)",
        url="https://vbpl.vn/",
    )
    groups = meetings.split_into_groups(chair, meeting, 2)
    _what_happened(meeting, secretary, chair, delegates, groups, plan, now)
    return logins, meeting, True


def _what_happened(meeting, secretary, chair, delegates, groups, plan, now):
    """The first hour of the session, through the same services the hall uses."""
    for person in [chair, *delegates[:-1]]:  # the last delegate has not arrived
        attendance.mark_present(secretary, meeting, meeting.participants.get(user=person), now=now)
    agenda = floor.open_motion(chair, meeting, title="Thông qua chương trình kỳ họp", kind=MotionKind.PROCEDURAL)
    for person in [chair, *delegates[:-1]]:
        floor.cast_ballot(person, agenda, Choice.FOR)
    floor.close_motion(chair, agenda)
    election = floor.open_motion(
        chair, meeting, title="Bầu bổ sung Ủy viên Thường trực Hội đồng nhân dân", kind=MotionKind.ELECTION
    )
    for person, choice in zip([chair, *delegates[:-1]], [Choice.FOR] * 5 + [Choice.AGAINST]):
        floor.cast_ballot(person, election, choice)
    floor.close_motion(chair, election)
    floor.request_to_speak(delegates[0], meeting, topic="Đề nghị bổ sung vốn cho trạm y tế xã", item=plan)
    floor.request_to_speak(delegates[2], meeting, topic="Về tiến độ giải phóng mặt bằng", item=plan)
    secretary_of_group = groups[0].members.filter(is_secretary=True).select_related("user").first()
    floor.post_message(secretary_of_group.user, groups[0], "Tổ 1 thống nhất với dự thảo Nghị quyết.")
    floor.write_summary(
        secretary_of_group.user,
        groups[0],
        "Tổ 1 nhất trí với dự thảo; đề nghị ưu tiên vốn cho trạm y tế xã và đường liên thôn.",
    )
