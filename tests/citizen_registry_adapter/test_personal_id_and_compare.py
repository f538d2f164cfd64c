import datetime as dt

import pytest

from citizen_registry_adapter.compare import FieldStatus, compare_fields, normalise_text
from citizen_registry_adapter.personal_id import InvalidPersonalId, parse, province_codes


def test_province_codes_come_from_the_official_table():
    codes = province_codes()
    assert len(codes) == 63
    assert {"001", "019", "079", "096"} <= codes  # Hà Nội, Thái Nguyên, TP Hồ Chí Minh, Cà Mau
    assert "003" not in codes


def test_a_valid_id_tells_sex_birth_year_and_masks_itself():
    pid = parse("019195004321", date_of_birth=dt.date(1995, 3, 8))
    assert (pid.province_code, pid.sex, pid.birth_year) == ("019", "female", 1995)
    assert pid.masked == "019******321"
    assert parse("001203000001").birth_year == 2003


@pytest.mark.parametrize(
    ("number", "dob", "message"),
    [
        ("01909000123", None, "đúng 12 chữ số"),
        ("01909000123a", None, "đúng 12 chữ số"),
        ("０１９０９０００１２３４", None, "đúng 12 chữ số"),  # full-width digits
        ("003090001234", None, "Ba chữ số đầu (003)"),
        ("019490001234", None, "năm sinh 2190 chưa tới"),
        ("019090001234", dt.date(1991, 1, 1), "năm sinh 1990, không khớp ngày sinh đã khai (01/01/1991)"),
    ],
)
def test_each_invalid_case_has_its_own_message(number, dob, message):
    with pytest.raises(InvalidPersonalId) as error:
        parse(number, date_of_birth=dob)
    assert message in error.value.message


def test_vietnamese_aware_comparison():
    assert normalise_text("NGUYỄN  VĂN   A") == normalise_text("Nguyễn Văn A")
    # The same name typed with combining diacritics (NFD) still matches.
    import unicodedata

    assert normalise_text(unicodedata.normalize("NFD", "Nguyễn")) == normalise_text("Nguyễn")
    results = {
        r.field: r
        for r in compare_fields(
            {
                "full_name": "NGUYỄN VĂN A",
                "date_of_birth": "08/03/1995",
                "ethnicity": "Kinh",
                "religion": "Không",
                "sex": "Nữ",
            },
            {
                "full_name": "Nguyễn Văn A",
                "date_of_birth": "1995-03-08",
                "ethnicity": "Tày",
                "religion": None,
                "sex": "Nam",
            },
        )
    }
    assert results["full_name"].status == FieldStatus.MATCH
    assert results["date_of_birth"].status == FieldStatus.MATCH
    assert (results["ethnicity"].status, results["ethnicity"].declared, results["ethnicity"].registered) == (
        FieldStatus.MISMATCH,
        "Kinh",
        "Tày",
    )
    assert results["religion"].status == FieldStatus.MISSING
    assert compare_fields({"full_name": "Le Van A"}, {"full_name": "Lê Văn A"})[0].status == FieldStatus.MISMATCH
