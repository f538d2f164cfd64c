"""Form fields that let an issued document be finished after its signer has signed it.

Decree 30/2020 has the leader sign first; only then does the clerk write the number and the date and
add the agency's signature. So the draft carries, before the leader signs, two empty text fields
(number and symbol; place and date) and two empty signature fields (the leader's; the agency's,
over the left third of the leader's). The leader's certification signature permits form filling
and signing only (DocMDP level 2), so the clerk's number, date and agency signature are permitted
later revisions, and anything else made after it shows as a change (decision 0020).
"""

import io
from dataclasses import dataclass

from pyhanko.pdf_utils import form_tools, generic, layout, text
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from government.fonts import FONT, ITALIC, font_file, register_fonts

NUMBER_FIELD, DATE_FIELD = "SoKyHieu", "NgayBanHanh"
SIGNER_FIELD, SEAL_FIELD = "ChuKyNguoiKy", "ChuKyCoQuan"
FIELD_HEIGHT = 6 * mm
SIGNATURE_HEIGHT = 26 * mm
CENTRED = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MID,
    y_align=layout.AxisAlignment.ALIGN_MID,
    inner_content_scaling=layout.InnerScaling.NO_SCALING,
)


@dataclass(frozen=True)
class Box:
    page: int  # 0-based; -1 for the last page
    x: float
    y: float  # the bottom, in points from the page's bottom
    width: float
    height: float

    @property
    def rect(self):
        return (self.x, self.y, self.x + self.width, self.y + self.height)


@dataclass(frozen=True)
class IssueLayout:
    number: Box | None  # None: printed already (a paper numbered in its own book)
    date: Box | None
    signer: Box

    @property
    def seal(self):
        # The seal covers about a third of the signer's image, on its left (Decree 30/2020, §10 of DOMAIN.md),
        # and is a little taller than the signature, as a 35–40 mm seal is.
        size = self.signer.height * 1.35
        left = self.signer.x + self.signer.width * 0.1 - size / 3
        return Box(self.signer.page, left, self.signer.y - (size - self.signer.height) / 2, size, size)


def standard_layout(pdf_bytes):
    """Where the header and the signer's block of an administrative document sit, for a PDF the
    system did not lay out itself (an uploaded draft or result): the number under the issuing body and
    the date under the motto near the top of page 1, the signature above the signer's name at the
    bottom right of the last page; in proportion to the page, A4 or A5."""
    box = PdfReader(io.BytesIO(pdf_bytes)).pages[0].mediabox  # inherited from the page tree when not its own
    x0, y0, x1, y1 = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    width, height = x1 - x0, y1 - y0
    top = y1 - 0.16 * height
    return IssueLayout(
        number=Box(0, x0 + 0.05 * width, top, 0.38 * width, FIELD_HEIGHT),
        date=Box(0, x0 + 0.45 * width, top, 0.5 * width, FIELD_HEIGHT),
        signer=Box(-1, x0 + 0.58 * width, y0 + 0.14 * height, 0.34 * width, SIGNATURE_HEIGHT),
    )


class Spot(Flowable):
    """An invisible flowable that writes down where it was drawn, for a field to be placed there."""

    def __init__(self, spots, name, height=FIELD_HEIGHT):
        super().__init__()
        self.spots, self.name, self.height = spots, name, height

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.height

    def draw(self):
        x, y = self.canv.absolutePosition(0, 0)
        self.spots[self.name] = Box(self.canv.getPageNumber() - 1, x, y, self.width, self.height)


def has_fields(pdf_bytes):
    """Whether the PDF already carries the empty signer's field (made by `with_fields`)."""
    try:
        form = PdfFileReader(io.BytesIO(pdf_bytes), strict=False).root["/AcroForm"]
        return any(field.get_object().get("/T") == SIGNER_FIELD for field in form["/Fields"])
    except (KeyError, TypeError):
        return False


def with_fields(pdf_bytes, issue_layout=None):
    """The draft with the empty fields the issue will fill, as an incremental update; without a
    layout, at the standard places."""
    issue_layout = issue_layout or standard_layout(pdf_bytes)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    pages = int(writer.root["/Pages"]["/Count"])
    signer_page = issue_layout.signer.page % pages
    for name, box in ((SIGNER_FIELD, issue_layout.signer), (SEAL_FIELD, issue_layout.seal)):
        fields.append_signature_field(writer, fields.SigFieldSpec(name, box=box.rect, on_page=signer_page))
    for name, box in ((NUMBER_FIELD, issue_layout.number), (DATE_FIELD, issue_layout.date)):
        if box is not None:
            _append_text_field(writer, name, box)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _append_text_field(writer, name, box):
    page_ref = writer.find_page_for_modification(box.page)[0]  # the header is on the first page
    field = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
            generic.NameObject("/FT"): generic.NameObject("/Tx"),
            generic.NameObject("/T"): generic.TextStringObject(name),
            generic.NameObject("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in box.rect]),
            generic.NameObject("/F"): generic.NumberObject(4),  # printed
            generic.NameObject("/P"): page_ref,
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 0 Tf 0 g"),
        }
    )
    reference = writer.add_object(field)
    page = page_ref.get_object()
    if "/Annots" in page:
        page["/Annots"].append(reference)
        writer.update_container(page["/Annots"])
    else:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([reference])
    writer.mark_update(page_ref)
    form = writer.root["/AcroForm"]  # made by append_signature_field above
    form["/Fields"].append(reference)
    writer.update_container(form)


def fill_text_fields(pdf_bytes, values):
    """`values` ({field name: text}) written into the empty text fields, as one incremental update."""

    register_fonts()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    for name, value in values.items():
        field = form_tools.find_existing_empty_field(writer, name, "/Tx").get_object()
        width, _height = form_tools.annot_width_height(form_tools.get_single_field_annot(field))
        # The place and date in italics, the number upright (Decree 30/2020, appendix I); centred in the
        # box, 13 pt, smaller only when a long place name would not fit (an A5 result's narrow column).
        italic = name == DATE_FIELD
        size = min(13.0, 0.94 * float(width) / max(stringWidth(value, ITALIC if italic else FONT, 1), 1))
        style = text.TextBoxStyle(
            font=GlyphAccumulatorFactory(_font_file("Italic" if italic else "Regular")),
            font_size=size,
            box_layout_rule=CENTRED,
        )
        form_tools.populate_static_text_field(writer, name, style, value)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _font_file(style):
    return str(font_file(style))
