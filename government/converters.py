"""Path converters. `<id:…>` is a row id: at most 18 digits, so that a number past the database's
64-bit integers (2^63 and up) is a 404 at the URL, never an overflow in a query."""

from django.urls import register_converter


class RowId:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


register_converter(RowId, "id")
