"""The declaration as a PDF, generated from what the applicant typed: national motto, the form's title
and template reference, the addressee, each field with its label, groups as tables, and the
applicant's block. Be Vietnam Pro, embedded, as every form of the portal."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from government.pdf import Table, build, date_line, grid, header, styles
from government.places import place_name

from .forms import display, template_reference


def declaration(dossier, definition, values, *, at=None):
    s = styles()
    margin = 18 * mm
    width = A4[0] - 2 * margin
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"{definition['title']} {dossier.code or ''}".strip(),
        author=dossier.applicant_name,
    )
    moment = timezone.localtime(at or dossier.submitted_at or timezone.now())
    place = place_name(dossier.receiving_agency.unit)
    story = [
        header([""], width, place_date=escape(date_line(place, moment))),
        Spacer(0, 4 * mm),
        Paragraph(escape(definition["title"].upper()), s["title"]),
    ]
    if definition.get("template"):
        story.append(Paragraph(f"({escape(template_reference(definition['template']))})", s["italic_centre"]))
    story += [
        Spacer(0, 2 * mm),
        Paragraph(f"Kính gửi: {escape(dossier.receiving_agency.name)}", s["centre"]),
        Spacer(0, 4 * mm),
    ]
    for label, value, group in display(definition, values):
        if group is None:
            colon = "" if label.rstrip().endswith(("?", ":")) else ":"  # "Có án tích không? Không"
            story.append(Paragraph(f"{escape(label)}{colon} <b>{escape(value)}</b>", s["body"]))
            continue
        story.append(Paragraph(f"<b>{escape(label)}:</b>", s["body"]))
        if group:
            heads = [Paragraph(f"<b>{escape(sub)}</b>", s["small"]) for sub, _text in group[0]]
            rows = [[Paragraph(escape(text), s["small"]) for _sub, text in row] for row in group]
            story += [grid([heads] + rows, [width / len(heads)] * len(heads)), Spacer(0, 2 * mm)]
        else:
            story.append(Paragraph("—", s["body"]))
    story += [
        Spacer(0, 4 * mm),
        Paragraph(
            "Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về "
            "lời khai của mình.",
            s["body"],
        ),
        Spacer(0, 6 * mm),
    ]
    how = "Khai trực tuyến" if dossier.channel == "online" else "Khai tại bộ phận một cửa"
    online = f"({how} lúc {moment:%H:%M %d/%m/%Y})"
    story.append(
        Table(
            [
                ["", Paragraph("<b>NGƯỜI KHAI</b>", s["centre"])],
                ["", Paragraph("(Ký, ghi rõ họ tên)", s["italic_centre"])],
                ["", Paragraph(escape(dossier.applicant_name), s["centre"])],
                ["", Paragraph(online, s["small"])],
            ],
            colWidths=[width / 2, width / 2],
        )
    )
    build(document, story)
    return buffer.getvalue()
