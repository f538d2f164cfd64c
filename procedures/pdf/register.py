"""Mẫu số 06 (2018) / 07 (2025) — Sổ theo dõi hồ sơ: a desk's dossiers received in a date range
(A4 landscape), in the set in force on the range's last day."""

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from government.pdf import build_form, grid, paragraphs, styles
from procedures.models import Dossier

from .receipt import local, text
from .sets import REGISTER, set_in_force


def desk_register(agency, start, end, form_set=None):
    """Dossiers `agency` received from `start` to `end` (dates, inclusive), oldest first."""
    import datetime as dt

    from government.calendar import LOCAL_TZ

    s = styles()
    form_set = form_set or set_in_force(dt.datetime.combine(end, dt.time(12), LOCAL_TZ))
    dossiers = list(
        Dossier.objects.filter(receiving_agency=agency, received_at__date__gte=start, received_at__date__lte=end)
        .select_related("procedure", "current_agency").prefetch_related("events", "steps__agency")
        .order_by("received_at", "pk")
    )

    def body(width):
        header = ("TT", "Mã hồ sơ", "Thủ tục", "Người nộp, địa chỉ, điện thoại", "Tiếp nhận", "Hẹn trả",
                  "Cơ quan giải quyết, ngày chuyển", "Trả kết quả", "Tiến độ", "Ghi chú")
        rows = [[Paragraph(f"<b>{h}</b>", s["small"]) for h in header]]
        for i, dossier in enumerate(dossiers, start=1):
            handed = [e for e in dossier.events.all() if e.action == "transfer"]
            handler = " → ".join(step.agency.name for step in dossier.steps.all()) or dossier.current_agency.name
            note = _note(dossier)
            rows.append([Paragraph(cell, s["small"]) for cell in (
                str(i), text(dossier.code), text(dossier.procedure.name),
                f"{text(dossier.applicant_name)}<br/>{text(dossier.applicant_address)}<br/>{text(dossier.applicant_phone)}",
                local(dossier.received_at), local(dossier.appointment_at),
                text(handler) + "".join(f"<br/>chuyển {local(e.created_at)}" for e in handed),
                local(dossier.returned_at),
                text(dossier.get_timeliness_display() if dossier.timeliness else dossier.get_state_display()),
                text(note) if note else "",
            )])
        widths = [8 * mm, 44 * mm, width - 236 * mm, 36 * mm, 22 * mm, 22 * mm, 36 * mm, 22 * mm, 20 * mm, 26 * mm]
        return paragraphs([f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}: {len(dossiers)} hồ sơ."]) + [grid(rows, widths)]

    return build_form(form_set=form_set, kind=REGISTER, agency=agency, code="", body=body, qr_url="")


def _note(dossier):
    """What the register's "Ghi chú" column says: supplements asked, apologies sent, fee collected."""
    actions = [e.action for e in dossier.events.all()]
    notes = []
    if "request_supplement" in actions:
        notes.append(f"bổ sung {actions.count('request_supplement')} lần")
    if "issue_apology" in actions:
        notes.append("đã xin lỗi, hẹn lại")
    if "stop" in actions:
        notes.append(f"dừng giải quyết: {dossier.decision_note}")
    if dossier.fee_vnd:
        notes.append(f"thu {dossier.fee_vnd:,} đồng".replace(",", "."))
    return "; ".join(notes)
