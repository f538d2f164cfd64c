"""What every paper shares: Noto Serif (government/fonts.py), the two-column header of Decree 30/2020
(issuing body under its parent on the left, national motto on the right, each with its rule), styles,
page numbers from page 2 and the tracking QR code."""

import io
import re
from functools import cache
from xml.sax.saxutils import escape, unescape

import qrcode
from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PlatypusTable

from government.fonts import BOLD, BOLD_ITALIC, FONT, ITALIC, register_fonts
from government.pdf_forms import SIGNATURE_HEIGHT, Spot
from government.places import place_name

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"


class Table(PlatypusTable):
    """A table whose cells start in the serif face: reportlab's default cell font is Helvetica, set on
    the canvas for every cell even when the cell holds a Paragraph, so it would be referenced unembedded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))


@cache
def styles():
    register_fonts()
    # The desk's A5 slips: small enough that a receipt with its list of papers fits one side.
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "header": ParagraphStyle("header", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "italic_centre": ParagraphStyle("italic_centre", parent=body, fontName=ITALIC, alignment=TA_CENTER),
    }


class Rule(Flowable):
    """The short rule under the issuing body, the slogan or an excerpt, centred in its column."""

    def __init__(self, length, space=2.5, gap=2):
        super().__init__()
        self.length, self.space, self.gap = length, space, gap  # `gap`: clear of the descenders above

    def wrap(self, available_width, available_height):
        self.available = available_width
        return available_width, self.space * 2 + self.gap

    def draw(self):
        left = (self.available - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(left, self.space, left + self.length, self.space)


def one_line(value, style, width, font=None, smallest=None):
    """Paragraphs that never break inside a name: the name on one line, a little smaller if it must
    be (down to `smallest`); a name too long even then breaks before its place ("ỦY BAN NHÂN DÂN" /
    "XÃ PHÚ THƯỢNG"), each part whole. `value` is plain text."""
    font = font or style.fontName
    smallest = smallest or style.fontSize - 1.5
    size = style.fontSize
    while size > smallest and stringWidth(value, font, size) > width:
        size -= 0.25
    if stringWidth(value, font, size) <= width:
        return [Paragraph(_tagged(value, font), style.clone(f"{style.name}_fit", fontSize=size))]
    words = value.split()
    if len(words) < 2:  # one word (a code): the smallest size, overflowing rather than broken
        return [Paragraph(_tagged(value, font), style.clone(f"{style.name}_fit", fontSize=size))]
    cut = next((i for i, word in enumerate(words) if i and word in PLACE_KINDS), len(words) // 2)
    return one_line(" ".join(words[:cut]), style, width, font, smallest) + one_line(
        " ".join(words[cut:]), style, width, font, smallest
    )


PLACE_KINDS = {"TỈNH", "HUYỆN", "QUẬN", "THỊ", "THÀNH", "XÃ", "PHƯỜNG", "ĐẶC"}


def _tagged(value, font):
    text = escape(value)
    return {BOLD: f"<b>{text}</b>", ITALIC: f"<i>{text}</i>", BOLD_ITALIC: f"<b><i>{text}</i></b>"}.get(font, text)


def header(
    issuer_lines, width, number="", place_date="", spots=None, style=None, number_style=None, about="", number_text=""
):
    """Issuing body on the left (under its parent body, upright) with its rule and the number under it
    (and a công văn's "V/v …", `about`); the national motto and slogan with its rule on the right with the
    place and date line under it. With `spots` (a dict), the number and the date are left empty and where
    they go is written into it, for the clerk's form fields (government/pdf_forms.py). `issuer_lines`
    and `about` are plain text; `place_date` is markup."""
    s = styles()
    head = style or s["header"]
    number_style = number_style or head
    left_width, right_width = width * 0.42, width * 0.58
    left = []
    for line in issuer_lines[:-1]:  # the parent body: upright, not bold
        left += one_line(line, head, left_width - 4)
    left += one_line(issuer_lines[-1], head, left_width - 4, font=BOLD)
    left.append(Rule(min(stringWidth(issuer_lines[-1], BOLD, head.fontSize), left_width) / 3))
    if number_text:  # a book's own numbering, printed as it is: its number, then its book, each whole
        for part in re.split(r"(?<=,) ", number_text):
            left += one_line(part, number_style, left_width)
    elif spots is not None:
        left.append(Spot(spots, "number", height=number_style.leading + 2))
    elif number:
        left.append(Paragraph(f"Số: {escape(number)}", number_style))
    if about:
        left.append(Paragraph(escape(about), head.clone("about", fontSize=head.fontSize - 0.5)))
    slogan = head.clone("slogan", fontSize=head.fontSize + 1)
    right = one_line(MOTTO, head, right_width, font=BOLD) + one_line(SLOGAN, slogan, right_width, font=BOLD)
    right.append(Rule(stringWidth(SLOGAN, BOLD, slogan.fontSize), space=1.5, gap=1))
    if spots is not None and not number_text:  # a book's paper prints the date of its entry
        right.append(Spot(spots, "date", height=number_style.leading + 2))
    elif place_date:  # on one line, as a name is
        right += one_line(unescape(place_date), number_style, right_width, font=ITALIC)
    table = Table([[left, right]], colWidths=[left_width, right_width])
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


def issuer_lines(agency, desk=False):
    """The header's left column: the agency over its one-stop desk for the desk's slips; the parent
    body over the agency for its letters and decisions ("UBND TỈNH THÁI NGUYÊN" / "SỞ TƯ PHÁP")."""
    if desk and agency.desk_name:
        return [agency.name.upper(), agency.desk_name.upper()]
    return [line for line in (agency.parent_body, agency.name.upper()) if line]


def place_and_date(agency, moment):
    """ "Hương Sơn, ngày 24 tháng 11 năm 2026": the place is the agency's unit, from the unit tree."""
    day = timezone.localtime(moment) if moment else timezone.localtime()
    return escape(date_line(place_name(agency.unit), day))


def date_line(place, day):
    """ "Phú Thượng, ngày 05 tháng 3 năm 2026": a zero before days under 10 and months 1 and 2 only
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
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
            ]
        )
    )
    return table


def build_form(
    *,
    agency,
    code,
    body,
    qr_url,
    form_set=None,
    kind=None,
    title=None,
    pagesize=None,
    desk=True,
    signatures=(),
    number="",
    dated=None,
    addressee="",
    spots=None,
):
    """A standard form: header, code, title and the form's number in its set, an addressee line, the
    form's own flowables, a QR block, signature columns. The issuer's second line is the agency's desk
    name from its data (a service center has none: its own name says it). With `spots`, the number,
    the date and the first signer's signature are left to form fields (see `header`)."""

    s = styles()
    title = str(title or form_set.title(kind))
    pagesize = pagesize or form_set.pagesize(kind)
    margin = 12 * mm
    width = pagesize[0] - 2 * margin
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{title} {code or ''}".strip(),
        author=str(agency),
    )
    issuer = issuer_lines(agency, desk=desk)
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
        qr = Table(
            [[Paragraph("Quét mã QR để tra cứu hồ sơ, xác thực văn bản.", s["small"]), qr_image(qr_url)]],
            colWidths=[width - 30 * mm, 30 * mm],
        )
        qr.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(0, 3 * mm), qr]
    if signatures:
        rows = [
            [Paragraph(f"<b>{escape(role)}</b>", s["centre"]) for role, _note in signatures],
            [Paragraph(escape(note), s["italic_centre"]) for _role, note in signatures],
        ]
        if spots is not None:  # the first signer signs into a field here
            rows.insert(1, [Spot(spots, "signer", SIGNATURE_HEIGHT)] + [""] * (len(signatures) - 1))
        story += [Spacer(0, 4 * mm), Table(rows, colWidths=[width / len(signatures)] * len(signatures))]
    build(document, story)
    return buffer.getvalue()


def build(document, story):
    """Build with the serif face as the canvas's starting font (reportlab starts every page in
    Helvetica, which would be referenced without being embedded) and the page number at the top centre
    of every page after the first (Decree 30/2020, appendix I)."""
    register_fonts()
    document.initialFontName = FONT  # the template passes it on to its canvas
    document.build(story, onLaterPages=_page_number)


def _page_number(canvas, document):
    canvas.saveState()
    canvas.setFont(FONT, 11)
    canvas.drawCentredString(
        document.pagesize[0] / 2, document.pagesize[1] - document.topMargin / 2 - 4, str(canvas.getPageNumber())
    )
    canvas.restoreState()


def paragraphs(lines, style="body"):
    return [Paragraph(line, styles()[style]) for line in lines]
