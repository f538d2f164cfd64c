"""The dashboard's tables: the columns of a view, each row's values (raw, for the exports) and its
cells (the text shown and the address of the dossiers behind a count, for the page's template)."""

from operator import attrgetter
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.models import COUNTERS
from procedures.templatetags.procedures_tags import local_number

from . import selectors as reads

# Counts that open the list of the dossiers behind them.
COUNT_COLUMNS = {
    "received",
    "received_online",
    "received_counter",
    "done",
    "done_early",
    "done_on_time",
    "done_late",
    "withdrawn",
    "rejected",
    "supplements",
}
BREAKDOWN_TABLES = [
    ("level", gettext_lazy("Theo cấp")),
    ("unit", gettext_lazy("Theo đơn vị")),
    ("agency", gettext_lazy("Theo cơ quan")),
    ("procedure", gettext_lazy("Theo thủ tục")),
    ("field", gettext_lazy("Theo lĩnh vực")),
]


def columns(view):
    """(key, label) of a figures table; what "done" counts depends on the view."""
    done = _("Bước đã xử lý xong") if view == reads.RESPONSIBLE else _("Đã giải quyết")
    return [
        ("label", _("Tên")),
        ("received", _("Tiếp nhận")),
        ("received_online", _("Trực tuyến")),
        ("received_counter", _("Trực tiếp")),
        ("done", done),
        ("done_early", _("Trước hạn")),
        ("done_on_time", _("Đúng hạn")),
        ("done_late", _("Trễ hạn")),
        ("on_time_rate", _("Tỉ lệ đúng hạn (%)")),
        ("online_rate", _("Tỉ lệ trực tuyến (%)")),
        ("digitisation_rate", _("Tỉ lệ số hóa hồ sơ (%)")),
        ("reuse_rate", _("Tỉ lệ dùng lại giấy tờ (%)")),
        ("withdrawn", _("Rút")),
        ("rejected", _("Từ chối tiếp nhận")),
        ("supplements", _("Yêu cầu bổ sung")),
        ("satisfaction", _("Hài lòng (trên 5)")),
    ]


def _reader(key):
    """figures → the value of column `key`, chosen once per column rather than once per cell (a
    province's tables hold thousands of cells). Raw numbers: rates as percent with one decimal; each
    format shows them its own way (docs/dashboard.md): the page with a decimal comma, CSV with a
    dot, Excel as numbers."""
    if key == "label":
        return attrgetter("label")
    if key in COUNTERS:  # a plain count: straight from the sums
        return lambda figures: figures.counts.get(key) or 0
    value_of = attrgetter(key)
    if key.endswith("_rate"):
        return lambda figures: "" if (value := value_of(figures)) is None else round(value * 100, 1)
    if key == "satisfaction":
        return lambda figures: "" if (value := value_of(figures)) is None else round(value, 2)
    return value_of


def shown(value):
    """A cell's text on the page: numbers with the Vietnamese decimal comma."""
    return value if isinstance(value, str) else local_number(value)


class Linker:
    """Addresses of the dossier lists behind the counts of one dashboard page."""

    do_not_call_in_templates = True  # templates pass it to {% call_link %} instead

    def __init__(self, scope, period, view, units=reads.CURRENT):
        # Thousands of cells per page: the address and the shared part of the query are built once,
        # and each row's own part once per row; the measure names are ASCII slugs.
        self.prefix = (
            reverse("backoffice:dashboard_dossiers")
            + "?"
            + urlencode(
                {
                    "don-vi": scope.unit.code if scope.unit else "",
                    "tu": f"{period.start:%Y-%m}",
                    "den": f"{period.end:%Y-%m}",
                    "theo": view,
                    "don-vi-theo": units,
                }
            )
        )

    def __call__(self, measure, by="", key="", **period):
        return f"{self.prefix}&chi-so={measure}{self._rest(by, key, period)}"

    def row(self, by="", key="", **period):
        """measure → address, for the cells of one row."""
        head, rest = f"{self.prefix}&chi-so=", self._rest(by, key, period)
        return lambda measure: f"{head}{measure}{rest}"

    @staticmethod
    def _rest(by, key, period):
        query = {"nhom": by, "khoa": key} if by else {}
        # A period given here (a month or week row) comes after the page's: the last value wins.
        return f"&{urlencode({**query, **period})}" if query or period else ""


def figures_table(slug, title, figures, view, row_link=None, build=True):
    """A table of figures: `rows` of raw values (exports) and `cells` of (text, address or None) for
    the page. `row_link(figures)`: measure → address for that row's counts, or None for a table
    without links. Unless `build`, only the title and the number of rows: a long table opens on a
    page of its own."""
    keyed = columns(view)
    table = {
        "slug": slug,
        "title": title,
        "columns": [str(label) for _key, label in keyed],
        "rows": None,
        "count": len(figures),
        "figures": figures,
    }
    if not build:
        return table
    readers = [_reader(key) for key, _label in keyed]
    linked = [key in COUNT_COLUMNS for key, _label in keyed]
    keys = [key for key, _label in keyed]
    rows, cells = [], []
    for f in figures:
        values = [read(f) for read in readers]
        rows.append(values)
        link = row_link(f) if row_link else None
        cells.append(
            [
                (shown(value), link(key) if link and is_linked and value else None)
                for key, is_linked, value in zip(keys, linked, values, strict=True)
            ]
        )
    return {**table, "rows": rows, "cells": cells}
