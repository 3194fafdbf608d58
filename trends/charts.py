"""Charts drawn on the server as SVG: the geometry of bars, which a template writes out.

No JavaScript and nothing fetched: the page carries its own pictures. Every chart is shown
beside a table of the same numbers (trends/tables.py), which is what screen readers read.
"""

import math
from dataclasses import dataclass, field

# Bar colours by series, as CSS classes of static/css/trends.css (the policy allows no inline style).
SERIES_CLASSES = ("series-good", "series-warn", "series-bad", "series-muted")


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    title: str  # what a pointer over the bar says: "ตรงเวลา: 5"


@dataclass
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    title: str
    width: int
    height: int
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    gridlines: list[Label] = field(default_factory=list)  # y and the value written at it
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, name)
    plot_left: float = 0
    plot_right: float = 0


def _nice_max(value: float) -> int:
    """A round top for the axis: 1, 2, 5, 10, 20, 50 …"""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return int(step * power)
    return int(10 * power)


def stacked_columns(
    title: str,
    categories: list[tuple[str, str]],
    series: list[tuple[str, list[int]]],
    column_width: int = 72,
    plot_height: int = 200,
) -> Chart:
    """Columns, one per category (two label lines each), each stacked from the series (name, values)."""
    left, top, bottom = 40, 12, 40
    width = left + max(len(categories), 1) * column_width + 10
    chart = Chart(title, width, top + plot_height + bottom, plot_left=left, plot_right=width - 10)
    totals = [sum(values[i] for _name, values in series) for i in range(len(categories))]
    top_value = _nice_max(max(totals, default=0))
    scale = plot_height / top_value
    for tick in (0, top_value / 2, top_value):
        if tick == int(tick):
            chart.gridlines.append(Label(left - 4, top + plot_height - tick * scale, str(int(tick)), "end"))
    for index, (line_1, line_2) in enumerate(categories):
        x = left + index * column_width + column_width * 0.15
        y = top + plot_height
        for (name, values), css_class in zip(series, SERIES_CLASSES, strict=False):
            height = values[index] * scale
            if height:
                y -= height
                chart.rects.append(Rect(x, y, column_width * 0.7, height, css_class, f"{name}: {values[index]}"))
        centre = left + index * column_width + column_width / 2
        chart.labels.append(Label(centre, top + plot_height + 16, line_1))
        chart.labels.append(Label(centre, top + plot_height + 32, line_2))
    chart.legend = [(css_class, name) for (name, _values), css_class in zip(series, SERIES_CLASSES, strict=False)]
    return chart


def horizontal_bars(title: str, bars: list[tuple[str, int]], unit_width: int = 30, row_height: int = 26) -> Chart:
    """One bar per (label, value), longest first as given; labels cut to fit, in full in each bar's title."""
    left, top = 260, 6
    top_value = max((value for _label, value in bars), default=0) or 1
    plot_width = max(unit_width * top_value, 200)
    chart = Chart(title, left + plot_width + 40, top + max(len(bars), 1) * row_height + 6, plot_left=left)
    scale = plot_width / top_value
    for index, (label, value) in enumerate(bars):
        y = top + index * row_height
        chart.rects.append(Rect(left, y + 4, value * scale, row_height - 8, "series-bad", f"{label}: {value}"))
        short = label if len(label) <= 40 else label[:39] + "…"
        chart.labels.append(Label(left - 6, y + row_height / 2 + 4, short, "end"))
        chart.labels.append(Label(left + value * scale + 4, y + row_height / 2 + 4, str(value), "start"))
    return chart


def sparkline(values: list[float | None], width: int = 96, height: int = 24) -> Chart:
    """Small columns of percentages (0–100); None (no province expected) leaves a gap."""
    chart = Chart("", width, height)
    step = width / max(len(values), 1)
    for index, value in enumerate(values):
        if value is None:
            continue
        bar = max(float(value) / 100 * height, 1)
        chart.rects.append(Rect(index * step + 1, height - bar, max(step - 2, 1), bar, "series-good", f"{value}%"))
    return chart
