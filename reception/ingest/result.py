"""What a load did, as the one-screen summary the command line prints and the Data page shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from reception.i18n import fmt_int, fmt_num, t

MEASURES = ("target", "received", "persons", "of_which_unaccompanied", "places", "occupied", "population")
SHOWN = 12


@dataclass
class LoadSummary:
    """One dataset's load: its id, rows, period, municipalities matched and sums."""

    load_id: int
    dataset: str
    rows: int
    years: list[int]
    period: str  # '2024' or '2024-01 – 2024-10'
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
                period=self.period,
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
