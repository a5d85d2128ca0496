"""What a person reads on a page rendered under AppTest: every text, label, option, placeholder, chart
title and table cell, each cell as the browser draws it.

A table cell is drawn (Streamlit 1.67's grid) from, in this order: the column's own ``column_config``
format (a printf format, rendered here as sprintf-js does; a named format such as "localized" depends on
the browser, so it is reported as unreadable); else the pandas Styler's display value, for number, text
and date columns; else Streamlit's default (a number with up to four decimals and a point, a date as
YYYY-MM-DD); a missing value shows the table's placeholder, "None" when it has none.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Dataframe, Expander, UnknownElement

PRINTF = re.compile(r"%(')?(.)?(,)?(?:\.(\d+))?([df])")


@dataclass(frozen=True)
class Read:
    """One thing a person reads: where it is (element type and a hint) and the text."""

    where: str
    text: str


def _walk(node) -> Iterator[object]:
    for child in node.children.values():
        if isinstance(child, Expander):
            yield child
        if isinstance(child, Block):
            yield from _walk(child)
        else:
            yield child


def printf(fmt: str, value: float) -> str:
    """A printf format as sprintf-js writes it (the subset Streamlit's tables use)."""
    match = PRINTF.search(fmt)
    if match is None:
        return fmt.replace("%%", "%")
    quote, pad, comma, decimals, kind = match.groups()
    number = f"{int(value)}" if kind == "d" else f"{value:.{int(decimals or 6)}f}"
    if comma:
        whole, _, part = number.partition(".")
        whole = f"{int(whole):,}".replace(",", pad if quote and pad else ",")
        number = whole + ("." + part if part else "")
    return (fmt[: match.start()] + number + fmt[match.end() :]).replace("%%", "%")


def _default(value: object) -> str:
    """Streamlit's own way of writing a value in a column without a format or a display value."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            return str(int(value))
        return f"{float(value):.4f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}" if value == value.normalize() else f"{value:%Y-%m-%d %H:%M:%S}"
    return str(value)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def cells(frame: Dataframe) -> Iterator[Read]:
    """Every header and cell of a table as it is drawn."""
    proto = frame.proto
    data = dataframe_util.convert_arrow_bytes_to_pandas_df(proto.arrow_data.data)
    styler = proto.arrow_data.styler.display_values
    display = dataframe_util.convert_arrow_bytes_to_pandas_df(styler) if styler else None
    config = json.loads(proto.columns or "{}")
    placeholder = proto.placeholder if proto.HasField("placeholder") else "None"
    for position, column in enumerate(data.columns):
        own = config.get(str(column), {})
        if own.get("hidden"):
            continue
        yield Read("table header", own.get("label") or str(column))
        kind = own.get("type_config", {}).get("type")
        fmt = own.get("type_config", {}).get("format")
        for row, value in enumerate(data[column]):
            if kind == "checkbox" or (kind is None and isinstance(value, bool)):
                continue
            if _missing(value):
                text = placeholder
            elif fmt and "%" in fmt:
                text = printf(fmt, float(value))
            elif fmt:
                text = f"<'{fmt}' follows the browser's locale>"
            elif display is not None:
                text = str(display.iloc[row, position])
            else:
                text = _default(value)
            yield Read(f"table cell {column}", text)


def _chart(element: UnknownElement) -> Iterator[Read]:
    spec = json.loads(element.proto.spec)
    layout = spec.get("layout", {})
    for part in ("title", "xaxis", "yaxis"):
        title = layout.get(part, {}) if part == "title" else layout.get(part, {}).get("title", {})
        if isinstance(title, dict) and title.get("text"):
            yield Read(f"chart {part}", str(title["text"]))
    for trace in spec.get("data", []):
        if trace.get("name"):
            yield Read("chart legend", str(trace["name"]))
        text = trace.get("text")
        for item in text if isinstance(text, list) else [text] if text else []:
            yield Read("chart text", str(item))


def read(at: AppTest) -> list[Read]:
    """Everything a person reads on the page (main area and sidebar)."""
    out: list[Read] = []
    for root in (at.main, at.sidebar):
        for element in _walk(root):
            kind = getattr(element, "type", type(element).__name__)
            proto = getattr(element, "proto", None)
            if isinstance(element, Dataframe):
                out += cells(element)
            elif kind == "plotly_chart":
                out += _chart(element)
            elif isinstance(element, Expander):
                out.append(Read("expander", element.label))
            elif kind == "metric":
                out += [Read("metric", element.label), Read("metric", element.value)]
                if proto.body:
                    out.append(Read("metric", proto.body))
            elif kind in ("selectbox", "multiselect", "radio"):
                out.append(Read(kind, proto.label))
                out += [Read(f"{kind} option", o) for o in proto.options]
                if kind != "radio" and _shows_placeholder(element):
                    out.append(Read(f"{kind} placeholder", proto.placeholder or "<Streamlit's English>"))
            elif kind in ("number_input", "text_input"):
                out.append(Read(kind, proto.label))
                if element.value not in (None, ""):
                    out.append(Read(kind, str(element.value)))
            elif proto is not None and hasattr(proto, "label") and proto.label:
                out.append(Read(kind, proto.label))
            elif kind == "exception":
                out.append(Read(kind, element.message))
            elif hasattr(element, "value") and isinstance(element.value, str) and kind != "html":
                out.append(Read(kind, element.value))
    return out


def _shows_placeholder(element) -> bool:
    """A picker whose choice is empty shows its placeholder (a selectbox may offer None as a choice)."""
    value = element.value
    if isinstance(value, list):
        return not value
    if value is not None:
        return False
    try:
        return str(element.format_func(None)) not in element.options
    except (KeyError, TypeError, AttributeError):
        return True
