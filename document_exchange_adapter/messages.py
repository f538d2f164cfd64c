"""The envelope of a document sent through the axis, and the statuses it reports, in one module so
that the real specification, once known, changes names here only. Unverified: our own names."""

import base64

TIME_FORMAT = "%Y%m%d%H%M%S"
# Status codes the axis reports for a delivered document (our numbering).
STATUS = {"01": "received", "02": "handling", "03": "done"}
REQUIRED = ("MaThongDiep", "MaDinhDanhNoiGui", "MaDinhDanhNoiNhan", "SoKyHieu", "NgayBanHanh", "TrichYeu", "TepVanBan")


def envelope(
    *,
    message_id,
    sender_code,
    sender_name,
    recipient_code,
    symbol,
    issued_on,
    type_name,
    excerpt,
    urgency,
    signer,
    pdf_bytes,
    file_name,
):
    return {
        "MaThongDiep": message_id,
        "MaDinhDanhNoiGui": sender_code,
        "TenNoiGui": sender_name,
        "MaDinhDanhNoiNhan": recipient_code,
        "SoKyHieu": symbol,
        "NgayBanHanh": issued_on.strftime("%Y%m%d"),
        "LoaiVanBan": type_name,
        "TrichYeu": excerpt,
        "DoKhan": urgency,
        "NguoiKy": signer,
        "TepVanBan": {"TenTep": file_name, "NoiDung": base64.b64encode(pdf_bytes).decode("ascii")},
    }
