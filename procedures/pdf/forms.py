"""Mẫu số 02–05 (A5) and the result document of a dossier."""

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from procedures import policy

from .base import build_form, grid, paragraphs, styles
from .receipt import applicant_lines, local, text


def supplement_request(dossier, event, tracking_url):
    """Mẫu số 02 — what is missing and why, as the officer wrote it."""
    items = event.data.get("missing_items", [])

    def body(width):
        return paragraphs(
            [f"Vào lúc {local(event.created_at)}, {text(dossier.current_agency.name)} đã xem xét hồ sơ của:"]
            + applicant_lines(dossier)
            + ["Hồ sơ cần bổ sung, hoàn thiện các nội dung sau:"]
            + [f"{i}. {text(item)}" for i, item in enumerate(items, start=1)]
            + ([f"Lý do: {text(event.comment)}"] if event.comment else [])
            + ["Thời hạn giải quyết được tính tiếp từ khi nhận đủ hồ sơ bổ sung. Mọi vướng mắc xin liên hệ bộ phận "
               "tiếp nhận và trả kết quả."]
        )

    return build_form(title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", form_number="02", agency=dossier.receiving_agency,
                      code=dossier.code, body=body, qr_url=tracking_url, pagesize=A5, dated=event.created_at,
                      signatures=[("NGƯỜI HƯỚNG DẪN", f"{text(event.actor.get_full_name())}")])


def refusal(dossier, event, tracking_url):
    """Mẫu số 03 — refusal to receive, with its reason."""

    def body(width):
        return paragraphs(
            [f"Bộ phận tiếp nhận và trả kết quả {text(dossier.receiving_agency.name)} tiếp nhận hồ sơ của:"]
            + applicant_lines(dossier)
            + [f"Vào lúc {local(event.created_at)}, hồ sơ <b>không được tiếp nhận</b> với lý do:", text(event.comment),
               "Xin thông báo để Ông/Bà biết."]
        )

    return build_form(title="Phiếu từ chối tiếp nhận giải quyết hồ sơ", form_number="03",
                      agency=dossier.receiving_agency, code=dossier.code, body=body, qr_url=tracking_url,
                      pagesize=A5, dated=event.created_at,
                      signatures=[("NGƯỜI TIẾP NHẬN HỒ SƠ", text(event.actor.get_full_name()))])


def apology(dossier, event, tracking_url):
    """Mẫu số 04 — apology and the new date."""
    from django.utils.dateparse import parse_datetime

    new_date = parse_datetime(event.data.get("appointment_at", ""))
    old_date = parse_datetime(event.data.get("old_appointment_at", ""))

    def body(width):
        return paragraphs(
            [f"{text(dossier.receiving_agency.name)} tiếp nhận hồ sơ của:"] + applicant_lines(dossier)
            + [f"Ngày hẹn trả kết quả: {local(old_date)}.",
               f"Hồ sơ chưa giải quyết đúng hẹn. Lý do: {text(event.comment)}",
               "Sự chậm trễ này đã gây phiền hà cho Ông/Bà; chúng tôi thành thật xin lỗi.",
               f"<b>Ngày hẹn trả kết quả mới: {local(new_date)}.</b>"]
        )

    return build_form(title="Phiếu xin lỗi và hẹn lại ngày trả kết quả", form_number="04",
                      agency=dossier.receiving_agency, code=dossier.code, body=body, qr_url=tracking_url,
                      pagesize=A5, desk=False, dated=event.created_at,
                      signatures=[("THỦ TRƯỞNG CƠ QUAN", "(Ký số của cơ quan)")])


def control_slip(dossier, tracking_url):
    """Mẫu số 05 — every hand-over: who gave, who received, when, early / on time / late."""
    s = styles()
    steps = list(dossier.steps.select_related("agency").order_by("index"))
    events = list(dossier.events.select_related("actor", "agency").order_by("created_at", "pk"))

    def body(width):
        rows = [[Paragraph(f"<b>{h}</b>", s["small"]) for h in ("Thời điểm", "Việc", "Người, cơ quan thực hiện", "Kết quả")]]
        for event in events:
            if event.action == "create":
                continue
            who = f"{event.actor.get_full_name() or event.actor.username}" + (f" — {event.agency.name}" if event.agency else "")
            rows.append([Paragraph(local(event.created_at), s["small"]),
                         Paragraph(text(policy.ACTION_LABELS.get(event.action, event.action)).capitalize(), s["small"]),
                         Paragraph(text(who), s["small"]), Paragraph(text(event.get_to_state_display()), s["small"])])
        step_rows = [[Paragraph(f"<b>{h}</b>", s["small"]) for h in ("Bước", "Cơ quan", "Hạn", "Hoàn thành", "Tiến độ")]]
        for step in steps:
            step_rows.append([Paragraph(str(step.index + 1), s["small"]), Paragraph(text(step.agency.name), s["small"]),
                              Paragraph(local(step.due_at), s["small"]), Paragraph(local(step.completed_at), s["small"]),
                              Paragraph(text(step.get_timeliness_display() if step.timeliness else ""), s["small"])])
        return (
            paragraphs(applicant_lines(dossier)[:1] + [f"Thủ tục: {text(dossier.procedure.name)}",
                                                       f"Hạn giải quyết: {local(dossier.due_at)}"])
            + [Spacer(0, 2 * mm), grid(step_rows, [10 * mm, width - 100 * mm, 32 * mm, 32 * mm, 26 * mm]),
               Spacer(0, 3 * mm), grid(rows, [30 * mm, 35 * mm, width - 95 * mm, 30 * mm])]
        )

    return build_form(title="Phiếu kiểm soát quá trình giải quyết hồ sơ", form_number="05",
                      agency=dossier.receiving_agency, code=dossier.code, body=body, qr_url=tracking_url, pagesize=A4)


def result_document(dossier, proposer, verification_url):
    """A generated result (the procedure's result document), to be signed by the leader."""

    def body(width):
        return paragraphs(
            [f"Căn cứ {text(dossier.procedure.legal_basis)};",
             # The procedure's name as the catalog writes it: lowering it would lower "Việt Nam" too.
             f"Xét hồ sơ {text(dossier.code)} của Ông/Bà <b>{text(dossier.applicant_name)}</b> đề nghị giải quyết "
             f"thủ tục “{text(dossier.procedure.name)}”;",
             f"{text(dossier.current_agency.name)} cấp: <b>{text(dossier.procedure.result_document)}</b> cho "
             f"Ông/Bà {text(dossier.applicant_name)}.",
             f"Người đề xuất: {text(proposer.get_full_name() or proposer.username)}."]
        )

    return build_form(title=dossier.procedure.result_document, form_number="", agency=dossier.current_agency,
                      code=dossier.code, body=body, qr_url=verification_url, pagesize=A5, desk=False,
                      signatures=[("THỦ TRƯỞNG CƠ QUAN", "(Ký số)")])
