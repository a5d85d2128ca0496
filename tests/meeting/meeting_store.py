"""A small store built by hand for the meeting tests (the tests work their answers out by hand).

The store: load 1 is the shipped länstal (prepare), then
- load 2: kommuntal 2026: Ale 24, Göteborg 120, Stockholm 60;
- load 3: year-to-date snapshots January..June 2026: Ale quota refugees 2, 4 .. 12;
  Göteborg assigned 10, 20 .. 60; Stockholm assigned 5, 8, 11, 14, 17, 20;
- load 4 (the newest file): the July snapshot (Ale 12, Göteborg 70, Stockholm 32), Göteborg's June
  revised from 60 to 62, and Ale's kommuntal revised from 24 to 30.
Ale (1440) and Göteborg (1480) are in Göteborgsregionen (data/regions.csv), Stockholm is not.
"""

from __future__ import annotations

from reception.store import loadlog, writer

ALE, GBG, STHLM = "1440", "1480", "0180"
GR = {"area_kind": "region", "area_code": "Göteborgsregionen"}


def load(path, dataset, targets=(), snapshots=()):
    with writer.write(path) as con:
        load_id = loadlog.new_load(con, source=f"{dataset}.xlsx", dataset=dataset, rows=1)
        for kod, target in targets:
            con.execute(
                "insert into fact_target values (?, 2026, ?, 'settlement', ?, null)", [load_id, kod, target]
            )
        for kod, category, month, persons in snapshots:
            con.execute(
                "insert into fact_arrivals_ytd values (?, 2026, ?, ?, ?, ?, null)",
                [load_id, month, kod, category, persons],
            )
    return load_id


def build(store_path):
    assert load(store_path, "targets", targets=[(ALE, 24), (GBG, 120), (STHLM, 60)]) == 2
    first_half = [(ALE, "quota_refugee", m, 2 * m) for m in range(1, 7)]
    first_half += [(GBG, "assigned", m, 10 * m) for m in range(1, 7)]
    first_half += [(STHLM, "assigned", m, 2 + 3 * m) for m in range(1, 7)]
    assert load(store_path, "arrivals", snapshots=first_half) == 3
    july = [(ALE, "quota_refugee", 7, 12), (GBG, "assigned", 7, 70), (GBG, "assigned", 6, 62)]
    july += [(STHLM, "assigned", 7, 32)]
    assert load(store_path, "arrivals", targets=[(ALE, 30)], snapshots=july) == 4
    return store_path
