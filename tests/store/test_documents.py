"""Documents beside the store: saved and read back, a stale write refused, the facts untouched."""

from __future__ import annotations

import pytest

from reception import store
from reception.store import documents, startup


def test_a_saved_document_reads_back_with_its_revision(tmp_path):
    db = tmp_path / "reception.duckdb"
    assert documents.read("deck", "main", db) == (None, 0)
    assert documents.write("deck", "main", {"title": "Möte"}, 0, db) == 1
    assert documents.read("deck", "main", db) == ({"title": "Möte"}, 1)
    assert documents.write("deck", "main", {"title": "Möte 2"}, 1, db) == 2
    assert documents.names("deck", db) == ["main"]


def test_a_stale_write_is_refused_and_carries_the_current_document(tmp_path):
    db = tmp_path / "reception.duckdb"
    documents.write("scenario", "Dalarna 2027", {"total": 100}, 0, db)
    documents.write("scenario", "Dalarna 2027", {"total": 120}, 1, db)  # somebody else saved
    with pytest.raises(documents.StaleRevision) as refused:
        documents.write("scenario", "Dalarna 2027", {"total": 90}, 1, db)
    assert (refused.value.current, refused.value.revision) == ({"total": 120}, 2)
    assert documents.read("scenario", "Dalarna 2027", db) == ({"total": 120}, 2)
    with pytest.raises(documents.StaleRevision):
        documents.delete("scenario", "Dalarna 2027", 1, db)
    documents.delete("scenario", "Dalarna 2027", 2, db)
    assert documents.names("scenario", db) == []


def test_a_document_write_leaves_the_store_file_and_its_version_alone(tmp_path):
    db = tmp_path / "reception.duckdb"
    startup.prepare(db)
    before = (db.read_bytes(), store.data_version(db))
    documents.write("deck", "main", {"slides": []}, 0, db)
    assert (db.read_bytes(), store.data_version(db)) == before


def test_kinds_are_identifiers_and_names_any_text(tmp_path):
    db = tmp_path / "reception.duckdb"
    with pytest.raises(ValueError):
        documents.write("../etc", "x", {}, 0, db)
    documents.write("scenario", "../../x", {}, 0, db)  # a name never becomes a path
    assert [p.parent.name for p in documents.folder(db).rglob("*.json")] == ["scenario"]
