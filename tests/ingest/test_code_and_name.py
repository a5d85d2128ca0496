"""A code beside another municipality's name (``0180;Göteborg;5``) is a refusal that says so.

It raised ``TypeError: problem() got multiple values for argument 'code'`` (the problem's field was
called ``code``, like the problem's own code), and the user read "cannot be read as csv (TypeError)".
"""

from __future__ import annotations

import pytest

from reception import ingest
from reception.ingest import isolate

FILE = "Kommunkod;Kommun;Kommuntal 2024\r\n0180;Göteborg;5\r\n2080;Falun;7\r\n".encode()


def test_a_code_beside_another_municipalitys_name_is_refused_naming_both(fresh_store):
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes("kommuntal.csv", FILE, store_path=fresh_store)
    (problem,) = refused.value.problems
    assert problem.code == "code_and_name_differ"
    assert (problem.row, problem.value) == (2, "0180")
    assert problem.text("en") == (
        "the municipality code '0180' and the name 'Göteborg' are different municipalities."
    )
    assert problem.text("sv") == "kommunkoden '0180' och namnet 'Göteborg' är olika kommuner."


def test_the_upload_reads_the_disagreement_not_an_error_class(fresh_store):
    with pytest.raises(ingest.IngestRefused) as refused:
        isolate.ingest("kommuntal.csv", FILE, store_path=fresh_store)
    assert [p.code for p in refused.value.problems] == ["code_and_name_differ"]
    assert "Error" not in refused.value.text("en")
