"""What a load did, as the one-screen summary the command line prints and the Data page shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from reception.i18n import fmt_int, fmt_num, t
from reception.ingest.problems import Said

MEASURES = ("target", "received", "persons", "of_which_unaccompanied", "places", "occupied", "population")
SHOWN = 12


@dataclass
class LoadSummary:
    """One dataset's load: its id, rows, period, municipalities matched and sums."""

    load_id: int
    dataset: str
    rows: int
    years: list[int]
    period: str  # '2024' or '2024-01 – 2024-10' (a :class:`Said`, worded in the reader's language)
    municipalities: int
    totals: dict[str, float]
    suppressed: dict[str, int]

    def lines(self, lang: str | None = None) -> list[str]:
        """The summary in ``lang`` (default: the current language); names from the label table."""
        places = t("load.counties" if self.dataset == "county_targets" else "load.municipalities", lang)
        out = [
            t(
                "load.head",
                lang,
                name=t(f"dataset.{self.dataset}", lang),
                id=self.load_id,
                rows=fmt_int(self.rows, lang),
                period=_text(self.period, lang),
            ),
            f"  {places}: {fmt_int(self.municipalities, lang)}",
        ]
        for measure, total in self.totals.items():
            hidden = self.suppressed.get(measure, 0)
            words = t("load.hidden_one" if hidden == 1 else "load.hidden", lang, n=fmt_int(hidden, lang))
            note = f" ({words})" if hidden else ""
            shown = fmt_num(total, 0 if float(total).is_integer() else 2, lang)
            out.append(
                "  " + t("load.total", lang, measure=t(f"measure.{measure}", lang), total=shown) + note
            )
        return out


def summarise(dataset: str, facts: pa.Table) -> LoadSummary:
    """One dataset's facts summed up (load id 0 until the writer gives it one)."""
    names = facts.column_names
    if "year" in names:
        years = sorted(set(facts.column("year").to_pylist()))
    else:
        time = facts.column("month" if "month" in names else "arrived")
        years = sorted({d.year for d in pc.unique(time).to_pylist()})
    if "month" in names or "arrived" in names:
        time = facts.column("month" if "month" in names else "arrived")
        period = Said(
            "period_months", first=f"{pc.min(time).as_py():%Y-%m}", last=f"{pc.max(time).as_py():%Y-%m}"
        )
    elif "as_of_month" in names:
        last = facts.filter(pc.equal(facts.column("year"), years[-1]))
        month = pc.max(last.column("as_of_month")).as_py()
        since = f"{years[0]}–" if len(years) > 1 else ""
        period = Said("period_so_far", since=since, year=years[-1], month=month)
    else:
        period = Said("period_years", years=", ".join(map(str, years)))
    area = "lan_kod" if dataset == "county_targets" else "kommun_kod"
    measures = [m for m in MEASURES if m in names and facts.column(m).null_count < facts.num_rows]
    totals = {m: float(pc.sum(facts.column(m)).as_py() or 0) for m in measures}
    suppressed = {m: facts.column(m).null_count for m in measures if facts.column(m).null_count}
    if dataset == "arrival_events":
        totals = {"persons": float(facts.num_rows)}
    municipalities = len(pc.unique(facts.column(area)))
    return LoadSummary(0, dataset, facts.num_rows, years, period, municipalities, totals, suppressed)


@dataclass
class IngestResult:
    """What ``ingest_file``/``ingest_bytes`` did with a file.

    Attributes:
        source: the file's name. loads: one per dataset stored. warnings: sums that don't add up
        and other things to look at. notes: what was read from where, passed over, or assumed.
        renamed: names matched by an old or other form. already_loaded: the live load that holds
        this very file (then nothing new is stored). retired: the demo loads this file retired
        (demo and real never mix); non-empty only on the first real file after the demo.
    """

    source: str
    loads: list[LoadSummary] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    already_loaded: int | None = None
    retired: list[int] = field(default_factory=list)
    recipe: str | None = None  # the saved recipe the file was read with

    @property
    def rows(self) -> int:
        return sum(load.rows for load in self.loads)

    @property
    def load_ids(self) -> list[int]:
        return [load.load_id for load in self.loads]

    @property
    def dataset(self) -> str | None:
        return self.loads[0].dataset if self.loads else None

    def summary_lines(self, lang: str | None = None) -> list[str]:
        if self.already_loaded is not None:
            return [t("load.already", lang, source=self.source, id=self.already_loaded)]
        out = [t("load.loaded", lang, source=self.source)]
        if self.recipe:
            out.append("  " + t("load.recipe", lang, name=self.recipe))
        for load in self.loads:
            out += ["  " + line for line in load.lines(lang)]
        if self.retired:
            out.append("  " + t("data.demo_removed", lang))
        if self.renamed:
            pairs = [f"{a} → {b}" for a, b in sorted(self.renamed.items())]
            shown = ", ".join(pairs[:SHOWN]) + (" …" if len(pairs) > SHOWN else "")
            out.append("  " + t("load.renamed", lang, pairs=shown))
        for title, lines in (("load.warnings", self.warnings), ("load.notes", self.notes)):
            if lines:
                out.append(t(title, lang, n=len(lines)))
                out += [f"  - {_text(line, lang)}" for line in lines[:SHOWN]]
                if len(lines) > SHOWN:
                    out.append("  " + t("load.more", lang, n=len(lines) - SHOWN))
        return out

    def to_json(self) -> dict:
        """The summary kept with each load in the store."""
        return {
            "loads": [asdict(load) for load in self.loads],
            "warnings": self.warnings,
            "notes": self.notes,
            "renamed": self.renamed,
        }


def _text(line: str, lang: str | None) -> str:
    """A warning or note in ``lang``: worded again when it carries its code (:class:`Said`)."""
    return line.text(lang) if hasattr(line, "text") else line
