"""Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5)."""

import io

from django.utils import timezone
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from citizen_registry_adapter.personal_id import mask
from procedures.models import Channel
from procedures.selectors import appointment_for

from .base import grid, header, qr_image, styles

MARGIN = 12 * mm


def render_receipt(dossier, tracking_url):
    """The receipt as PDF bytes. Before the desk receives an online dossier, the date is the expected one."""
    s = styles()
    buffer = io.BytesIO()
    width = A5[0] - 2 * MARGIN
    document = SimpleDocTemplate(buffer, pagesize=A5, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN, title=f"Giấy tiếp nhận hồ sơ {dossier.code}",
                                 author=str(dossier.receiving_agency))
    agency = dossier.receiving_agency
    local = lambda moment: timezone.localtime(moment).strftime("%H giờ %M, ngày %d/%m/%Y")  # noqa: E731
    received = dossier.received_at is not None
    appointment = appointment_for(dossier)
    text = lambda value: escape(str(value or "—"))  # noqa: E731

    story = [
        header([escape(agency.name.upper()), "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"], width),
        Paragraph(f"Mã hồ sơ: <b>{text(dossier.code)}</b>", s["centre"]),
        Paragraph("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", s["title"]),
        Paragraph("(Mẫu số 01 — Thông tư 01/2018/TT-VPCP)", s["italic_centre"]),
        Spacer(0, 4 * mm),
        Paragraph(f"Bộ phận tiếp nhận và trả kết quả {text(agency.name)} đã tiếp nhận hồ sơ của:", s["body"]),
        Paragraph(f"Ông/Bà: <b>{text(dossier.applicant_name)}</b> — Số định danh cá nhân: "
                  f"{text(mask(dossier.applicant_personal_id))}", s["body"]),
        Paragraph(f"Địa chỉ: {text(dossier.applicant_address)}", s["body"]),
        Paragraph(f"Số điện thoại: {text(dossier.applicant_phone)} — Thư điện tử: {text(dossier.applicant_email)}",
                  s["body"]),
        Paragraph(f"Nội dung yêu cầu giải quyết: <b>{text(dossier.procedure.name)}</b>", s["body"]),
        Spacer(0, 2 * mm),
    ]
    rows = [[Paragraph("<b>TT</b>", s["small"]), Paragraph("<b>Tên giấy tờ</b>", s["small"]),
             Paragraph("<b>Hình thức</b>", s["small"]), Paragraph("<b>Số lượng</b>", s["small"])]]
    for i, required in enumerate(dossier.procedure.required_documents.all(), start=1):
        files = [d for d in dossier.documents.all() if d.required_document_id == required.pk]
        form = f"Bản điện tử ({len(files)} tệp)" if files else required.get_copy_kind_display()
        rows.append([Paragraph(str(i), s["small"]), Paragraph(text(required.name), s["small"]),
                     Paragraph(escape(form), s["small"]), Paragraph(str(required.quantity), s["small"])])
    story += [grid(rows, [8 * mm, width - 58 * mm, 34 * mm, 16 * mm]), Spacer(0, 3 * mm)]

    channel = "trực tuyến" if dossier.channel == Channel.ONLINE else "trực tiếp"
    submitted = dossier.received_at or dossier.submitted_at
    lines = [
        f"Số lượng hồ sơ: 01 bộ, nộp {channel}.",
        f"Thời gian giải quyết theo quy định: {_days(dossier.procedure.processing_days)} ngày làm việc.",
        f"Thời gian {'tiếp nhận' if received else 'nộp'} hồ sơ: {local(submitted) if submitted else '—'}.",
        f"<b>Thời gian trả kết quả{'' if received else ' (dự kiến)'}: {local(appointment)}.</b>",
        f"Nhận kết quả: {text(dossier.get_result_delivery_display())}.",
    ]
    if not received:
        lines.append("<i>Ngày hẹn chính thức được tính từ khi bộ phận một cửa tiếp nhận hồ sơ; "
                     "bạn sẽ được thông báo khi hồ sơ được tiếp nhận.</i>")
    info = [Paragraph(line, s["body"]) for line in lines]
    qr = [qr_image(tracking_url), Paragraph("Quét mã để tra cứu tiến độ", s["small"])]
    block = Table([[info, qr]], colWidths=[width - 30 * mm, 30 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [block, Spacer(0, 5 * mm)]
    signatures = Table(
        [[Paragraph("<b>NGƯỜI NỘP HỒ SƠ</b>", s["centre"]), Paragraph("<b>NGƯỜI TIẾP NHẬN HỒ SƠ</b>", s["centre"])],
         [Paragraph("(Nộp trực tuyến)" if dossier.channel == Channel.ONLINE else "(Ký và ghi rõ họ tên)",
                    s["italic_centre"]),
          Paragraph("(Ký và ghi rõ họ tên)" if received else "(Chờ tiếp nhận)", s["italic_centre"])]],
        colWidths=[width / 2, width / 2],
    )
    story.append(signatures)
    document.build(story)
    return buffer.getvalue()


def _days(value):
    return f"{value:f}".rstrip("0").rstrip(".").replace(".", ",")
