"""The dashboard's long tables drawn by the template (issue 36: HTML from templates, not from strings
marked safe), against the string building it replaced, on a province-sized table.

    .venv/bin/python bench/dashboard_tables.py [--rows 60 175 500] [--runs 15]

Prints the median time to draw one table of each size both ways, and their ratio. 60 rows is the
longest table the dashboard page itself draws (LONG_TABLE); longer ones open on a page of their own.
"""

import argparse
import os
import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402

from procedures.templatetags.procedures_tags import local_number  # noqa: E402
from reporting.tables import shown  # noqa: E402


def table(rows):
    values = [[f"Ủy ban nhân dân xã Số {i}", *range(i, i + 7), 93.4, 61.2, 88.8, 3, 1, 12, 4.62] for i in range(rows)]
    href = "/can-bo/theo-doi/ho-so/?don-vi=19&tu=2026-01&den=2026-12&theo=co-quan-xu-ly&chi-so="
    cells = [
        [(shown(v), f"{href}m{k}&nhom=agency&khoa={i}" if 0 < k < 8 else None) for k, v in enumerate(row)]
        for i, row in enumerate(values)
    ]
    return {
        "slug": "agency",
        "title": "Theo cơ quan",
        "columns": [f"Cột {k}" for k in range(15)],
        "rows": values,
        "cells": cells,
        "count": rows,
    }


def by_template(t):
    return render_to_string("backoffice/_figures_table.html", {"table": t, "query": "tu=2026-01"})


def by_strings(t):
    """What the view did before: each row joined in Python, escaped by hand, marked safe."""
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in t["columns"])
    body = []
    for row in t["cells"]:
        cells = [
            f'<td><a href="{escape(href)}">{escape(text) if isinstance(text, str) else local_number(text)}</a></td>'
            if href
            else f"<td>{escape(text)}</td>"
            for text, href in row
        ]
        body.append(f"<tr>{''.join(cells)}</tr>\n")
    return head + "".join(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[60, 175, 500])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    translation.activate("vi")
    print(f"{'rows':>6} {'template ms':>12} {'strings ms':>11} {'ratio':>6}")
    for rows in args.rows:
        t = table(rows)
        template = median_ms(lambda: by_template(t), args.runs)[0]
        strings = median_ms(lambda: by_strings(t), args.runs)[0]
        print(f"{rows:>6} {template:>12.1f} {strings:>11.1f} {template / strings:>6.1f}")


if __name__ == "__main__":
    main()
