"""The limits a file from outside is read under, in one place, and the refusal that names one.

Two sets for the importer: :data:`UPLOAD` for the Data page (files as Migrationsverket publishes
them, well under 5 MB) and :data:`COMMAND_LINE` for ``python -m reception ingest`` (the benchmark's
10 M-row event files); and two small ones for what any visitor may upload: :data:`WEIGHTS`
(Planering's weight file) and :data:`DECK` (a meeting deck). The README's "Limits" section repeats
them. The guard (:mod:`reception.ingest.guard`) and the parts it reads files with
(:mod:`reception.ingest.xmlscan`, :mod:`reception.ingest.workbook`, :mod:`reception.ingest.biff`)
apply them; the child process (:mod:`reception.ingest.isolate`) is held to them as a last line.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from reception.ingest.problems import IngestRefused, coded

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How big a file may be and what reading it may cost.

    Attributes:
        file_mb: the file itself.
        memory_mb: the reading process's resident memory (it is stopped beyond it).
        seconds: the whole load, read to store, by the wall clock.
        unpacked_mb: a zip's members (xlsx, ods) together, uncompressed.
        ratio: one member's uncompressed size over its compressed size (counted from 1 MB up).
        members: files inside a zip.
        sheets: sheets in a workbook.
        cells: rows x columns of a sheet as declared or as its cell references reach; for ods and
            parquet all sheets together.
        shared_strings_mb: an xlsx's table of texts, uncompressed; an ods's cell texts as its repeat
            counts and runs of spaces (``text:s``) expand them.
        line_kb: a CSV line (a longer run without a line break is refused).
        columns: columns of a CSV or parquet file.
    """

    file_mb: int
    memory_mb: int
    seconds: int
    unpacked_mb: int
    ratio: int
    members: int
    sheets: int
    cells: int
    shared_strings_mb: int
    line_kb: int
    columns: int


# The Data page: official files are a few hundred rows; a year of person-level events (~1 M rows,
# 30 MB as CSV) still fits.
UPLOAD = Limits(
    file_mb=50,
    memory_mb=1024,
    seconds=60,
    unpacked_mb=250,
    ratio=200,
    members=1000,
    sheets=100,
    cells=5_000_000,
    shared_strings_mb=50,
    line_kb=512,
    columns=2000,
)
# The command line (run by whoever runs the server): the benchmark's 10 M-row events (300 MB CSV).
COMMAND_LINE = Limits(
    file_mb=2048,
    memory_mb=8192,
    seconds=900,
    unpacked_mb=2048,
    ratio=200,
    members=1000,
    sheets=100,
    cells=60_000_000,
    shared_strings_mb=500,
    line_kb=512,
    columns=2000,
)

# A planner's weight file on Planering (a municipality and a number per row: a few KB) and a meeting
# deck (JSON, a hundred slides at most): open to every visitor who may upload, so small ceilings.
WEIGHTS = Limits(
    file_mb=5,
    memory_mb=512,
    seconds=20,
    unpacked_mb=50,
    ratio=200,
    members=100,
    sheets=20,
    cells=200_000,
    shared_strings_mb=10,
    line_kb=64,
    columns=200,
)
DECK = Limits(
    file_mb=1,
    memory_mb=256,
    seconds=10,
    unpacked_mb=1,
    ratio=200,
    members=1,
    sheets=1,
    cells=1,
    shared_strings_mb=1,
    line_kb=1024,
    columns=1,
)

_active: ContextVar[Limits] = ContextVar("limits", default=UPLOAD)


def active() -> Limits:
    """The limits of the load running in this process (the Data page's unless told otherwise)."""
    return _active.get()


def use(limits: Limits) -> None:
    """Set the limits every later check in this context applies (the child does, first)."""
    _active.set(limits)


def refused(name: str, code: str, /, **fields: object) -> IngestRefused:
    """The refusal of file ``name`` for one limit or kind (code ``limit.*`` or ``format.*``)."""
    return IngestRefused(name, [coded(name, code, **fields)])


def count(number: int) -> str:
    """5 000 000: grouped with spaces, as the README and the app write counts."""
    return f"{number:,}".replace(",", " ")


def size_mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")
