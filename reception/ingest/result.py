"""What a load did, as the one-screen summary the command line prints and the Data page shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from reception.i18n import fmt_int, fmt_num, t

DATASET_NAMES = {
    "targets": "Mål (kommuntal, fördelningstal, anvisningsandel)",
    "county_targets": "Länstal",
    "arrivals": "Mottagna per kategori",
    "capacity": "Kapacitet (platser och belagda)",
    "arrival_events": "Mottagna, en rad per person",
    "population": "Folkmängd 31 december",
}
MEASURE_NAMES = {
    "target": "mål",
    "received": "mottagna",
    "persons": "personer",
    "of_which_unaccompanied": "varav ensamkommande barn",
    "places": "platser",
    "occupied": "belagda",
    "population": "folkmängd",
}
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

    def lines(self) -> list[str]:
        places = "län" if self.dataset == "county_targets" else "kommuner"
        name = DATASET_NAMES[self.dataset]
        out = [
            f"{name}: inläsning {self.load_id}, {fmt_int(self.rows)} rader, {self.period}",
            f"  {places}: {fmt_int(self.municipalities)}",
        ]
        for measure, total in self.totals.items():
            hidden = self.suppressed.get(measure, 0)
            words = "värden dolda i källan, sparade som okända"
            if hidden == 1:
                words = "värde dolt i källan, sparat som okänt"
            note = f" ({fmt_int(hidden)} {words})" if hidden else ""
            shown = fmt_num(total, 0 if float(total).is_integer() else 2)
            out.append(f"  summa {MEASURE_NAMES.get(measure, measure)}: {shown}{note}")
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

    def summary_lines(self) -> list[str]:
        if self.already_loaded is not None:
            return [
                f"{self.source} är redan inläst (inläsning {self.already_loaded}); ingenting har ändrats."
            ]
        out = [f"Inläst: {self.source}"]
        for load in self.loads:
            out += ["  " + line for line in load.lines()]
        if self.retired:
            out.append("  " + t("data.demo_removed"))
        if self.renamed:
            pairs = [f"{a} → {b}" for a, b in sorted(self.renamed.items())]
            out.append(
                f"  namn som tolkats: {', '.join(pairs[:SHOWN])}" + (" …" if len(pairs) > SHOWN else "")
            )
        for title, lines in (("Varningar", self.warnings), ("Att veta", self.notes)):
            if lines:
                out.append(f"{title} ({len(lines)}):")
                out += [f"  - {line}" for line in lines[:SHOWN]]
                if len(lines) > SHOWN:
                    out.append(f"  … och {len(lines) - SHOWN} till.")
        return out

    def to_json(self) -> dict:
        """The summary kept with each load in the store."""
        return {
            "loads": [asdict(load) for load in self.loads],
            "warnings": self.warnings,
            "notes": self.notes,
            "renamed": self.renamed,
        }
