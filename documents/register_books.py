"""The incoming and outgoing registers as Decree 30/2020, appendix IV lays them out (DOMAIN.md §13):
the columns of each, every time in Vietnam's, for the Excel export and for the year's printable book
(cover, then the pages to print, sign and bind)."""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from government.pdf import Table, build, grid, header, issuer_lines, one_line, styles

INCOMING_COLUMNS = (
    "Số đến",
    "Ngày đến",
    "Tác giả (cơ quan ban hành)",
    "Số, ký hiệu",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)
OUTGOING_COLUMNS = (
    "Số, ký hiệu",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


def _moment(value):
    """Vietnam's time: a document received at 06:30 on the 24th was received on the 24th."""
    return timezone.localtime(value).strftime("%H:%M %d/%m/%Y") if value else ""


def incoming_rows(documents):
    """One row a document, in INCOMING_COLUMNS's order; `documents` with assignments prefetched."""
    rows = []
    for d in documents:
        main = next((a for a in d.assignments.all() if a.role == "handle"), None)
        receiver = main.assignee.get_full_name() or main.assignee.get_username() if main else ""
        rows.append(
            [
                d.number,
                _moment(d.received_at),
                d.sender,
                d.number_symbol,
                _day(d.issued_on),
                f"{d.document_type.name}: {d.excerpt}",
                receiver,
                _moment(main.assigned_at) if main else "",
                "",
                _incoming_note(d),
            ]
        )
    return rows


def _incoming_note(d):
    notes = [d.get_urgency_display()] if d.urgency != "normal" else []
    if d.answer_due:
        notes.append(f"hạn trả lời {_day(d.answer_due)}")
    return "; ".join(notes)


def outgoing_rows(documents):
    """One row an issued document, in OUTGOING_COLUMNS's order; `documents` with addressees prefetched."""
    rows = []
    for d in documents:
        places = [a.name for a in d.addressees.all()] + [item["name"] for item in d.external_addressees]
        rows.append(
            [
                d.symbol,
                _day(d.issued_on),
                f"{d.document_type.name}: {d.excerpt}",
                d.signer.get_full_name() if d.signer else "",
                "; ".join(places) or "—",
                f"VT, {d.drafting_unit}",
                str(len(places) + 1),
                _moment(d.issued_at),
                "",
                d.get_urgency_display() if d.urgency != "normal" else "",
            ]
        )
    return rows


@dataclass
class Book:
    agency: object
    year: int
    incoming: bool
    rows: list


def book_pdf(book):
    """The year's register to print and bind: a cover (agency, register, year, first and last
    number), then the table on A4 landscape with its header repeated on every page."""
    s = styles()
    buffer = io.BytesIO()
    pagesize = landscape(A4)
    margin = 15 * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=_title(book),
        author=book.agency.name,
    )
    width = pagesize[0] - 2 * margin
    cover_title = s["title"].clone("cover_title", fontSize=22, leading=28, spaceBefore=40)
    first, last = (str(book.rows[0][0]), str(book.rows[-1][0])) if book.rows else ("—", "—")
    story = [
        header(issuer_lines(book.agency), width),
        Spacer(0, 30 * mm),
        Paragraph(escape(_title(book).upper()), cover_title),
        Paragraph(f"Năm {book.year}", s["title"].clone("cover_year", fontSize=16, leading=22)),
        Spacer(0, 12 * mm),
        Paragraph(f"Từ số {escape(first)} đến số {escape(last)}: {len(book.rows)} văn bản.", s["centre"]),
        Spacer(0, 40 * mm),
        Paragraph(
            "<i>Sổ đăng ký văn bản điện tử, in, ký xác nhận và đóng quyển vào cuối năm "
            "(Nghị định số 30/2020/NĐ-CP, Phụ lục IV).</i>",
            s["centre"],
        ),
        PageBreak(),
    ]
    columns = INCOMING_COLUMNS if book.incoming else OUTGOING_COLUMNS
    small = s["small"]
    fractions = (6, 10, 14, 10, 8, 22, 11, 9, 6, 8) if book.incoming else (11, 8, 24, 10, 16, 8, 5, 9, 6, 8)
    widths = [width * f / sum(fractions) for f in fractions]
    table = [[Paragraph(f"<b>{escape(c)}</b>", small) for c in columns]]
    # The number or the symbol on one line; the other cells wrap.
    table += [
        [one_line(str(row[0]), small, widths[0] - 13, smallest=5.5)]
        + [Paragraph(escape(str(value)), small) for value in row[1:]]
        for row in book.rows
    ]
    story += [
        Paragraph(f"<b>{escape(_title(book).upper())} NĂM {book.year}</b>", s["centre"]),
        Spacer(0, 3 * mm),
        grid(table, widths),
    ]
    signers = Table(
        [
            [
                Paragraph("<b>NGƯỜI LẬP SỔ</b><br/><i>(Ký, ghi rõ họ tên)</i>", s["centre"]),
                Paragraph("<b>THỦ TRƯỞNG CƠ QUAN</b><br/><i>(Ký, ghi rõ họ tên, đóng dấu)</i>", s["centre"]),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    story += [Spacer(0, 10 * mm), signers]
    build(document, story)
    return buffer.getvalue()


def _title(book):
    return "Sổ đăng ký văn bản đến" if book.incoming else "Sổ đăng ký văn bản đi"
