"""The invitation (giấy mời) to a meeting, one copy per invitee, as an administrative document of
Decree 30/2020: numbered in the body's register ("03/GM-HĐND"), with the time, the place, the agenda
and the QR code that opens the meeting, signed for the standing committee of the council (or for the
People's Committee) by its chair."""

from django.utils import timezone

from government.pdf_document import Document, render
from government.signers import SignatureBlock

from .models import ParticipantRole


def _moment(value):
    local = timezone.localtime(value)
    return f"{local:%H} giờ {local:%M} phút ngày {local:%d/%m/%Y}"


def on_behalf_of(agency):
    """Who invites: the council's standing committee for a council's session, else the committee."""
    return (
        ("TM. THƯỜNG TRỰC HĐND", "Thường trực Hội đồng nhân dân")
        if agency.is_council
        else ("TM. ỦY BAN NHÂN DÂN", "Ủy ban nhân dân")
    )


def invitation_pdf(meeting, participant, *, items, qr_url):
    authority, inviter = on_behalf_of(meeting.agency)
    unit = meeting.agency.unit.name
    body = [
        f"{inviter} {unit[:1].lower()}{unit[1:]} trân trọng kính mời Ông/Bà tới dự {meeting.title}.",
        f"Thời gian: từ {_moment(meeting.starts_at)} đến {_moment(meeting.ends_at)}.",
        f"Địa điểm: {meeting.place}.",
        "Nội dung: " + "; ".join(f"{item.position}. {item.title}" for item in items) + "."
        if items
        else "Nội dung: theo chương trình kỳ họp.",
        "Tài liệu: quét mã QR trên giấy mời để mở kỳ họp và đọc tài liệu; tài liệu không công khai đọc sau khi "
        "đăng nhập bằng tài khoản của Ông/Bà. Khi đến hội trường, quét mã trên màn hình tại cửa để điểm danh.",
        "Rất mong Ông/Bà tham dự đúng thời gian./.",
    ]
    chair = meeting.chair
    role = "" if participant.role == ParticipantRole.INVITEE else f" ({participant.get_role_display().lower()})"
    return render(
        Document(
            agency=meeting.agency,
            type_name="Giấy mời",
            excerpt=f"Dự {meeting.title}",
            body=body,
            signature=SignatureBlock((authority, "CHỦ TỊCH"), chair.name if chair else ""),
            recipients=["Như trên"],
            archive_unit="VP",
            qr_caption="Quét mã QR để mở kỳ họp và đọc tài liệu.",
            addressees=[f"Ông/Bà {participant.name}{role}"],
            number=meeting.invitation_symbol,
            dated=meeting.invitation_issued_at,
            qr_url=qr_url,
        )
    )
