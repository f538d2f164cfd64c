"""Mẫu số 06 — Sổ theo dõi hồ sơ: a desk's dossiers received in a date range (A4 landscape)."""

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from procedures.models import Dossier

from .base import build_form, grid, paragraphs, styles
from .receipt import local, text


def desk_register(agency, start, end):
    """Dossiers `agency` received from `start` to `end` (dates, inclusive), oldest first."""
    s = styles()
    dossiers = list(
        Dossier.objects.filter(receiving_agency=agency, received_at__date__gte=start, received_at__date__lte=end)
        .select_related("procedure").order_by("received_at", "pk")
    )

    def body(width):
        header = ("TT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Tiếp nhận", "Hẹn trả", "Trả kết quả", "Tiến độ")
        rows = [[Paragraph(f"<b>{h}</b>", s["small"]) for h in header]]
        for i, dossier in enumerate(dossiers, start=1):
            rows.append([Paragraph(cell, s["small"]) for cell in (
                str(i), text(dossier.code), text(dossier.procedure.name), text(dossier.applicant_name),
                local(dossier.received_at), local(dossier.appointment_at), local(dossier.returned_at),
                text(dossier.get_timeliness_display() if dossier.timeliness else dossier.get_state_display()),
            )])
        widths = [9 * mm, 44 * mm, width - 229 * mm, 36 * mm, 35 * mm, 35 * mm, 35 * mm, 35 * mm]
        return paragraphs([f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}: {len(dossiers)} hồ sơ."]) + [grid(rows, widths)]

    return build_form(title="Sổ theo dõi hồ sơ", form_number="06", agency=agency, code="", body=body, qr_url="",
                      pagesize=landscape(A4))
