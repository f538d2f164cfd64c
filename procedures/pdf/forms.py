"""The forms issued along the way (supplement, refusal, apology, stop, control slip) and the result
document; each form in the set the dossier keeps (procedures.pdf.sets)."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from documents.models import OutgoingDocument
from government.pdf import build_form, grid, paragraphs, styles
from government.pdf_document import Document, render
from government.signers import signature_block
from procedures.services.letters import signer_for

from .receipt import applicant_lines, desk_of, local, register_number, text
from .sets import APOLOGY, CONTROL_SLIP, REFUSAL, SET_2025, SUPPLEMENT, set_of


def supplement_request(dossier, event, tracking_url, form_set=None):
    """Mẫu số 02 — what is missing and why, as the officer wrote it."""
    form_set = form_set or set_of(dossier)
    items = event.data.get("missing_items", [])

    def body(width):
        return paragraphs(
            # The agency that asked, as of the request: the dossier may have moved on since.
            [
                f"Vào lúc {local(event.created_at)}, {text((event.agency or dossier.current_agency).name)} đã xem "
                "xét hồ sơ của:"
            ]
            + applicant_lines(dossier)
            + ["Hồ sơ cần bổ sung, hoàn thiện các nội dung sau:"]
            + [f"{i}. {text(item)}" for i, item in enumerate(items, start=1)]
            + ([f"Lý do: {text(event.comment)}"] if event.comment else [])
            + [
                "Thời hạn giải quyết được tính tiếp từ khi nhận đủ hồ sơ bổ sung. Mọi vướng mắc xin liên hệ "
                f"{desk_of(dossier.receiving_agency)}."
            ]
        )

    return build_form(
        form_set=form_set,
        kind=SUPPLEMENT,
        agency=dossier.receiving_agency,
        code=dossier.code,
        body=body,
        qr_url=tracking_url,
        dated=event.created_at,
        number=register_number(dossier),
        signatures=[("NGƯỜI HƯỚNG DẪN", f"{text(event.actor.get_full_name())}")],
    )


def refusal(dossier, event, tracking_url, form_set=None):
    """Mẫu số 03 — refusal to receive, with its reason."""
    form_set = form_set or set_of(dossier)

    def body(width):
        return paragraphs(
            [f"{desk_of(dossier.receiving_agency)} tiếp nhận hồ sơ của:"]
            + applicant_lines(dossier)
            + [
                f"Vào lúc {local(event.created_at)}, hồ sơ <b>không được tiếp nhận</b> với lý do:",
                text(event.comment),
                "Xin thông báo để Ông/Bà biết.",
            ]
        )

    return build_form(
        form_set=form_set,
        kind=REFUSAL,
        agency=dossier.receiving_agency,
        code=dossier.code,
        body=body,
        qr_url=tracking_url,
        dated=event.created_at,
        number=register_number(dossier),
        signatures=[("NGƯỜI TIẾP NHẬN HỒ SƠ", text(event.actor.get_full_name()))],
    )


def apology(dossier, event, tracking_url, form_set=None):
    """Mẫu số 04 — 2018: the desk's apology and new date. 2025: the letter of the agency responsible
    for the delay (the one that held the dossier), apologising and asking to extend to a new date."""
    form_set = form_set or set_of(dossier)
    new_date = parse_datetime(event.data.get("appointment_at", ""))
    old_date = parse_datetime(event.data.get("old_appointment_at", ""))
    if form_set is not SET_2025:

        def body(width):
            return paragraphs(
                [f"{text(dossier.receiving_agency.name)} tiếp nhận hồ sơ của:"]
                + applicant_lines(dossier)
                + [
                    f"Ngày hẹn trả kết quả: {local(old_date)}.",
                    f"Hồ sơ chưa giải quyết đúng hẹn. Lý do: {text(event.comment)}",
                    "Sự chậm trễ này đã gây phiền hà cho Ông/Bà; chúng tôi thành thật xin lỗi.",
                    f"<b>Ngày hẹn trả kết quả mới: {local(new_date)}.</b>",
                ]
            )

        return build_form(
            form_set=form_set,
            kind=APOLOGY,
            agency=dossier.receiving_agency,
            code=dossier.code,
            body=body,
            qr_url=tracking_url,
            desk=False,
            dated=event.created_at,
            number=register_number(dossier),
            signatures=[_signer_column(dossier.receiving_agency, event)],
        )
    agency = event.agency or dossier.current_agency
    body = [
        f"Ngày {_date(dossier.received_at)}, {desk_of_plain(dossier.receiving_agency)} tiếp nhận hồ sơ số "
        f"{dossier.code} của Ông/Bà {dossier.applicant_name} đề nghị giải quyết thủ tục “{dossier.procedure.name}”, "
        f"hẹn trả kết quả {_moment(old_date)}.",
        f"Đến nay, {agency.name} chưa hoàn thành việc giải quyết hồ sơ. Lý do: {event.comment}",
        f"{agency.name} xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ đến "
        f"{_moment(new_date)}. Kết quả được trả tại {(dossier.return_agency or dossier.receiving_agency).name}.",
        f"{agency.name} trân trọng thông báo để Ông/Bà biết.",
    ]
    return _letter_pdf(dossier, event, agency, "Công văn", body, excerpt=_excerpt(event, dossier), qr_url=tracking_url)


def stop_notice(dossier, event, tracking_url, form_set=None):
    """Mẫu số 05 (2025 only) — the competent agency tells the applicant it stopped handling the dossier,
    on the ground chosen: the applicant's request, or the provision named by the officer."""
    agency = event.agency or dossier.competent_agency or dossier.current_agency
    provision = event.data.get("provision", "")
    grounds = [GROUND_118]
    if event.data.get("ground") == "applicant_request":
        grounds.append(f"Căn cứ đề nghị dừng giải quyết hồ sơ của Ông/Bà {dossier.applicant_name};")
    elif provision:
        grounds.append(f"Căn cứ {provision.rstrip('.;')};")
    body = [
        f"Ngày {_date(dossier.received_at)}, {desk_of_plain(dossier.receiving_agency)} tiếp nhận hồ sơ số "
        f"{dossier.code} của Ông/Bà {dossier.applicant_name} đề nghị giải quyết thủ tục “{dossier.procedure.name}”.",
        f"{agency.name} thông báo dừng giải quyết hồ sơ nêu trên kể từ {_moment(event.created_at)}. "
        f"Lý do: {event.comment}",
        f"Giấy tờ bản chính của hồ sơ (nếu có) được trả lại tại {dossier.receiving_agency.name}.",
    ]
    return _letter_pdf(
        dossier,
        event,
        agency,
        "Thông báo",
        body,
        grounds=grounds,
        qr_url=tracking_url,
        excerpt=f"Về việc dừng giải quyết hồ sơ {dossier.code}",
    )


