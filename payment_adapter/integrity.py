import hashlib
import hmac

# The fields each message's integrity code covers, in order (names of DOMAIN.md §12).
INIT_FIELDS = ("MaDoiTac", "MaThamChieu", "SoTien", "MaTienTe", "ThoiGianGD")
RESULT_FIELDS = ("MaDoiTac", "MaThamChieu", "MaGiaoDich", "SoTien", "MaLoi", "ThoiGianGD", "SoBienLai")
QUERY_FIELDS = ("MaDoiTac", "MaThamChieu")


def code(message, fields, secret):
    joined = "|".join(str(message.get(name, "")) for name in fields)
    return hashlib.sha256(f"{joined}|{secret}".encode()).hexdigest()


def signed(message, fields, secret):
    return {**message, "MaKiemTra": code(message, fields, secret)}


def valid(message, fields, secret):
    given = message.get("MaKiemTra")
    return isinstance(given, str) and hmac.compare_digest(given, code(message, fields, secret))
