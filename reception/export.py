"""Downloads: the data behind a chart or view as CSV, CSV for Swedish Excel, xlsx or parquet.

Text a spreadsheet would read as a formula (= + - @, their full-width forms, tab, CR, LF, also
after leading spaces) never runs in the official's Excel: CSV prefixes it with ' ; xlsx writes it
as it is, as a text cell marked "quote prefix". Parquet is typed data that no spreadsheet runs,
and is written exactly as the data is. Streamlit's own table download is switched off
(``client.disableDataExport``), so these builders are the only way data leaves the app.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from reception.i18n import t

# a cell a spreadsheet would run: = + - @ (also their full-width forms, which Excel folds to them),
# or a tab, CR or LF, each possibly after leading white space
DANGEROUS = re.compile(r"^\s*[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n]")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


def is_dangerous(value: object) -> bool:
    """True for text a spreadsheet would read as a formula (see :data:`DANGEROUS`)."""
    return isinstance(value, str) and DANGEROUS.match(value) is not None


def _inert(value: object) -> object:
    """Text a spreadsheet would run, prefixed with ' (shown as written, never run); all else as is."""
    return "'" + value if is_dangerous(value) else value


def _whole(values: pd.Series) -> bool:
    known = values.dropna()
    return len(known) > 0 and bool((known == known.round()).all()) and bool((known.abs() < 2**53).all())


def _counts_whole(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which counts with unknown (NULL) values, which arrive as floats, are whole numbers."""
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]) and _whole(out[column]):
            out[column] = out[column].astype("Int64")
    return out


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for CSV: text cells (and column names) a spreadsheet would run are prefixed with ' ."""
    out = _counts_whole(df)
    for column in out.columns:
        if not (
            pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_datetime64_any_dtype(out[column])
        ):
            out[column] = out[column].map(_inert)
    out.columns = [_inert(str(c)) for c in out.columns]
    return out


# Lines end in CR LF (RFC 4180): the csv writer then quotes any cell holding a CR or an LF, where
# with LF alone a bare CR in a cell went out unquoted and split the row in two.
EOL = "\r\n"


def to_csv(df: pd.DataFrame) -> bytes:
    """Plain CSV: UTF-8, comma separated, decimal point."""
    return neutralise(df).to_csv(index=False, lineterminator=EOL).encode("utf-8")


def to_csv_excel(df: pd.DataFrame) -> bytes:
    """CSV as Swedish Excel opens it: semicolon separated, decimal comma, UTF-8 with BOM."""
    return neutralise(df).to_csv(index=False, sep=";", decimal=",", lineterminator=EOL).encode("utf-8-sig")


def to_parquet(df: pd.DataFrame) -> bytes:
    """Parquet, exactly the data: a typed format no spreadsheet runs, so nothing is altered."""
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), buffer)
    return buffer.getvalue()


def to_xlsx(
    df: pd.DataFrame, about: dict[str, str] | None = None, sheet: str = "Data", lang: str | None = None
) -> bytes:
    """An Excel workbook: the data, and an "Om data" sheet (source files, load dates, selection),
    its name and headings in ``lang`` (default: the current language).

    Missing values are left as empty cells (unknown), never written as 0. Text is written as it
    is, as text cells; text a spreadsheet would run is also marked "quote prefix", so editing the
    cell in Excel keeps it text.
    """
    from openpyxl import Workbook  # imported on the first download, not on every page's first run
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    data_sheet = workbook.active
    data_sheet.title = sheet[:31]
    clean = _counts_whole(df)
    _append(data_sheet, [str(c) for c in clean.columns])
    for row in clean.itertuples(index=False):
        _append(data_sheet, [_cell(v) for v in row])
    for i, column in enumerate(clean.columns, start=1):
        width = max([len(str(column))] + [len(str(v)) for v in clean[column].head(200)])
        data_sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 50)
    data_sheet.freeze_panes = "A2"
    about_sheet = workbook.create_sheet(t("about.sheet", lang))
    about_sheet.append([t("about.field", lang), t("about.value", lang)])
    for key, value in (about or {}).items():
        _append(about_sheet, [str(key), str(value)])
    about_sheet.column_dimensions["A"].width = 24
    about_sheet.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _append(sheet, values: list) -> None:
    """A row in which every text cell is a text cell (openpyxl would make '=...' a formula)."""
    from openpyxl.cell import Cell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = []
    for value in values:
        if not isinstance(value, str):
            cells.append(value)
            continue
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters (a file name's ESC): XML holds none
        cell = Cell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = is_dangerous(value)
        cells.append(cell)
    sheet.append(cells)


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