# Decree 118/2025's title as public copies give it (README, unverified list).
GROUND_118 = (
    "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục "
    "hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;"
)


def _letter_pdf(dossier, event, agency, type_name, body, *, excerpt, qr_url, grounds=()):
    """Forms 04 and 05 of 2025 as the agency's letters (government/pdf_document.py), numbered from its
    outgoing register when they were issued (procedures/services/letters.py)."""

    letter = OutgoingDocument.objects.filter(pk=event.data.get("letter_document")).select_related("signer").first()
    signer = letter.signer if letter and letter.signer_id else signer_for(agency, event.actor)
    document = Document(
        agency=agency,
        type_name=type_name,
        excerpt=excerpt,
        body=body,
        grounds=list(grounds),
        signature=signature_block(signer, agency),
        addressees=[f"Ông/Bà {dossier.applicant_name}"],
        recipients=[desk_of_plain(dossier.receiving_agency)],
        archive_unit="VP",
        number=event.data.get("letter_symbol") or letter_number(dossier, event),
        dated=event.created_at,
        qr_url=qr_url,
    )
    return render(document)


def _signer_column(agency, event):
    block = signature_block(signer_for(agency, event.actor), agency)
    return " ".join(block.lines), block.name


def _excerpt(event, dossier):
    return f"Xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ {dossier.code}"


def desk_of_plain(agency):
    return f"{agency.desk_name} {agency.name}" if agency.desk_name else agency.name


