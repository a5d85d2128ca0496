"""A scenario worked out from the store, for the Planering page and ``python -m reception scenario``.

Both ask the same questions (``queries/planning_*.sql``, ``inflow_month_profile``) through an
``ask(name, params)`` function: the page's is cached by data version, the command line's runs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from reception import export, queries
from reception.i18n import fmt_int, fmt_month, fmt_num, fmt_pct, t
from reception.ingest import isolate
from reception.ingest.problems import IngestRefused
from reception.planning import plan
from reception.planning.allocate import ScenarioRefused, county_share

Ask = Callable[..., pd.DataFrame]
FIRST_YEAR = 2000


def read_weights(
    name: str, lan_kod: str, data: bytes | None = None, *, path: Path | None = None, owner: str | None = None
) -> dict[str, float]:
    """A planner's weight file for the county, read in a child process under the importer's guard
    and the weight files' limits (it comes from outside: any visitor of Planering may upload one).

    Raises:
        ScenarioRefused: the file's content is no key for the county, or the file itself is refused
            ("file_refused", with the importer's reasons).
    """
    try:
        return isolate.read_weights(name, data, lan_kod=lan_kod, path=path, owner=owner)
    except IngestRefused as refused:
        reasons = " ".join(p.text() for p in refused.problems[:3])
        raise ScenarioRefused("file_refused", file=refused.file, reasons=reasons) from None


def refusal(refused: ScenarioRefused, lang: str | None = None) -> str:
    """A refused scenario in the user's words."""
    return t(f"plan.refused.{refused.code}", lang, **refused.fields)


def lanstal(ask: Ask, year: int) -> pd.DataFrame:
    return ask("planning_lanstal", year=year)


def county_total(ask: Ask, year: int, lan_kod: str, national_total: int) -> tuple[int, int | None]:
    """The county's part of a national total, by the shares of the newest länstal up to ``year``."""
    rows = lanstal(ask, year).dropna(subset=["share_target"])
    shares = dict(zip(rows["lan_kod"], rows["share_target"], strict=True))
    share_year = int(rows["share_year"].iloc[0]) if len(rows) else None
    return county_share(national_total, shares, lan_kod), share_year


def basis(ask: Ask, year: int, lan_kod: str) -> pd.DataFrame:
    """The county's municipalities with the key's figures; refused for an unknown county."""
    rows = ask("planning_basis", year=year, lan_kod=lan_kod)
    if rows.empty:
        raise ScenarioRefused("no_county", lan_kod=lan_kod)
    return rows


def check(ask: Ask, spec: plan.Spec, table: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The capacity check (:func:`plan.capacity_check`); True when the profile had history."""
    capacity = ask("planning_capacity", year=spec.year, lan_kod=spec.lan_kod)
    profile = ask(
        "inflow_month_profile",
        year_from=FIRST_YEAR,
        year_to=spec.year - 1,
        area_kind="lan",
        area_code=spec.lan_kod,
        category="all",
    )
    shares = plan.month_profile(profile)
    return plan.capacity_check(table, capacity, shares, spec.year), not profile.empty


def key_basis(spec: plan.Spec, rows: pd.DataFrame, lang: str | None = None) -> str:
    """What the key was made of, in words: 'kommuntalen 2026', 'lika delar'."""
    year = {
        "share": rows["kommuntal_year"].dropna().max() if "kommuntal_year" in rows else None,
        "population": rows["population_year"].dropna().max() if "population_year" in rows else None,
    }.get(spec.key)
    year = "–" if year is None or pd.isna(year) else int(year)
    return t(f"plan.key_basis.{spec.key}", lang, year=year, file=spec.file or "")


def make(db: Path, year: int, county: str, total: int | None, key: str, national: bool = False):
    """The command line's scenario: (spec, table, capacity check, where the total came from: 'decision',
    'kommuntal_sum' or None when it was given). Raises ScenarioRefused."""

    def ask(name: str, **params) -> pd.DataFrame:
        return queries.run(name, params, db)

    lan_kod = county.strip().zfill(2)
    rows = basis(ask, year, lan_kod)
    national_total, source = None, None
    if total is None:  # the year's länstal, else the sum of its kommuntal (total_source says which)
        known = lanstal(ask, year).set_index("lan_kod")
        if national or lan_kod not in known.index or pd.isna(known.loc[lan_kod, "total_this_year"]):
            raise ScenarioRefused("no_total", year=year)
        total, source = int(known.loc[lan_kod, "total_this_year"]), known.loc[lan_kod, "total_source"]
    elif national:
        national_total = total
        total, _ = county_total(ask, year, lan_kod, total)
    uploaded, file = None, None
    if key not in plan.KEYS[:3]:
        path = Path(key)
        if not path.is_file():
            raise ScenarioRefused("unknown_key", given=key)
        uploaded, file, key = read_weights(path.name, lan_kod, path=path), path.name, "file"
    spec = plan.Spec(year, lan_kod, total, key, weights=uploaded, file=file, national_total=national_total)
    table = plan.build(spec, rows)
    checked, _ = check(ask, spec, table)
    return spec, with_basis(table, rows), checked, source


def with_basis(table: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The scenario's table with the county's name and the key's figures and years beside it."""
    return table.merge(rows.drop(columns=["kommun"]), on="kommun_kod", how="left")


def aligned(rows: list[list[str]], left: int = 1) -> list[str]:
    """Rows of cells as lines with one value per column, each column as wide as its widest cell; the
    first ``left`` columns (names) flush left, the others (numbers, months) flush right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(w) if i < left else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def lines(
    spec: plan.Spec,
    table: pd.DataFrame,
    checked: pd.DataFrame,
    lang: str | None = None,
    source: str | None = None,
) -> list[str]:
    """The scenario as a plain-text table for the terminal, with the method under it; ``source``
    'kommuntal_sum' says that the total is the sum of the year's kommuntal, not a decision."""
    lan = table["lan"].iloc[0] if "lan" in table else spec.lan_kod
    out = [t("plan.table_title", lang, total=fmt_int(spec.total, lang), lan=lan, year=spec.year)]
    if source == "kommuntal_sum":
        out.append(
            t("plan.total_kommuntal_sum", lang, year=spec.year, lan=lan, total=fmt_int(spec.total, lang))
        )
    columns = ("kommun", "number", "share", "exact", "headroom", "buffer_needed", "short_with_buffer")
    rows = [[t(f"col.{c}", lang) for c in (*columns, "short_from")]]
    by_code = checked.set_index("kommun_kod")
    for r in table.itertuples():
        c = by_code.loc[r.kommun_kod]
        rows.append(
            [
                r.kommun,
                fmt_int(r.number, lang),
                fmt_pct(r.share, 1, lang),
                fmt_num(r.exact, 2, lang),
                fmt_int(c.headroom, lang),
                fmt_int(c.buffer_needed, lang),
                fmt_int(c.short_with_buffer, lang),
                fmt_month(None if pd.isna(c.short_from) else c.short_from, lang),
            ]
        )
    out += ["", *aligned(rows)]
    out += ["", t("plan.method", lang, basis=key_basis(spec, table, lang), total=fmt_int(spec.total, lang))]
    return out


def decision_frame(spec: plan.Spec, table: pd.DataFrame, basis_text: str, lang: str | None = None):
    labels = {c: t(f"col.{c}", lang) for c in ("kommun", "kommun_kod", "number", "share", "key")}
    return plan.decision(table, basis_text, labels, t("plan.total_row", lang))


def about(spec: plan.Spec, lan: str, basis_text: str, lang: str | None = None) -> dict[str, str]:
    return {
        t("plan.county", lang): lan,
        t("plan.year", lang): str(spec.year),
        t("plan.total", lang): str(spec.total),
        t("plan.key", lang): basis_text,
        t("plan.bounds", lang): ", ".join(
            [f"{c} ≥ {v}" for c, v in sorted(spec.floors.items())]
            + [f"{c} ≤ {v}" for c, v in sorted(spec.caps.items())]
        )
        or "–",
        t("plan.method_heading", lang): t("plan.method", lang, basis=basis_text, total=spec.total),
    }


def decision_file(spec: plan.Spec, table: pd.DataFrame, suffix: str, lang: str = "sv") -> bytes:
    """The decision draft as xlsx (with an "Om data" sheet) or, for '.csv', Swedish Excel CSV."""
    basis_text = key_basis(spec, table, lang)
    frame = decision_frame(spec, table, basis_text, lang)
    if suffix == ".csv":
        return export.to_csv_excel(frame)
    lan = table["lan"].iloc[0] if "lan" in table else spec.lan_kod
    return export.to_xlsx(
        frame, about(spec, lan, basis_text, lang), sheet=t("page.planering", lang), lang=lang
    )
