"""What every form shares: Be Vietnam Pro (full Vietnamese glyphs, from its font package), the
two-column header (issuing body left, national motto right), styles and the tracking QR code."""

import io
from functools import cache

import fontpkg_be_vietnam_pro
import qrcode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, Table, TableStyle

FONT, BOLD, ITALIC = "BeVietnamPro", "BeVietnamPro-Bold", "BeVietnamPro-Italic"


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


def header(issuer_lines, width):
    """Issuing body on the left (last line bold), national motto on the right."""
    s = styles()
    left = [Paragraph(line, s["header"]) for line in issuer_lines[:-1]]
    left.append(Paragraph(f"<b>{issuer_lines[-1]}</b>", s["header"]))
    right = [
        Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", s["header"]),
        Paragraph("<b><u>Độc lập - Tự do - Hạnh phúc</u></b>", s["header"]),
    ]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


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
