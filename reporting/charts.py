"""Small SVG charts drawn on the server: no script, no build step, no outside network. This module
computes where things go; the templates (backoffice/_bar_chart.svg, _line_chart.svg) draw them.

Each chart sits next to the table it draws, which stays the accessible source of the numbers.
"""

from dataclasses import dataclass, field

BAR, GAP, LABEL_WIDTH, WIDTH = 18, 6, 230, 640


@dataclass(frozen=True)
class Bar:
    y: int
    length: float
    label: str
    text: str

    @property
    def text_y(self):
        return self.y + BAR - 5

    @property
    def value_x(self):
        return f"{LABEL_WIDTH + self.length + 4:.1f}"


@dataclass(frozen=True)
class BarChart:
    title: str
    height: int
    bars: list
    width: int = WIDTH
    label_x: int = LABEL_WIDTH - 6
    bar_x: int = LABEL_WIDTH
    bar_height: int = BAR


def bars(items, *, title, percent=True):
    """Horizontal bars for (label, value) with value in 0..1 (percent) or any positive number; None
    when there is nothing to draw."""
    items = [(label, value) for label, value in items if value is not None]
    if not items:
        return None
    top = (max(value for _label, value in items) if not percent else 1) or 1
    span = WIDTH - LABEL_WIDTH - 60
    drawn = []
    for i, (label, value) in enumerate(items):
        text = f"{value * 100:.1f}%".replace(".", ",") if percent else f"{value:,.0f}".replace(",", ".")
        drawn.append(Bar(GAP + i * (BAR + GAP), round(max(1, span * value / top), 1), _fit(label), text))
    return BarChart(str(title), len(items) * (BAR + GAP) + GAP, drawn)


def _fit(label, width=32):
    """A label that fits the space left of the bars; the full name is in the table beside the chart."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Line:
    name: str
    colour: str
    points: str  # "x,y x,y …" for the polyline
    legend_x: int


@dataclass(frozen=True)
class LineChart:
    title: str
    height: int
    left: int
    right: int
    bottom: int
    top_margin: int
    top_label: str
    ticks: list = field(default_factory=list)  # (x, label)
    lines: list = field(default_factory=list)
    width: int = WIDTH

    @property
    def axis_label_x(self):
        return self.left - 6

    @property
    def tick_y(self):
        return self.height - 10


def lines(labels, series, *, title, height=220):
    """A line per (name, values, colour) over the same labels; values may contain None. None when
    there is nothing to draw."""
    points = [v for _name, values, _colour in series for v in values if v is not None]
    if not labels or not points:
        return None
    top = max(points) or 1
    left, bottom, right, top_margin = 50, height - 30, WIDTH - 30, 36
    step = (right - left) / max(1, len(labels) - 1)
    every = max(1, len(labels) // 8)
    ticks = [(f"{left + i * step:.1f}", label) for i, label in enumerate(labels) if i % every == 0]
    drawn = [
        Line(
            str(name),
            colour,
            " ".join(
                f"{left + i * step:.1f},{bottom - (bottom - top_margin) * v / top:.1f}"
                for i, v in enumerate(values)
                if v is not None
            ),
            left + n * 150,
        )
        for n, (name, values, colour) in enumerate(series)
    ]
    return LineChart(str(title), height, left, right, bottom, top_margin, f"{top:,.0f}".replace(",", "."), ticks, drawn)
