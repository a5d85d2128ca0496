"""A migration merged after higher-numbered ones still runs on a store that already has them."""

from __future__ import annotations

from reception import store
from reception.store import startup, writer


def test_a_store_missing_a_lower_migration_gets_it(store_path):
    with writer.write(store_path) as con:  # as a store made before migration 0007 was merged
        con.execute("alter table load_log drop column loaded_by")
        con.execute("delete from schema_version where version = 7")
    assert store.needs_upgrade(store_path)
    startup.prepare(store_path)
    assert not store.needs_upgrade(store_path)
    with store.connect_read(store_path) as con:
        columns = {r[0] for r in con.execute("describe load_log").fetchall()}
        assert "loaded_by" in columns
        assert sorted(r[0] for r in con.execute("select version from schema_version").fetchall()) == [
            number for number, _ in store.migration_files()
        ]
