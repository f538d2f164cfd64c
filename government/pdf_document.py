"""An administrative document laid out as Decree 30/2020, appendix I has it (DOMAIN.md §13): A4, margins
20/20/30/15 mm; the header (parent body over the issuing body, national motto and slogan, each with its
rule); "Số:" and the place and date; the type's name and the excerpt with its rule, or a công văn's
"V/v …" under its number and its "Kính gửi"; the grounds in italics; the body in 13 pt, justified,
first lines indented 1 cm; "Nơi nhận" beside the authority block with the signer's title and name;
page numbers from page 2.

With `spots` (a dict), the number, the date and the signer's signature are left empty and where they
go is written into it: the clerk fills them at issue (government/pdf_forms.py)."""

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle

from government.exceptions import DomainError
from government.pdf import BOLD, ITALIC, Rule, Table, build, header, issuer_lines, place_and_date, qr_image, styles
from government.pdf_forms import SIGNATURE_HEIGHT, Spot

MARGINS = dict(leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=20 * mm)
OFFICIAL_LETTER = "Công văn"


class MissingAddressee(DomainError):
    pass


@dataclass
class Document:
    agency: object
    type_name: str  # "Quyết định", "Thông báo", "Công văn"…
    excerpt: str
    body: list  # paragraphs of plain text; a paragraph starting with "Điều " gets its number in bold
    signature: object  # government.signers.SignatureBlock
    recipients: list = field(default_factory=list)  # "Nơi nhận" entries, plain text
    archive_unit: str = "VP"
    addressees: list = field(default_factory=list)  # "Kính gửi" (required for a công văn)
    grounds: list = field(default_factory=list)  # "Căn cứ …" lines
    operative: str = ""  # "QUYẾT ĐỊNH:" between the grounds and the articles of a decision
    number: str = ""  # "05/QĐ-UBND" once known
    dated: object = None
    qr_url: str = ""
    under_title: list = field(default_factory=list)  # plain lines under the excerpt (a book's reference)
    number_text: str = ""  # printed as it is instead of "Số: …" ("Số chứng thực: 12, Quyển số: …")
    plain_body: bool = False  # "label: value" lines, left-aligned, not indented (a book's paper)
    qr_caption: str = "Quét mã QR để xác thực văn bản điện tử."

    @property
    def is_letter(self):
        return self.type_name == OFFICIAL_LETTER


def document_styles():
    s = styles()
    body = s["body"].clone(
        "doc_body", fontSize=13, leading=17, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=5
    )
    return {
        "head": s["header"].clone("doc_head", fontSize=12.5, leading=16),
        "number": s["header"].clone("doc_number", fontSize=13, leading=17),
        "type": s["title"].clone("doc_type", fontSize=14, leading=18, spaceBefore=8, spaceAfter=0),
        "excerpt": s["centre"].clone("doc_excerpt", fontName=BOLD, fontSize=14, leading=18),
        "addressee": s["centre"].clone("doc_addressee", fontSize=14, leading=18),
        "body": body,
        "ground": body.clone("doc_ground", fontName=ITALIC, spaceAfter=2),
        "operative": s["title"].clone("doc_operative", fontSize=14, leading=18, spaceBefore=4, spaceAfter=6),
        "places_title": s["body"].clone("doc_places_title", fontName=BOLD, fontSize=12, leading=14),
        "places": s["body"].clone("doc_places", fontSize=11, leading=13.5),
        "signer": s["centre"].clone("doc_signer", fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER),
        "small": s["small"],
    }


def render(document, spots=None):
    """PDF bytes of `document`. A công văn without anyone to send it to is refused (MissingAddressee)."""
    if document.is_letter and not document.addressees:
        raise MissingAddressee("Công văn phải có nơi nhận “Kính gửi”.")
    d = document_styles()
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, title=document.excerpt[:120], author=document.agency.name, **MARGINS)
    width = A4[0] - MARGINS["leftMargin"] - MARGINS["rightMargin"]
    story = [
        header(
            issuer_lines(document.agency),
            width,
            number=document.number,
            number_text=document.number_text,
            place_date=place_and_date(document.agency, document.dated),
            spots=spots,
            style=d["head"],
            number_style=d["number"],
            about=f"V/v {document.excerpt}" if document.is_letter else "",
        )
    ]
    story.append(Spacer(0, 5 * mm))
    if not document.is_letter:
        story.append(Paragraph(escape(document.type_name.upper()), d["type"]))
        if document.excerpt:
            story.append(Paragraph(escape(document.excerpt), d["excerpt"]))
        story.append(
            Rule(min(stringWidth(document.excerpt or document.type_name.upper(), BOLD, 14), width) / 3, space=4)
        )
    story += [
        Paragraph(escape(line), d["excerpt"].clone("under_title", fontName=ITALIC, fontSize=13))
        for line in document.under_title
    ]
    names = document.addressees  # a công văn's, under its header; a notice's, under its title
    if len(names) == 1:
        story += [Spacer(0, 2 * mm), Paragraph(f"Kính gửi: {escape(names[0])}.", d["addressee"])]
    elif names:
        story += [Spacer(0, 2 * mm), Paragraph("Kính gửi:", d["addressee"])]
        story += [Paragraph(f"- {escape(name)};", d["addressee"]) for name in names]
    story.append(Spacer(0, 4 * mm))
    story += [Paragraph(escape(line), d["ground"]) for line in document.grounds]
    if document.operative:
        story.append(Paragraph(escape(document.operative), d["operative"]))
    body_style = d["body"].clone("doc_lines", firstLineIndent=0, alignment=0) if document.plain_body else d["body"]
    for paragraph in document.body or ["…"]:
        text = escape(paragraph).replace("\n", "<br/>")
        if paragraph.startswith("Điều ") and "." in paragraph[:10]:
            head, rest = text.split(".", 1)
            text = f"<b>{head}.</b>{rest}"
        story.append(Paragraph(text, body_style))
    story.append(Spacer(0, 5 * mm))
    story.append(_closing(document, width, d, spots))
    if document.qr_url:
        qr = Table(
            [[Paragraph(escape(document.qr_caption), d["small"]), qr_image(document.qr_url)]],
            colWidths=[width - 28 * mm, 28 * mm],
        )
        qr.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(0, 3 * mm), qr]
    build(pdf, story)
    return buffer.getvalue()


def _closing(document, width, d, spots):
    """ "Nơi nhận" on the left; the authority lines, the signature and the name on the right. One row:
    it moves to the next page whole, so the block is never split from its name."""
    places = [Paragraph("<i>Nơi nhận:</i>", d["places_title"])]
    recipients = (["Như trên"] if document.is_letter else []) + list(document.recipients)
    places += [Paragraph(f"- {escape(name)};", d["places"]) for name in recipients]
    places.append(Paragraph(f"- Lưu: VT, {escape(document.archive_unit)}.", d["places"]))
    signer = [Paragraph(escape(line), d["signer"]) for line in document.signature.lines]
    signer.append(Spot(spots, "signer", SIGNATURE_HEIGHT) if spots is not None else Spacer(0, SIGNATURE_HEIGHT))
    signer.append(Paragraph(escape(document.signature.name), d["signer"]))
    table = Table([[places, signer]], colWidths=[width * 0.45, width * 0.55])
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
