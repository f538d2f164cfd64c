"""The minutes (biên bản) of a meeting as a PDF: attendance, agenda, votes and results, group
summaries and the chair's conclusions. services.record signs it with the chair's certificate."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from government.pdf import build, date_line, grid, header, issuer_lines, styles
from government.places import place_name

from .models import Choice, ParticipantRole
from .services.floor import tallies


def _e(value):
    return escape(str(value or ""))


def minutes_pdf(meeting, *, participants, items, motions, groups):
    s = styles()
    margin = 18 * mm
    width = A4[0] - 2 * margin
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=15 * mm,
                                 bottomMargin=15 * mm, title=f"Biên bản {meeting.title}", author=str(meeting.agency))
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    story = [
        header(issuer_lines(meeting.agency), width, place_date=_e(date_line(place_name(meeting.agency.unit), starts))),
        Paragraph("BIÊN BẢN KỲ HỌP", s["title"]),
        Paragraph(f"<b>{_e(meeting.title)}</b>", s["centre"]),
        Spacer(0, 4 * mm),
        Paragraph(f"Thời gian: từ {starts:%H:%M} ngày {starts:%d/%m/%Y} đến {ends:%H:%M} ngày {ends:%d/%m/%Y}. "
                  f"Địa điểm: {_e(meeting.place)}.", s["body"]),
    ]
    seats = [p for p in participants if p.role != ParticipantRole.ORGANISER]
    present = sum(1 for p in seats if p.checked_in_at)
    story += [Paragraph(f"<b>I. Thành phần</b> — có mặt {present}/{len(seats)} người (điểm danh bằng mã QR).",
                        s["body"])]
    rows = [["TT", "Họ và tên", "Vai trò", "Tổ", "Điểm danh"]]
    for number, seat in enumerate(seats, 1):
        at = timezone.localtime(seat.checked_in_at).strftime("%H:%M") if seat.checked_in_at else "Vắng"
        rows.append([str(number), Paragraph(_e(seat.name), s["body"]), seat.get_role_display(),
                     _e(seat.group.name if seat.group else ""), at])
    story += [grid(rows, [10 * mm, 60 * mm, 35 * mm, 30 * mm, width - 135 * mm]), Spacer(0, 3 * mm)]
    story.append(Paragraph("<b>II. Chương trình</b>", s["body"]))
    for item in items:
        presenter = f" — trình bày: {_e(item.presenter)}" if item.presenter else ""
        story.append(Paragraph(f"{item.position}. {_e(item.title)}{presenter}", s["body"]))
        for doc in item.documents.all():
            current = doc.current
            version = f" (phiên bản {current.number})" if current else ""
            story.append(Paragraph(f"&nbsp;&nbsp;– {doc.get_kind_display()}: {_e(doc.title)}{version}", s["small"]))
    story += [Spacer(0, 3 * mm), Paragraph("<b>III. Biểu quyết</b>", s["body"])]
    if motions:
        counted = tallies(motions)
        rows = [[Paragraph(label, s["small"]) for label in
                 ("Nội dung", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả")]]
        for motion in motions:
            counts = counted[motion.pk]
            result = "Thông qua" if motion.passed else ("Không thông qua" if motion.passed is False else "Chưa kết thúc")
            electorate = motion.electorate or 1
            rows.append([Paragraph(_e(motion.title), s["body"])] + [
                f"{counts[c]} ({counts[c] * 100 / electorate:.1f}%)" for c in (Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)
            ] + [result])
        story.append(grid(rows, [width - 120 * mm, 28 * mm, 28 * mm, 28 * mm, 36 * mm]))
        story.append(Paragraph("Tỷ lệ tính trên tổng số đại biểu có quyền biểu quyết.", s["small"]))
    else:
        story.append(Paragraph("Không có nội dung biểu quyết.", s["body"]))
    story += [Spacer(0, 3 * mm), Paragraph("<b>IV. Thảo luận tổ</b>", s["body"])]
    for group in groups:
        story.append(Paragraph(f"<b>{_e(group.name)}</b>: {_e(group.summary) or 'Chưa có tóm tắt.'}", s["body"]))
    if not groups:
        story.append(Paragraph("Không chia tổ thảo luận.", s["body"]))
    story += [Spacer(0, 3 * mm), Paragraph("<b>V. Kết luận của chủ tọa</b>", s["body"]),
              Paragraph(_e(meeting.conclusions).replace("\n", "<br/>") or "—", s["body"]), Spacer(0, 8 * mm)]
    chair = next((p for p in participants if p.role == ParticipantRole.CHAIR), None)
    story += [Paragraph("<b>CHỦ TỌA</b>", s["centre"]), Paragraph("<i>(Ký số)</i>", s["italic_centre"]),
              Spacer(0, 6 * mm), Paragraph(f"<b>{_e(chair.name if chair else '')}</b>", s["centre"])]
    build(document, story)
    return buffer.getvalue()
