"""Mẫu số 02–05 (A5) and the result document of a dossier."""

from dataclasses import dataclass

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

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
    """Mẫu số 05 (A5) — every hand-over: the agency that gives and the one that receives, when, the
    names of the people with room for their signatures, and whether the giver finished early, on time
    or late; then the route's steps with their due times."""
    s = styles()
    steps = list(dossier.steps.select_related("agency").order_by("index"))
    desk = f"Bộ phận TN&amp;TKQ {text(dossier.receiving_agency.name)}"

    def cell(value):
        return Paragraph(value, s["small"])

    def body(width):
        rows = [[cell(f"<b>{h}</b>") for h in ("Tên cơ quan", "Thời gian giao, nhận hồ sơ",
                                                "Kết quả (trước hạn / đúng hạn / quá hạn)", "Ghi chú")]]
        for handover in handovers(dossier, desk):
            rows.append([
                cell(f"1. Giao: {handover.giver}<br/>2. Nhận: {handover.receiver}"),
                cell(f"{local(handover.at)}<br/><br/>Người giao: {handover.giver_person}<br/><br/>"
                     f"Người nhận: {handover.receiver_person}"),
                cell(text(handover.timeliness)), cell(""),
            ])
        step_rows = [[cell(f"<b>{h}</b>") for h in ("Bước", "Cơ quan", "Hạn", "Hoàn thành", "Tiến độ")]]
        for step in steps:
            step_rows.append([cell(str(step.index + 1)), cell(text(step.agency.name)), cell(local(step.due_at)),
                              cell(local(step.completed_at)),
                              cell(text(step.get_timeliness_display() if step.timeliness else ""))])
        return (
            paragraphs(applicant_lines(dossier)[:1] + [f"Thủ tục: {text(dossier.procedure.name)}",
                                                       f"Hạn giải quyết: {local(dossier.due_at)}"])
            + [Spacer(0, 2 * mm), grid(rows, [38 * mm, 44 * mm, 24 * mm, width - 106 * mm]),
               Spacer(0, 3 * mm), grid(step_rows, [12 * mm, width - 82 * mm, 26 * mm, 26 * mm, 18 * mm])]
        )

    return build_form(title="Phiếu kiểm soát quá trình giải quyết hồ sơ", form_number="05",
                      agency=dossier.receiving_agency, code=dossier.code, body=body, qr_url=tracking_url, pagesize=A5)


@dataclass
class Handover:
    at: object
    giver: str
    receiver: str
    giver_person: str
    receiver_person: str
    timeliness: str


def handovers(dossier, desk):
    """The hand-overs the control slip records, from the event log: the desk to the first agency, each
    transfer between agencies, the result back to the desk, and the desk to the applicant."""
    events = list(dossier.events.select_related("actor", "agency").order_by("created_at", "pk"))
    steps = list(dossier.steps.select_related("agency").order_by("index"))
    name = lambda user: text(user.get_full_name() or user.username)  # noqa: E731
    last = {}
    result = []
    for event in events:
        agency = text(event.agency.name) if event.agency else desk
        if event.action == "start_processing" and "receive" in last and "start_processing" not in last:
            result.append(Handover(event.created_at, desk, agency, name(last["receive"].actor), name(event.actor),
                                   ""))
        elif event.action == "transfer":  # given now; the receiving agency signs when it accepts
            index = next((i for i, st in enumerate(steps) if st.agency_id == event.agency_id), None)
            done = steps[index] if index is not None else None
            receiving = steps[index + 1].agency if index is not None and index + 1 < len(steps) else None
            result.append(Handover(event.created_at, agency, text(receiving.name) if receiving else "—",
                                   name(event.actor), "", _timeliness(done)))
        elif event.action == "accept_transfer" and result and not result[-1].receiver_person:
            result[-1].receiver_person = name(event.actor)
        elif event.action == "approve":
            result.append(Handover(event.created_at, agency, desk, name(event.actor), "",
                                   _timeliness(steps[-1] if steps else None)))
        elif event.action == "return_result":
            result.append(Handover(event.created_at, desk, f"Người nộp hồ sơ: {text(dossier.applicant_name)}",
                                   name(event.actor), "", _timeliness(dossier)))
        last[event.action] = event
    return result


def _timeliness(item):
    """"Trước hạn", "Đúng hạn" or "Quá hạn" for a finished step or dossier; empty before it is classified."""
    return item.get_timeliness_display() if item is not None and item.timeliness else ""


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