def _date(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y") if moment else "—"


def _moment(moment):
    return timezone.localtime(moment).strftime("%H giờ %M, ngày %d/%m/%Y") if moment else "—"


def letter_number(dossier, event):
    """ "0002/01": the dossier's register number and which letter of its kind this is for the dossier;
    for a letter issued before letters were numbered from the outgoing register."""
    nth = dossier.events.filter(action=event.action, pk__lte=event.pk).count()
    return f"{register_number(dossier)}/{nth:02d}"


def control_slip(dossier, tracking_url, form_set=None):
    """Mẫu số 05 (2018) / 06 (2025), A5 — every hand-over: the agency that gives and the one that receives, when, the
    names of the people with room for their signatures, and whether the giver finished early, on time
    or late; then the route's steps with their due times."""
    s = styles()
    form_set = form_set or set_of(dossier)
    steps = list(dossier.steps.select_related("agency").order_by("index"))
    desk = desk_of(dossier.receiving_agency)

    def cell(value):
        return Paragraph(value, s["small"])

    def body(width):
        rows = [
            [
                cell(f"<b>{h}</b>")
                for h in (
                    "Tên cơ quan",
                    "Thời gian giao, nhận hồ sơ",
                    "Kết quả (trước hạn / đúng hạn / quá hạn)",
                    "Ghi chú",
                )
            ]
        ]
        for handover in handovers(dossier, desk):
            rows.append(
                [
                    cell(f"1. Giao: {handover.giver}<br/>2. Nhận: {handover.receiver}"),
                    cell(
                        f"{local(handover.at)}<br/><br/>Người giao: {handover.giver_person}<br/><br/>"
                        f"Người nhận: {handover.receiver_person}"
                    ),
                    cell(text(handover.timeliness)),
                    cell(""),
                ]
            )
        step_rows = [[cell(f"<b>{h}</b>") for h in ("Bước", "Cơ quan", "Hạn", "Hoàn thành", "Tiến độ")]]
        for step in steps:
            step_rows.append(
                [
                    cell(str(step.index + 1)),
                    cell(text(step.agency.name)),
                    cell(local(step.due_at)),
                    cell(local(step.completed_at)),
                    cell(text(step.get_timeliness_display() if step.timeliness else "")),
                ]
            )
        return paragraphs(
            applicant_lines(dossier)[:1]
            + [f"Thủ tục: {text(dossier.procedure.name)}", f"Hạn giải quyết: {local(dossier.due_at)}"]
        ) + [
            Spacer(0, 2 * mm),
            grid(rows, [38 * mm, 44 * mm, 24 * mm, width - 106 * mm]),
            Spacer(0, 3 * mm),
            grid(step_rows, [12 * mm, width - 82 * mm, 26 * mm, 26 * mm, 18 * mm]),
        ]

    return build_form(
        form_set=form_set,
        kind=CONTROL_SLIP,
        agency=dossier.receiving_agency,
        code=dossier.code,
        body=body,
        qr_url=tracking_url,
        number=register_number(dossier),
        dated=dossier.received_at,
    )


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
            result.append(Handover(event.created_at, desk, agency, name(last["receive"].actor), name(event.actor), ""))
        elif event.action == "transfer":  # given now; the receiving agency signs when it accepts
            index = next((i for i, st in enumerate(steps) if st.agency_id == event.agency_id), None)
            done = steps[index] if index is not None else None
            receiving = steps[index + 1].agency if index is not None and index + 1 < len(steps) else None
            result.append(
                Handover(
                    event.created_at,
                    agency,
                    text(receiving.name) if receiving else "—",
                    name(event.actor),
                    "",
                    _timeliness(done),
                )
            )
        elif event.action == "accept_transfer" and result and not result[-1].receiver_person:
            result[-1].receiver_person = name(event.actor)
        elif event.action == "approve":
            result.append(
                Handover(
                    event.created_at, agency, desk, name(event.actor), "", _timeliness(steps[-1] if steps else None)
                )
            )
        elif event.action == "return_result":
            result.append(
                Handover(
                    event.created_at,
                    desk,
                    f"Người nộp hồ sơ: {text(dossier.applicant_name)}",
                    name(event.actor),
                    "",
                    _timeliness(dossier),
                )
            )
        last[event.action] = event
    return result


def _timeliness(item):
    """ "Trước hạn", "Đúng hạn" or "Quá hạn" for a finished step or dossier; empty before it is classified."""
    return item.get_timeliness_display() if item is not None and item.timeliness else ""
