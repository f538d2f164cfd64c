"""Tables as CSV or as the sheets of one Excel workbook (openpyxl): the dashboard's, and every other
list an officer downloads; text a spreadsheet would run as a formula stays text."""

import csv
import io
import re

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A formula start after a list separator: a spreadsheet whose locale separates on ";" (Vietnamese
# Excel) or on tabs splits the cell there and reads what follows as a cell of its own.
_AFTER_SEPARATOR = re.compile(r"([,;\t|][\s\"']*)(?=[=+\-@])")


def spreadsheet_text(value):
    """Text that a spreadsheet would take for a formula is kept as text: a name, an excerpt or a comment
    typed by someone must never run when the file is opened, whatever separator the reader's locale
    uses. The cell gets a leading apostrophe, and so does every piece a separator could split off."""
    if not isinstance(value, str):
        return value
    guarded = _AFTER_SEPARATOR.sub(r"\1'", value)
    if guarded[:1] in FORMULA_STARTS:
        guarded = "'" + guarded
    return guarded


def csv_response(table, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that Excel opens the Vietnamese text as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(table["columns"])
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in table["rows"])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(tables, filename):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=table["title"][:31])
        sheet.append(table["columns"])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table["rows"]:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if cell.data_type == "f":  # text that begins with "=" is a name or an excerpt, never a formula
                    cell.data_type = "s"
        sheet.column_dimensions["A"].width = 45
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
