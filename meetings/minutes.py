"""The minutes (biên bản) of a meeting, laid out as an administrative document of Decree 30/2020
(DOMAIN.md §13): the body's header with its number in the body's register ("05/BB-HĐND"), the opening
and closing times, who was there, the agenda, each vote with the rule it was decided by and the
delegates who did not vote, the groups' summaries, the chair's conclusions, then the secretary's
signature on the left and the chair's on the right (each signs it digitally, services.record)."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle

from government.pdf import Rule, Table, build, grid, header, issuer_lines, place_and_date
from government.pdf_document import MARGINS, document_styles

from .models import Choice, ParticipantRole
from .services.floor import tallies

SIGNATURE_SPACE = 26 * mm


def _e(value):
    return escape(str(value or ""))


def shares(counts, base):
    """Percentages of `base` with one decimal that add up to exactly 100 (largest remainder)."""
    if not base:
        return [0.0 for _count in counts]
    tenths = [count * 1000 / base for count in counts]
    floors = [int(value) for value in tenths]
    left = 1000 - sum(floors) if sum(counts) == base else 0
    for index in sorted(range(len(counts)), key=lambda i: tenths[i] - floors[i], reverse=True)[: max(left, 0)]:
        floors[index] += 1
    return [value / 10 for value in floors]


def _when(moment):
    local = timezone.localtime(moment)
    return f"{local:%H} giờ {local:%M} phút, ngày {local:%d/%m/%Y}"


def minutes_pdf(meeting, *, participants, items, motions, groups, voters_by_motion=None, secretary=None):
    d = document_styles()
    body, small = d["body"], d["small"].clone("minutes_small", fontSize=10, leading=12.5)
    plain = body.clone("minutes_plain", firstLineIndent=0)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"Biên bản {meeting.title}", author=meeting.agency.name, **MARGINS
    )
    width = A4[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]
    opened = meeting.opened_at or meeting.starts_at
    closed = meeting.closed_at or meeting.ends_at
    chair = next((p for p in participants if p.role == ParticipantRole.CHAIR), None)
    story = [
        header(
            issuer_lines(meeting.agency),
            width,
            number=meeting.minutes_symbol,
            place_date=place_and_date(meeting.agency, closed),
            style=d["head"],
            number_style=d["number"],
        ),
        Spacer(0, 5 * mm),
        Paragraph("BIÊN BẢN", d["type"]),
        Paragraph(_e(meeting.title), d["excerpt"]),
        Rule(40 * mm, space=4),
        Spacer(0, 3 * mm),
    ]
    story += [
        Paragraph(f"Thời gian bắt đầu: {_when(opened)}.", body),
        Paragraph(f"Địa điểm: {_e(meeting.place)}.", body),
        Paragraph(f"Chủ trì (chủ tọa): {_e(chair.name if chair else '')}.", body),
        Paragraph(f"Thư ký (người ghi biên bản): {_e(secretary.get_full_name() if secretary else '')}.", body),
    ]

    voters = [p for p in participants if p.can_vote]
    base = meeting.agency.statutory_members
    present = sum(1 for p in voters if p.checked_in_at)
    counted = (
        f"tổng số đại biểu theo luật định: {base}; có tên trong hệ thống: {len(voters)}"
        if base
        else f"số đại biểu có tên trong hệ thống: {len(voters)} (cơ quan chưa ghi số đại biểu theo luật định)"
    )
    story.append(Paragraph(f"<b>I. Thành phần tham dự</b> — {counted}; có mặt: {present}.", plain))
    rows = [["TT", "Họ và tên", "Vai trò", "Tổ", "Có mặt"]]
    for number, seat in enumerate([p for p in participants if p.role != ParticipantRole.ORGANISER], 1):
        if seat.checked_in_at:
            at = timezone.localtime(seat.checked_in_at).strftime("%H:%M")
            at += " (thư ký ghi nhận)" if seat.checked_in_by_id else ""
        else:
            at = "Vắng"
        rows.append(
            [
                str(number),
                Paragraph(_e(seat.name), small),
                Paragraph(seat.get_role_display(), small),
                Paragraph(_e(seat.group.name if seat.group else ""), small),
                Paragraph(at, small),
            ]
        )
    story += [grid(rows, [9 * mm, 52 * mm, 34 * mm, 22 * mm, width - 117 * mm]), Spacer(0, 3 * mm)]

    story.append(Paragraph("<b>II. Chương trình</b>", plain))
    for item in items:
        presenter = f" — trình bày: {_e(item.presenter)}" if item.presenter else ""
        story.append(Paragraph(f"{item.position}. {_e(item.title)}{presenter}", plain))
        for doc in item.documents.all():
            current = doc.current
            version = f" (phiên bản {current.number})" if current else ""
            story.append(Paragraph(f"&nbsp;&nbsp;– {doc.get_kind_display()}: {_e(doc.title)}{version}", small))

    story += [Spacer(0, 3 * mm), Paragraph("<b>III. Biểu quyết</b>", plain)]
    story += (
        _votes(motions, voters, voters_by_motion or {}, width, plain, small)
        if motions
        else [Paragraph("Không có nội dung biểu quyết.", plain)]
    )

    story += [Spacer(0, 3 * mm), Paragraph("<b>IV. Thảo luận tổ</b>", plain)]
    for group in groups:
        story.append(Paragraph(f"<b>{_e(group.name)}</b>: {_e(group.summary) or 'Chưa có tóm tắt.'}", body))
    if not groups:
        story.append(Paragraph("Không chia tổ thảo luận.", body))
    story += [
        Spacer(0, 3 * mm),
        Paragraph("<b>V. Kết luận của chủ tọa</b>", plain),
        Paragraph(_e(meeting.conclusions).replace("\n", "<br/>") or "—", body),
        Paragraph(f"Kỳ họp kết thúc vào {_when(closed)}.", body),
        Paragraph("Biên bản được lập thành bản điện tử, thư ký và chủ tọa ký số.", body),
        Spacer(0, 5 * mm),
    ]
    story.append(_signatures(secretary, chair, width, d))
    build(document, story)
    return buffer.getvalue()


def _votes(motions, voters, voters_by_motion, width, plain, small):
    counted = tallies(motions)
    heads = ("Nội dung", "Tán thành", "Không tán thành", "Không biểu quyết", "Không tham gia", "Kết quả")
    rows = [[Paragraph(f"<b>{label}</b>", small) for label in heads]]
    notes = []
    for number, motion in enumerate(motions, 1):
        counts = counted[motion.pk]
        base = motion.electorate or len(voters)
        absent = max(base - counts["cast"], 0)
        values = [counts[Choice.FOR], counts[Choice.AGAINST], counts[Choice.ABSTAIN], absent]
        cells = [f"{n} ({share:.1f}%)".replace(".", ",") for n, share in zip(values, shares(values, base))]
        result = "Thông qua" if motion.passed else ("Không thông qua" if motion.passed is False else "Chưa kết thúc")
        rows.append(
            [Paragraph(f"{number}. {_e(motion.title)}", small)]
            + [Paragraph(c, small) for c in cells]
            + [Paragraph(f"<b>{result}</b>", small)]
        )
        threshold = {
            "all": f"quá nửa tổng số đại biểu ({base // 2 + 1}/{base})",
            "two_thirds": f"ít nhất hai phần ba tổng số đại biểu ({-(-base * 2 // 3)}/{base})",
            "present": f"quá nửa số đại biểu có mặt ({motion.present // 2 + 1}/{motion.present})",
        }[motion.rule]
        secrecy = "bỏ phiếu kín" if motion.secret else "biểu quyết công khai"
        voted = voters_by_motion.get(motion.pk, set())
        missing = [seat.name for seat in voters if seat.pk not in voted]
        line = f"{number}. {motion.get_kind_display()}, {secrecy}; điều kiện thông qua: {threshold}."
        if missing:
            line += " Đại biểu có tên không tham gia biểu quyết: " + ", ".join(_e(n) for n in missing) + "."
        notes.append(Paragraph(line, small))
    table = grid(rows, [width - 130 * mm, 24 * mm, 24 * mm, 24 * mm, 24 * mm, 34 * mm])
    return [
        table,
        Paragraph("Tỷ lệ tính trên tổng số đại biểu theo luật định; các cột cộng lại bằng 100%.", small),
    ] + notes


def _signatures(secretary, chair, width, d):
    """The secretary on the left, the chair on the right; one row, never split from the names."""

    def block(title, name):
        return [Paragraph(title, d["signer"]), Spacer(0, SIGNATURE_SPACE), Paragraph(_e(name), d["signer"])]

    table = Table(
        [
            [
                block("THƯ KÝ", secretary.get_full_name() if secretary else ""),
                block("CHỦ TỌA", chair.name if chair else ""),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
