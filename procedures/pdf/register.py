"""Mẫu số 06 (2018) / 07 (2025) — Sổ theo dõi hồ sơ: a desk's dossiers received in a date range
(A4 landscape), in the set in force on the range's last day."""

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from government.calendar import LOCAL_TZ
from government.pdf import build_form, grid, one_line, paragraphs, styles
from procedures.models import Dossier

from .receipt import local, text
from .sets import REGISTER, set_in_force


def desk_register(agency, start, end, form_set=None):
    """Dossiers `agency` received from `start` to `end` (dates, inclusive), oldest first."""

    s = styles()
    form_set = form_set or set_in_force(dt.datetime.combine(end, dt.time(12), LOCAL_TZ))
    dossiers = list(
        Dossier.objects.filter(receiving_agency=agency, received_at__date__gte=start, received_at__date__lte=end)
        .select_related("procedure", "current_agency")
        .prefetch_related("events", "steps__agency")
        .order_by("received_at", "pk")
    )

    def cell(value):
        return Paragraph(value, s["small"])

    def body(width):
        header = (
            "TT",
            "Mã hồ sơ",
            "Tên thủ tục hành chính",
            "Số lượng hồ sơ (bộ)",
            "Tên, địa chỉ, điện thoại người nộp",
            "Cơ quan chủ trì giải quyết",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Chuyển hồ sơ (ngày; ký nhận)",
            "Trả kết quả (ngày; ký nhận)",
            "Ghi chú",
        )
        rows = [[cell(f"<b>{h}</b>") for h in header]]
        widths = [8 * mm, 38 * mm, 31 * mm, 13 * mm, 36 * mm, 30 * mm, 18 * mm, 18 * mm, 26 * mm, 26 * mm]
        widths.append(width - sum(widths))
        for i, dossier in enumerate(dossiers, start=1):
            handed = [e for e in dossier.events.all() if e.action == "transfer"]
            # Numbered, one agency a line: the serif face has no arrow, and a clerk reads a list.
            steps = [step.agency.name for step in dossier.steps.all()] or [dossier.current_agency.name]
            handler = "<br/>".join(
                f"{n}. {text(name)}" if len(steps) > 1 else text(name) for n, name in enumerate(steps, start=1)
            )
            note = _note(dossier)
            timeliness = dossier.get_timeliness_display() if dossier.timeliness else dossier.get_state_display()
            rows.append(
                [
                    cell(str(i)),
                    one_line(dossier.code or "—", s["small"], widths[1] - 13, smallest=5.5),
                    cell(text(dossier.procedure.name)),
                    cell("01"),
                    cell(
                        f"{text(dossier.applicant_name)}<br/>{text(dossier.applicant_address)}<br/>"
                        f"{text(dossier.applicant_phone)}"
                    ),
                    cell(handler),
                    cell(local(dossier.received_at)),
                    cell(local(dossier.appointment_at)),
                    cell("<br/>".join(local(e.created_at) for e in handed) + "<br/><br/>" if handed else ""),
                    cell(local(dossier.returned_at) + "<br/><br/>" if dossier.returned_at else ""),
                    cell("; ".join(part for part in (text(timeliness), text(note) if note else "") if part)),
                ]
            )
        return paragraphs([f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}: {len(dossiers)} hồ sơ."]) + [
            grid(rows, widths)
        ]

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
