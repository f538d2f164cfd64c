"""Small SVG charts drawn on the server: no script, no build step, no outside network.

Each chart sits next to the table it draws, which stays the accessible source of the numbers.
"""

from xml.sax.saxutils import escape

BAR, GAP, LABEL_WIDTH, WIDTH = 18, 6, 230, 640


def bars(items, *, title, percent=True):
    """Horizontal bars for (label, value) with value in 0..1 (percent) or any positive number."""
    items = [(label, value) for label, value in items if value is not None]
    if not items:
        return ""
    top = max(value for _label, value in items) if not percent else 1
    top = top or 1
    height = len(items) * (BAR + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" style="max-width:{WIDTH}px"><title>{escape(title)}</title>'
    ]
    span = WIDTH - LABEL_WIDTH - 60
    for i, (label, value) in enumerate(items):
        y = GAP + i * (BAR + GAP)
        length = max(1, span * value / top)
        text = f"{value * 100:.1f}%".replace(".", ",") if percent else f"{value:,.0f}".replace(",", ".")
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 5}" text-anchor="end" font-size="12">{escape(_fit(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR}" fill="#b3261e" rx="2"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + BAR - 5}" font-size="12">{text}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _fit(label, width=32):
    """A label that fits the space left of the bars; the full name is in the table beside the chart."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def lines(labels, series, *, title, height=220):
    """A line per (name, values, colour) over the same labels; values may contain None."""
    points = [v for _name, values, _colour in series for v in values if v is not None]
    if not labels or not points:
        return ""
    top = max(points) or 1
    left, bottom, right, top_margin = 50, height - 30, WIDTH - 30, 36
    step = (right - left) / max(1, len(labels) - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width:{WIDTH}px"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top_margin}" text-anchor="end" font-size="11">{top:,.0f}</text>'.replace(",", "."),
        f'<text x="{left - 6}" y="{bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % every == 0:
            parts.append(
                f'<text x="{left + i * step:.1f}" y="{height - 10}" text-anchor="middle" font-size="11">'
                f"{escape(label)}</text>"
            )
    for n, (name, values, colour) in enumerate(series):
        coords = [
            f"{left + i * step:.1f},{bottom - (bottom - top_margin) * v / top:.1f}"
            for i, v in enumerate(values)
            if v is not None
        ]
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(coords)}"/>')
        parts.append(f'<text x="{left + n * 150}" y="14" font-size="12" fill="{colour}">— {escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
