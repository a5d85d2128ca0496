"""The importer: official files in, one atomic load per dataset out.

``ingest_file(path)`` (command line) and ``ingest_bytes(name, data)`` (uploads) take a file as
Migrationsverket or a county board published it (xlsx/xls/ods, csv, parquet), find its table(s),
recognise the dataset, normalise names, codes and numbers, validate every row, and load it into
the store in one transaction. A file with any problem raises :class:`IngestRefused` listing every
problem (file, sheet, row, column, value) and changes nothing.

Datasets: ``targets`` (kommuntal, fördelningstal, anvisningsandel per municipality and year),
``county_targets`` (länstal), ``arrivals`` (people received by category: year-to-date snapshots or
monthly figures), ``capacity`` (places and occupied per month, municipality and kind),
``arrival_events`` (one row per person received; stored and aggregated to months at load), and
``population`` (SCB's population on 31 December, from SCB's or Kolada's downloads).

Every file from outside is read in a child process under its kind's limits (``isolate``, ``guard``,
``limits``), which also runs the planner's weight file and the meeting deck's file
(``isolate.TASKS`` names those readers by module path).

May import from reception: ``store``, ``queries``, ``geo``, ``i18n``, ``refusal``, ``text``; nothing
from ``planning``, ``meeting``, ``charts`` or ``ui`` (the child-process tasks are named as strings).
"""

from reception.ingest.pipeline import DATASETS, ingest_bytes, ingest_file
from reception.ingest.problems import IngestRefused, Problem
from reception.ingest.result import IngestResult, LoadSummary

__all__ = [
    "DATASETS",
    "IngestRefused",
    "IngestResult",
    "LoadSummary",
    "Problem",
    "ingest_bytes",
    "ingest_file",
]
