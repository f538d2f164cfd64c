"""An outgoing document drawn from the system's template, laid out as Decree 30/2020 (appendix I) has
it: issuing body and number on the left, motto and date on the right, the type's name and the
excerpt (or "V/v" under the number of an official letter), the body, "Nơi nhận" and the signer.

The number and the date are left empty: the clerk writes them at issue into the form fields placed
where the layout put them (government/pdf_forms.py)."""

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle

from government.pdf import Table, build, styles
from government.pdf_forms import SIGNATURE_HEIGHT, IssueLayout, Spot

OFFICIAL_LETTER = "Công văn"
ABOUT = re.compile(r"^(V/v|Về việc)[:\s]+", re.IGNORECASE)
MARGINS = dict(leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=20 * mm)


def draft_pdf(*, agency, document_type, excerpt, body, addressees, signer_title, signer_name, drafting_unit):
    """(PDF bytes, IssueLayout) of a draft made from the template."""
    s = styles()
    head = s["header"].clone("document_header", fontSize=10.5, leading=14)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=excerpt[:120], author=agency.name, **MARGINS)
    width = A4[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]
    spots = {}
    letter = document_type.name == OFFICIAL_LETTER
    left = [Paragraph(f"<b>{escape(agency.name.upper())}</b>", head), Spot(spots, "number")]
    if letter:  # "V/v …" under the number; the drafter may have typed the "V/v" already
        left.append(Paragraph("V/v " + escape(ABOUT.sub("", excerpt)), head))
    right = [Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", head),
             Paragraph("<b><u>Độc lập - Tự do - Hạnh phúc</u></b>", head), Spot(spots, "date")]
    story = [_columns([left, right], [width * 0.42, width * 0.58]), Spacer(0, 6 * mm)]
    if letter:
        story.append(Paragraph("Kính gửi: " + escape("; ".join(addressees) or "…"), s["centre"]))
    else:
        story += [Paragraph(escape(document_type.name.upper()), s["title"]),
                  Paragraph(f"<b>{escape(excerpt)}</b>", s["centre"])]
    story.append(Spacer(0, 5 * mm))
    body_style = s["body"].clone("document_body", fontSize=11, leading=15, firstLineIndent=10 * mm, spaceAfter=4)
    for paragraph in [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()] or ["…"]:
        story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), body_style))
    story.append(Spacer(0, 6 * mm))
    places = [Paragraph("<b><i>Nơi nhận:</i></b>", s["small"])]
    places += [Paragraph(f"- {escape(name)};", s["small"]) for name in addressees]
    places.append(Paragraph(f"- Lưu: VT, {escape(drafting_unit)}.", s["small"]))
    signer = [Paragraph(f"<b>{escape(signer_title.upper())}</b>", s["centre"]),
              Spot(spots, "signer", SIGNATURE_HEIGHT),
              Paragraph(f"<b>{escape(signer_name)}</b>", s["centre"])]
    story.append(_columns([places, signer], [width * 0.5, width * 0.5]))
    build(document, story)
    return buffer.getvalue(), IssueLayout(number=spots["number"], date=spots["date"], signer=spots["signer"])


def _columns(cells, widths):
    # One row: it moves to the next page whole, so the signer's block is never split from its name.
    table = Table([cells], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table
