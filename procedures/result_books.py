"""What a procedure's result is, as catalogue data (DOMAIN.md §13, decision 0024):

- an administrative document (a decision, a notice, a written answer), numbered in the competent
  agency's outgoing register with the abbreviation of its own type ("Số: 07/QĐ-UBND");
- a paper entered in a book of its own, numbered per book and year and never in the outgoing
  register: the civil status books, the certification books ("Số chứng thực 12, quyển số
  01/2026-SCT/BS"), the books of permits and certificates with their own serial;
- a result a sector system produces, signed and numbered there, which the specialist uploads.

A catalogue entry says which with "result_kind" (document / book / sector), "result_type" (the
type's abbreviation, Decree 30/2020 appendix III; empty for a công văn) and "result_book" (a key of
BOOKS). An entry that says nothing is classified from the procedure's name by `infer`, and an
administrator corrects it in the catalogue.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Book:
    name: str
    # How the number reads: "civil" (Số: 12, Quyển số: 01/2026), "certification" (Số chứng thực: 12,
    # Quyển số: 01/2026-SCT/BS) or "serial" (Số: 12/2026/GPXD).
    style: str
    # The paper the portal draws for it: "birth_extract", "certified_copy", or the book's entry.
    template: str = "entry"


BOOKS = {
    "KS": Book("Sổ đăng ký khai sinh", "civil", "birth_extract"),
    "KH": Book("Sổ đăng ký kết hôn", "civil"),
    "KT": Book("Sổ đăng ký khai tử", "civil"),
    "GH": Book("Sổ đăng ký giám hộ", "civil"),
    "CMC": Book("Sổ đăng ký nhận cha, mẹ, con", "civil"),
    "XNHN": Book("Sổ cấp Giấy xác nhận tình trạng hôn nhân", "civil"),
    "TLHT": Book("Sổ cấp bản sao trích lục hộ tịch", "civil"),
    "SCT/BS": Book("Sổ chứng thực bản sao từ bản chính", "certification", "certified_copy"),
    "SCT/CK": Book("Sổ chứng thực chữ ký", "certification"),
    "GPXD": Book("Sổ cấp giấy phép xây dựng", "serial"),
    "GPMT": Book("Sổ cấp giấy phép môi trường", "serial"),
    "GPHĐ": Book("Sổ cấp giấy phép hoạt động khám bệnh, chữa bệnh", "serial"),
    "CCHN": Book("Sổ cấp chứng chỉ hành nghề", "serial"),
    "ĐKHĐ-CC": Book("Sổ cấp giấy đăng ký hoạt động tổ chức hành nghề công chứng", "serial"),
}

# Name fragments, first match wins: (fragment, kind, type or book).
RULES = (
    ("lý lịch tư pháp", "sector", ""),
    ("đất đai", "sector", ""),
    ("giấy phép lái xe", "sector", ""),
    ("thường trú", "sector", ""),
    ("tạm trú", "sector", ""),
    ("hộ kinh doanh", "sector", ""),
    ("doanh nghiệp", "sector", ""),
    ("chứng thực bản sao", "book", "SCT/BS"),
    ("chứng thực chữ ký", "book", "SCT/CK"),
    ("trích lục", "book", "TLHT"),
    ("tình trạng hôn nhân", "book", "XNHN"),
    ("nhận cha, mẹ, con", "book", "CMC"),
    ("giám hộ", "book", "GH"),
    ("khai tử", "book", "KT"),
    ("kết hôn", "book", "KH"),
    ("khai sinh", "book", "KS"),
    ("giấy phép xây dựng", "book", "GPXD"),
    ("giấy phép môi trường", "book", "GPMT"),
    ("giấy phép hoạt động", "book", "GPHĐ"),
    ("chứng chỉ hành nghề", "book", "CCHN"),
    ("văn phòng công chứng", "book", "ĐKHĐ-CC"),
)


def infer(procedure_name):
    """(kind, result_type, result_book) for a procedure the catalogue does not classify."""
    name = procedure_name.lower()
    for fragment, kind, value in RULES:
        if fragment in name:
            return (kind, "", value) if kind == "book" else (kind, "", "")
    return ("document", "QĐ", "")


def book_reference(book_key, number, year):
    """How the paper writes its place in the book."""
    book = BOOKS[book_key]
    if book.style == "certification":
        return f"Số chứng thực: {number}, Quyển số: 01/{year}-{book_key}"
    if book.style == "serial":
        return f"Số: {number:02d}/{year}/{book_key}"
    return f"Số: {number}, Quyển số: 01/{year}"
