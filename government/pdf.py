"""What every form shares: Be Vietnam Pro (full Vietnamese glyphs, from its font package), the
two-column header (issuing body left, national motto right), styles and the tracking QR code."""

import io
from functools import cache
from xml.sax.saxutils import escape

import fontpkg_be_vietnam_pro
import qrcode
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph
from reportlab.platypus import Table as PlatypusTable
from reportlab.platypus import TableStyle

from government.pdf_forms import SIGNATURE_HEIGHT, Spot

FONT, BOLD, ITALIC = "BeVietnamPro", "BeVietnamPro-Bold", "BeVietnamPro-Italic"


class Table(PlatypusTable):
    """A table whose cells start in Be Vietnam Pro: reportlab's default cell font is Helvetica, set on
    the canvas for every cell even when the cell holds a Paragraph, so it would be referenced unembedded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))


@cache
def register_fonts():
    files = fontpkg_be_vietnam_pro.ROOT / "files"
    for name, file in ((FONT, "BeVietnamPro-Regular.ttf"), (BOLD, "BeVietnamPro-Bold.ttf"),
                       (ITALIC, "BeVietnamPro-Italic.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(files / file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@cache
def styles():
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12.5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=10),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "header": ParagraphStyle("header", parent=body, fontSize=8, leading=10.5, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=11.5, leading=15, alignment=TA_CENTER,
                                spaceBefore=6, spaceAfter=2),
        "italic_centre": ParagraphStyle("italic_centre", parent=body, fontName=ITALIC, alignment=TA_CENTER),
    }


def header(issuer_lines, width, number="", place_date="", spots=None):
    """Issuing body on the left (last line bold) with the form's number under it; national motto on the
    right with the place and date line under it, as administrative documents are laid out. With
    `spots` (a dict), the number and the date are left empty and where they go is written into it, for
    the clerk's form fields (government/pdf_forms.py)."""
    s = styles()
    left = [Paragraph(line, s["header"]) for line in issuer_lines[:-1]]
    left.append(Paragraph(f"<b>{issuer_lines[-1]}</b>", s["header"]))
    if spots is not None:
        left.append(Spot(spots, "number"))
    elif number:
        left.append(Paragraph(f"Số: {number}", s["header"]))
    right = [
        Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", s["header"]),
        Paragraph("<b><u>Độc lập - Tự do - Hạnh phúc</u></b>", s["header"]),
    ]
    if spots is not None:
        right.append(Spot(spots, "date"))
    elif place_date:
        right.append(Paragraph(f"<i>{place_date}</i>", s["header"]))
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def place_and_date(agency, moment):
    """"Hương Sơn, ngày 24 tháng 11 năm 2026": the place is the agency's unit, from the unit tree."""
    day = timezone.localtime(moment) if moment else timezone.localtime()
    return escape(date_line(agency.unit.short_name, day))


def date_line(place, day):
    """"Phú Thượng, ngày 05 tháng 3 năm 2026": a zero before days under 10 and months 1 and 2 only
    (Decree 30/2020, appendix I: the other months cannot be made into another by a digit added)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def qr_image(url, size=24 * mm):
    buffer = io.BytesIO()
    qrcode.make(url, box_size=4, border=1).save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer, width=size, height=size)


def grid(rows, widths, header_rows=1):
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
    ]))
    return table


def build_form(*, agency, code, body, qr_url, form_set=None, kind=None, title=None, pagesize=None, desk=True,
               signatures=(), number="", dated=None, addressee="", spots=None):
    """A standard form: header, code, title and the form's number in its set, an addressee line, the
    form's own flowables, a QR block, signature columns. The issuer's second line is the agency's desk
    name from its data (a service center has none: its own name says it). With `spots`, the number,
    the date and the first signer's signature are left to form fields (see `header`)."""
    from reportlab.platypus import SimpleDocTemplate, Spacer

    s = styles()
    title = str(title or form_set.title(kind))
    pagesize = pagesize or form_set.pagesize(kind)
    margin = 12 * mm
    width = pagesize[0] - 2 * margin
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                                 bottomMargin=margin, title=f"{title} {code or ''}".strip(), author=str(agency))
    issuer = [escape(agency.name.upper())] + ([escape(agency.desk_name.upper())] if desk and agency.desk_name else [])
    story = [header(issuer, width, number=number, place_date=place_and_date(agency, dated), spots=spots)]
    if code:
        story.append(Paragraph(f"Mã hồ sơ: <b>{escape(code)}</b>", s["centre"]))
    story += [Paragraph(escape(title.upper()), s["title"])]
    if form_set and kind:
        story.append(Paragraph(f"(Mẫu số {form_set.number(kind)} — {form_set.circular})", s["italic_centre"]))
    if addressee:
        story += [Spacer(0, 2 * mm), Paragraph(f"Kính gửi: {addressee}", s["centre"])]
    story.append(Spacer(0, 4 * mm))
    story += body(width)
    if qr_url:
        qr = Table([[Paragraph("Quét mã QR để tra cứu hồ sơ, xác thực văn bản.", s["small"]), qr_image(qr_url)]],
                   colWidths=[width - 30 * mm, 30 * mm])
        qr.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(0, 3 * mm), qr]
    if signatures:
        rows = [[Paragraph(f"<b>{escape(role)}</b>", s["centre"]) for role, _note in signatures],
                [Paragraph(escape(note), s["italic_centre"]) for _role, note in signatures]]
        if spots is not None:  # the first signer signs into a field here
            rows.insert(1, [Spot(spots, "signer", SIGNATURE_HEIGHT)] + [""] * (len(signatures) - 1))
        story += [Spacer(0, 4 * mm), Table(rows, colWidths=[width / len(signatures)] * len(signatures))]
    build(document, story)
    return buffer.getvalue()


def build(document, story):
    """Build with Be Vietnam Pro as the canvas's starting font: reportlab starts every page in
    Helvetica, which would be referenced without being embedded (PDF/A and some viewers object)."""
    register_fonts()
    document.initialFontName = FONT  # the template passes it on to its canvas
    document.build(story)


def paragraphs(lines, style="body"):
    return [Paragraph(line, styles()[style]) for line in lines]
