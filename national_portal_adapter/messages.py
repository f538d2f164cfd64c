"""The status message sent for a dossier event, in the national portal's names (DOMAIN.md §12).

One mapping module, so that the real specification, once known, changes names here only.
"""

PAYLOAD_VERSION = "1"
TIME_FORMAT = "%Y%m%d%H%M%S"

# Our event (the transition fired) → the portal's status code (TrangThaiHoSo), §12's list:
# 1 mới đăng ký, 2 được tiếp nhận, 3 không được tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung,
# 7 công dân yêu cầu rút, 8 dừng xử lý, 9 đã xử lý xong, 10 đã trả kết quả.
STATUS_OF_ACTION = {
    "submit": 1,
    "receive": 2,
    "reject": 3,
    "request_supplement": 5,
    "supply": 4,
    "transfer": 4,
    "issue_apology": 4,
    "approve": 9,
    "return_result": 10,
    "withdraw": 7,
    "stop": 8,
}
# A reorganisation (issue 38) hands a dossier to a successor agency without changing its state: the
# portal hears the state it is in, with the successor as MaDonViXuLy.
STATUS_OF_STATE = {
    "submitted": 1,
    "received": 2,
    "supplement_requested": 5,
    "processing": 4,
    "transferred": 4,
    "awaiting_approval": 4,
    "result_ready": 9,
}
CHANNEL = {"online": 2, "counter": 1}  # KenhThucHien
# A reorganisation hands a dossier to a successor: the portal gets its state again with the new holder.
REORGANISE = "reorganise"


def status_of(event):
    """The portal's status code for `event`, or None when the event changes nothing the portal shows."""
    if event.action == REORGANISE:
        return STATUS_OF_STATE.get(event.to_state)
    return STATUS_OF_ACTION.get(event.action)


def _time(value, tz):
    return value.astimezone(tz).strftime(TIME_FORMAT) if value else ""


def status_message(*, message_id, event, dossier, tz):
    """The payload for `event` of `dossier` (both as stored after the transition)."""
    data = event.data or {}
    message = {
        "MaThongDiep": str(message_id),
        "PhienBan": PAYLOAD_VERSION,
        "MaHoSo": dossier.code,
        "MaTTHC": dossier.procedure.national_code,
        "MaLinhVuc": dossier.procedure.field.code,
        "KenhThucHien": CHANNEL.get(dossier.channel, 2),
        "TrangThaiHoSo": status_of(event),
        "ThoiDiemXuLy": _time(event.created_at, tz),
        "NoiDungXuLy": event.action,
        "MaDonViTiepNhan": dossier.receiving_agency.electronic_code,
        "MaDonViXuLy": event.agency.electronic_code if event.agency_id else "",
        "NgayTiepNhan": _time(dossier.received_at, tz),
        "NgayHenTra": _time(dossier.appointment_at, tz),
        "NgayTra": _time(dossier.returned_at, tz),
        "TaiKhoanDuocXacThucVoiVNeID": bool(dossier.applicant_id and dossier.applicant.identity_verified_at),
    }
    if event.action in ("submit", "receive"):
        message["TaiLieuNop"] = submitted_documents(dossier)
    if event.action == "issue_apology" and data.get("appointment_at"):
        message["NgayHenTraMoi"] = data["appointment_at"]
    return message


def submitted_documents(dossier):
    """TaiLieuNop: each document received, with its digitisation state (§12): digitised (a file, scanned
    or uploaded), reused from the citizen's store (issue 39), or kept on paper; nothing is taken from
    the national portal's own store by this system."""
    code = dossier.procedure.national_code
    rows = [
        {
            "MaThanhPhanHoSo": f"{code}.{document.required_document.order}",
            "TenTepDinhKem": document.name,
            "DuocSoHoa": True,
            "DuocTaiSuDung": document.stored_document_id is not None,
            "DuocLayTuKhoDMQG": False,
        }
        for document in dossier.documents.select_related("required_document")
    ]
    rows += [
        {
            "MaThanhPhanHoSo": f"{code}.{component.required_document.order}",
            "TenTepDinhKem": "",
            "DuocSoHoa": False,
            "DuocTaiSuDung": False,
            "DuocLayTuKhoDMQG": False,
        }
        for component in dossier.components.exclude(unscanned_reason="").select_related("required_document")
    ]
    return rows
