"""Mẫu số 01 of both sets — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5)."""

import re
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from citizen_registry_adapter.personal_id import mask
from government.addresses import on_current_tree
from government.pdf import build_form, grid, paragraphs, styles
from procedures.models import Channel, TimeLimitKind
from procedures.selectors import appointment_at_receipt, components_of
from procedures.services.store import waived_documents

from .sets import RECEIPT, SET_2025, set_of


def local(moment):
    return timezone.localtime(moment).strftime("%H giờ %M, ngày %d/%m/%Y") if moment else "—"


def text(value):
    return escape(str(value or "—"))


def time_limit_text(dossier):
    """The limit the dossier was received under (its version's), in the receipt's Vietnamese."""
    with translation.override("vi"):
        limit = (dossier.procedure_version or dossier.procedure).time_limit
        return limit.full_text if limit.kind == TimeLimitKind.SAME_DAY else limit.text


def register_number(dossier):
    """The dossier's line in the desk's book for the year ("0012"); for a dossier received before the
    book was kept, the sequence its code ends with; "…" before receipt."""
    if dossier.receipt_number:
        return f"{dossier.receipt_number:04d}"
    match = re.search(r"(\d+)$", dossier.code or "")
    return match.group(1) if match else "…"


def book_year(dossier):
    return dossier.receipt_year or timezone.localtime(dossier.received_at).year


def desk_of(agency):
    """ "Bộ phận tiếp nhận và trả kết quả Ủy ban nhân dân xã …", or a center's own name: from agency data."""
    return text(f"{agency.desk_name} {agency.name}" if agency.desk_name else agency.name)


def places_lines(dossier, form_set):
    """Where the dossier was helped and received, who decides it and where the result is returned,
    when they differ (always the competent authority under the 2025 set)."""
    lines = []
    if dossier.helped_at_id and dossier.helped_at_id != dossier.receiving_agency_id:
        lines.append(f"Nơi được hướng dẫn: {text(dossier.helped_at.name)}")
    if dossier.competent_agency_id and (
        form_set is SET_2025 or dossier.competent_agency_id != dossier.receiving_agency_id
    ):
        lines.append(f"Cơ quan có thẩm quyền giải quyết: <b>{text(dossier.competent_agency.name)}</b>")
    returned_at = dossier.return_agency if dossier.return_agency_id else dossier.receiving_agency
    if form_set is SET_2025 or returned_at.pk != dossier.receiving_agency_id:  # 2025: always named
        lines.append(f"Nơi trả kết quả: <b>{text(returned_at.name)}</b>")
    return lines


def applicant_lines(dossier, current_tree=False):
    """The applicant as the forms name them; with `current_tree` (the 2025 set), the address on the
    unit tree of 1 July 2025 only: a 2025 form names no district."""
    address = text(on_current_tree(dossier.applicant_address)[0] if current_tree else dossier.applicant_address)
    return [
        f"Ông/Bà: <b>{text(dossier.applicant_name)}</b> — Số định danh cá nhân: {text(mask(dossier.applicant_personal_id))}",
        f"Địa chỉ: {address}",
        f"Số điện thoại: {text(dossier.applicant_phone)} — Thư điện tử: {text(dossier.applicant_email)}",
        f"Nội dung yêu cầu giải quyết: <b>{text(dossier.procedure.name)}</b>",
    ]


def render_receipt(dossier, tracking_url, form_set=None):
    """The receipt as PDF bytes. Before the desk receives an online dossier, the date is the expected one."""
    s = styles()
    form_set = form_set or set_of(dossier)
    received = dossier.received_at is not None
    online = dossier.channel == Channel.ONLINE

    def body(width):
        agency = dossier.receiving_agency
        rows = [[Paragraph(f"<b>{h}</b>", s["small"]) for h in ("TT", "Tên giấy tờ", "Hình thức", "Số lượng")]]
        # Exactly what the desk received: an online dossier's files, or the papers recorded at the counter.
        received_rows = [row for row in components_of(dossier) if row.received]
        for i, row in enumerate(received_rows, start=1):
            form = row.form_display
            if row.component is not None:
                form += f" (đã quét {len(row.documents)} tệp)" if row.documents else " (chưa số hóa)"
            else:
                form += f" ({len(row.documents)} tệp)"
            for item in row.reused:
                form += f"; dùng lại từ kho dữ liệu: {item.title}" + (f" số {item.number}" if item.number else "")
            rows.append(
                [
                    Paragraph(str(i), s["small"]),
                    Paragraph(text(row.required.name), s["small"]),
                    Paragraph(escape(form), s["small"]),
                    Paragraph(str(row.quantity), s["small"]),
                ]
            )
        lines = [
            f"Số lượng hồ sơ: 01 bộ, nộp {'trực tuyến' if online else 'trực tiếp'}.",
            f"Thời gian giải quyết theo quy định: {time_limit_text(dossier)}.",
            f"Thời gian {'tiếp nhận' if received else 'nộp'} hồ sơ: {local(dossier.received_at or dossier.submitted_at)}.",
            f"<b>Thời gian trả kết quả{'' if received else ' (dự kiến)'}: {local(appointment_at_receipt(dossier))}.</b>",
            f"Nhận kết quả: {text(dossier.get_result_delivery_display())}.",
        ]
        received_ids = {row.required.pk for row in received_rows}
        for required in waived_documents(dossier):
            if required.pk not in received_ids:
                lines.append(
                    f"Không yêu cầu nộp {text(required.name)}: thông tin đã được xác thực qua "
                    "Cơ sở dữ liệu quốc gia về dân cư."
                )
        if received:
            lines.append(
                f"Vào Sổ theo dõi hồ sơ, Quyển số: {book_year(dossier)}, Số thứ tự: {register_number(dossier)}."
            )
        if not received:
            lines.append(
                "<i>Ngày hẹn chính thức được tính từ khi bộ phận một cửa tiếp nhận hồ sơ; "
                "bạn sẽ được thông báo khi hồ sơ được tiếp nhận.</i>"
            )
        return (
            paragraphs(
                [f"{desk_of(agency)} đã tiếp nhận hồ sơ của:"]
                + applicant_lines(dossier, current_tree=form_set is SET_2025)
                + places_lines(dossier, form_set)
            )
            + [Spacer(0, 2 * mm), grid(rows, [8 * mm, width - 58 * mm, 34 * mm, 16 * mm]), Spacer(0, 3 * mm)]
            + paragraphs(lines)
        )

    return build_form(
        form_set=form_set,
        kind=RECEIPT,
        agency=dossier.receiving_agency,
        code=dossier.code,
        body=body,
        qr_url=tracking_url,
        number=register_number(dossier),
        dated=dossier.received_at or dossier.submitted_at,
        signatures=[
            ("NGƯỜI NỘP HỒ SƠ", "(Nộp trực tuyến)" if online else form_set.sign_note),
            ("NGƯỜI TIẾP NHẬN HỒ SƠ", form_set.sign_note if received else "(Chờ tiếp nhận)"),
        ],
    )
