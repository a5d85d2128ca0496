"""Downloads: the data behind a chart or view as CSV, CSV for Swedish Excel, xlsx or parquet.

Every builder neutralises text cells that a spreadsheet would read as a formula (= + - @), so
a municipality name or file name can never run in the official's Excel.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


def _inert(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _is_number(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _whole(values: pd.Series) -> bool:
    known = values.dropna()
    return len(known) > 0 and bool((known == known.round()).all()) and bool((known.abs() < 2**53).all())


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells starting with = + - @ (or tab/CR) are prefixed with ' ."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]) and _whole(out[column]):
            # counts with unknown (NULL) values arrive as floats; keep them whole numbers
            out[column] = out[column].astype("Int64")
        elif not (
            pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_datetime64_any_dtype(out[column])
        ):
            out[column] = out[column].map(_inert)
    out.columns = [_inert(str(c)) for c in out.columns]
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    """Plain CSV: UTF-8, comma separated, decimal point."""
    return neutralise(df).to_csv(index=False).encode("utf-8")


def to_csv_excel(df: pd.DataFrame) -> bytes:
    """CSV as Swedish Excel opens it: semicolon separated, decimal comma, UTF-8 with BOM."""
    return neutralise(df).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def to_parquet(df: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(neutralise(df), preserve_index=False), buffer)
    return buffer.getvalue()


def to_xlsx(df: pd.DataFrame, about: dict[str, str] | None = None, sheet: str = "Data") -> bytes:
    """An Excel workbook: the data, and an "Om data" sheet (source files, load dates, selection).

    Missing values are left as empty cells (unknown), never written as 0.
    """
    from openpyxl import Workbook  # imported on the first download, not on every page's first run
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    data_sheet = workbook.active
    data_sheet.title = sheet[:31]
    clean = neutralise(df)
    data_sheet.append([str(c) for c in clean.columns])
    for row in clean.itertuples(index=False):
        data_sheet.append([_cell(v) for v in row])
    for i, column in enumerate(clean.columns, start=1):
        width = max([len(str(column))] + [len(str(v)) for v in clean[column].head(200)])
        data_sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 50)
    data_sheet.freeze_panes = "A2"
    about_sheet = workbook.create_sheet("Om data")
    about_sheet.append(["Uppgift", "Värde"])
    for key, value in (about or {}).items():
        about_sheet.append([_inert(str(key)), _inert(str(value))])
    about_sheet.column_dimensions["A"].width = 24
    about_sheet.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


_UNSAFE = re.compile(r"[^0-9A-Za-z_-]+")
_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", "é": "e", "ü": "u"})


def filename(subject: str, area: str, years: str, ext: str, today: date | None = None) -> str:
    """A file name that says what and when, e.g. ``mottagande_mal_GR_2024_2026-11-22.csv``."""
    parts = [subject, area, years, (today or date.today()).isoformat()]
    cleaned = [_UNSAFE.sub("-", p.translate(_ASCII)).strip("-") for p in parts if p]
    return "_".join(cleaned) + "." + ext.lstrip(".")
