"""What each body row is: a municipality (or county), a subtotal, a total, or a row to pass over.

The area cells are matched once per distinct text (:mod:`reception.ingest.names`), so a file of
ten million rows costs as much as its few hundred names. Rows that name no area but carry numbers
are subtotals ("the municipality cell empty, or the county name in it"); rows with neither names
nor numbers are blank rows, headings and footnotes, passed over. A text that matches nothing in a
row with numbers is an unknown municipality: a problem. What one cell names is
:mod:`reception.ingest.area_cell`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import names
from reception.ingest.area_cell import COUNTY, DATA, EMPTY, SUBTOTAL, TOTAL, judge_code, judge_lan, judge_name
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Problem, Said, problem

NULL = pa.scalar(None, pa.string())
UNKNOWN_AREA = "unknown_area"  # the codes of the problems of a row whose area matches nothing
UNKNOWN_AREA_HINT = "unknown_area_hint"
NO_AREA = "no_area"


@dataclass
class Areas:
    """The body rows of a table, classified.

    Attributes:
        kind: per row, DATA, SUBTOTAL, TOTAL or EMPTY (passed over).
        code: per row, the kommun_kod (or lan_kod in a county table) of DATA rows, else null.
        county: per row, the lan_kod a SUBTOTAL row names (or that its county column holds), else null.
        column: the name column (else the code column) that says which area a row is about.
        renamed: old or other names matched, e.g. {'MALUNG': 'Malung-Sälen'}.
    """

    kind: np.ndarray
    code: pa.Array
    county: pa.Array
    column: Column | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)


def _classify(column: pa.ChunkedArray, judge) -> tuple[np.ndarray, pa.Array, list[str]]:
    """judge(text) -> (kind, code, renamed_to|None), applied once per distinct text."""
    encoded = pc.dictionary_encode(column).combine_chunks()
    answers = [judge(text) for text in encoded.dictionary.to_pylist()]
    kinds = np.array([a[0] for a in answers] + [EMPTY], dtype=np.int8)
    codes = pa.array([a[1] for a in answers] + [None], pa.string())
    index = pc.fill_null(encoded.indices, len(answers)).to_numpy(zero_copy_only=False)
    renamed = [
        f"{text} → {a[2]}" for text, a in zip(encoded.dictionary.to_pylist(), answers, strict=True) if a[2]
    ]
    return kinds[index], pc.take(codes, pa.array(index)), renamed


def resolve(table: Table, values: list[Column], counties: bool = False) -> Areas:
    """Classify every body row of ``table``; ``values`` are the columns whose cells are numbers.

    Args:
        counties: True for tables of counties (länstal): DATA rows are counties, codes lan_kod.
    """
    body = table.sheet.grid.slice(table.start, table.stop - table.start)
    n = body.num_rows
    name_col = _first(table, "lan" if counties else "kommun")
    code_col = _first(table, "lan_kod" if counties else "kommun_kod")
    lan_col = None if counties else _first(table, "lan")
    has_values = np.zeros(n, dtype=bool)
    for column in values:
        has_values |= pc.is_valid(body.column(column.index)).to_numpy(zero_copy_only=False)

    kinds, codes, renamed = [], [], []
    for column, judge in ((name_col, judge_name), (code_col, judge_code)):
        if column is None:
            kinds.append(np.full(n, EMPTY, np.int8))
            codes.append(pa.nulls(n, pa.string()))
            continue
        k, c, r = _classify(body.column(column.index), lambda t, j=judge: j(t, counties))
        kinds.append(k)
        codes.append(c)
        renamed += r
    (name_kind, code_kind), (name_code, code_code) = kinds, codes
    is_data = (name_kind == DATA) | (code_kind == DATA)
    code = pc.coalesce(pc.if_else(pa.array(name_kind == DATA), name_code, NULL), code_code)
    code = pc.if_else(pa.array(is_data), code, pa.scalar(None, pa.string()))

    problems = _disagreements(table, body, name_col, code_col, name_kind, code_kind, name_code, code_code)
    county = pc.coalesce(
        pc.if_else(pa.array(np.isin(name_kind, (COUNTY, SUBTOTAL))), name_code, NULL),
        pc.if_else(pa.array(np.isin(code_kind, (COUNTY, SUBTOTAL))), code_code, NULL),
    )
    totals = ~is_data & ((name_kind == TOTAL) | (code_kind == TOTAL))
    named_sub = (
        ~is_data & ~totals & (np.isin(name_kind, (COUNTY, SUBTOTAL)) | np.isin(code_kind, (COUNTY, SUBTOTAL)))
    )
    unnamed = (name_kind == EMPTY) & (code_kind == EMPTY)
    if lan_col is not None:
        lan_kind, lan_code, _ = _classify(body.column(lan_col.index), lambda t: judge_lan(t))
        totals |= unnamed & (lan_kind == TOTAL) & has_values
        county = pc.coalesce(county, pc.if_else(pa.array(unnamed & (lan_kind == COUNTY)), lan_code, None))
    subtotals = (named_sub | unnamed) & has_values & ~totals
    unknown = ~is_data & ~totals & ~subtotals & has_values
    kind = np.select([is_data, totals, subtotals], [DATA, TOTAL, SUBTOTAL], EMPTY).astype(np.int8)
    problems += _unknown(table, body, name_col or code_col, unknown)
    renamed_to = dict(r.split(" → ") for r in sorted(set(renamed)))
    areas = Areas(kind, code, county, name_col or code_col, problems, renamed=renamed_to)
    if lan_col is not None:
        areas.warnings += _county_mismatch(table, body, lan_col, kind, code)
    return areas


def _first(table: Table, role: str) -> Column | None:
    found = table.role(role)
    return found[0] if found else None


def _rows(table: Table, mask: np.ndarray) -> list[int]:
    where = np.flatnonzero(mask)
    return table.sheet.rows.slice(table.start, table.stop - table.start).take(pa.array(where)).to_pylist()


def _unknown(table: Table, body: pa.Table, column: Column | None, mask: np.ndarray) -> list[Problem]:
    if column is None or not mask.any():
        if mask.any():
            rows = _rows(table, mask)
            return [problem(_file(table), NO_AREA, sheet=table.sheet.name, row=rows[0])]
        return []
    texts = body.column(column.index).take(pa.array(np.flatnonzero(mask))).to_pylist()
    rows = _rows(table, mask)
    seen: dict[str, list[int]] = {}
    for text, row in zip(texts, rows, strict=True):
        seen.setdefault(text, []).append(row)
    problems = []
    for text, at in seen.items():
        hint = names.places().suggest(text) if text else []
        found = (
            problem(_file(table), UNKNOWN_AREA_HINT, hint=" / ".join(hint))
            if hint
            else problem(_file(table), UNKNOWN_AREA)
        )
        more = (("same_value_rows", (("n", len(at)),)),) if len(at) > 1 else ()
        problems.append(
            Problem(found.file, found.code, table.sheet.name, at[0], column.label, text, found.fields, more)
        )
    return problems


def _disagreements(
    table, body, name_col, code_col, name_kind, code_kind, name_code, code_code
) -> list[Problem]:
    both = (name_kind == DATA) & (code_kind == DATA)
    if not both.any():
        return []
    differ = both & pc.fill_null(pc.not_equal(name_code, code_code), False).to_numpy(zero_copy_only=False)
    problems = []
    for i in np.flatnonzero(differ)[:50]:
        row = table.sheet.rows[table.start + int(i)].as_py()
        name, code = body.column(name_col.index)[int(i)].as_py(), body.column(code_col.index)[int(i)].as_py()
        problems.append(
            problem(
                _file(table),
                "code_and_name_differ",
                sheet=table.sheet.name,
                row=row,
                column=code_col.label,
                value=code,
                code=repr(code),
                name=repr(name),
            )
        )
    return problems


def _county_mismatch(table, body, lan_col, kind, code) -> list[str]:
    filled = pc.fill_null_forward(body.column(lan_col.index))
    lan_code = _classify(filled, lambda t: judge_lan(t))[1]
    data = pa.array(kind == DATA)
    stated = pc.if_else(data, lan_code, NULL)
    actual = pc.utf8_slice_codeunits(pc.if_else(data, code, NULL), 0, 2)
    wrong = pc.fill_null(pc.not_equal(stated, actual), False).to_numpy(zero_copy_only=False)
    places = names.places()
    out = []
    for i in np.flatnonzero(wrong)[:10]:
        muni = places.kommun[code[int(i)].as_py()]
        out.append(
            Said(
                "wrong_county",
                where=where(table, int(i)),
                kommun=muni,
                stated=places.lan[stated[int(i)].as_py()],
                actual=places.lan[actual[int(i)].as_py()],
            )
        )
    return out


def _file(table: Table) -> str:
    return table.sheet.file


def where(table: Table, i: int) -> Said:
    """'blad 'X' rad 12': where row ``i`` of the table stands in the file, said in the reader's language."""
    row = table.sheet.rows[table.start + i].as_py()
    return (
        Said("where_sheet_row", sheet=repr(table.sheet.name), row=row)
        if table.sheet.name
        else Said("where_row", row=row)
    )
