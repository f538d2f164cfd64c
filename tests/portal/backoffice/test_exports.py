"""Issue 33, 6: no cell of a CSV export runs as a formula, whatever separator the spreadsheet that
opens it splits on (Vietnamese Excel: ";")."""

import csv
import io

import pytest

from reporting.exports import csv_response

PAYLOADS = [
    "x;=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "a,+1",
    "b\t@SUM(A1)",
    'c; "=1+1',
    "d|-2",
    "+84 912 000 111",
    "-",
]


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_no_piece_of_a_hostile_cell_starts_a_formula_in_any_locale(separator):
    table = {"columns": ["Tên", "Ghi chú"], "rows": [["Nguyễn Văn A", payload] for payload in PAYLOADS]}
    text = csv_response(table, "x").content.decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text), delimiter=separator):
        for cell in row:
            assert cell.strip().lstrip('" ')[:1] not in ("=", "+", "-", "@"), (separator, row)


def test_ordinary_text_is_left_alone():
    table = {"columns": ["Tên"], "rows": [["Hà Nội; TP.HCM"], ["Hồ sơ 2-3 ngày"], [18203]]}
    rows = list(csv.reader(io.StringIO(csv_response(table, "x").content.decode("utf-8-sig"))))
    assert rows[1:] == [["Hà Nội; TP.HCM"], ["Hồ sơ 2-3 ngày"], ["18203"]]
