"""Query text is read again when its file changes: no SQL is kept for the life of the server."""

from __future__ import annotations

import os

from reception import queries


def test_an_edited_query_file_is_read_again_with_its_parameters(tmp_path, monkeypatch):
    monkeypatch.setattr(queries, "QUERIES", tmp_path)
    question = tmp_path / "edited.sql"
    question.write_text("select $year as year\n")
    assert queries.parameter_names("edited") == {"year"}
    question.write_text("-- now by county too\nselect $year as year, $lan_kod as lan_kod\n")
    later = question.stat().st_mtime_ns + 1_000_000
    os.utime(question, ns=(later, later))  # a later modification time, whatever the clock's grain
    assert "lan_kod" in queries.sql_text("edited")
    assert queries.parameter_names("edited") == {"year", "lan_kod"}
