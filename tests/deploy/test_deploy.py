"""deploy/ as an operator runs it: N app processes from the systemd unit's command, nginx from the site
file, one store; sessions spread over the processes, a load through one seen by all, a killed process."""

from __future__ import annotations

import asyncio
import re
import socket
import tomllib
from argparse import Namespace

import pytest
from deploy_ports import APP_PORTS, PROXY_PORT

from bench import cluster as bench_cluster
from bench.stream import Session
from deploy import cluster
from reception import store
from reception.i18n import t


def test_nginx_takes_the_uploads_the_app_takes():
    """client_max_body_size lets a file of server.maxUploadSize MB and its form through, 1 MB more at most."""
    config = tomllib.loads((store.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    app_mb = config["server"]["maxUploadSize"]
    nginx_mb = int(re.search(r"client_max_body_size (\d+)m;", cluster.SITE.read_text()).group(1))
    assert app_mb < nginx_mb <= app_mb + 1


def test_every_process_listens_on_this_machine_only():
    command = cluster.unit_command(8501)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--server.port") + 1] == "8501"
    site = cluster.site_config([8651, 8652], 8655)
    assert "listen 127.0.0.1:8655;" in site and "127.0.0.1:8503" not in site
    assert site.count("127.0.0.1:8652") == 3  # the known processes (twice) and the upstream


def _demo_loads(path) -> int:
    with store.connect_read(path) as con:
        return con.execute("select count(*) from loads where is_demo").fetchone()[0]


def _open_at_once(urls: list[str], page: str = "") -> list[Session]:
    """Sessions opened at the same moment, each run once and closed again (what they drew is kept)."""
    sessions = [Session(url, page=page) for url in urls]

    async def run() -> None:
        try:
            await asyncio.gather(*(s.open() for s in sessions))
        finally:
            await asyncio.gather(*(s.close() for s in sessions))

    asyncio.run(run())
    return sessions


def test_a_port_another_program_holds_stops_the_start_before_any_process(tmp_path):
    """A program already on nginx's port would answer the health checks in nginx's place."""
    with socket.socket() as other:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # an earlier test's ports may linger
        other.bind(("127.0.0.1", PROXY_PORT))
        other.listen()
        with (
            pytest.raises(RuntimeError, match=f"ports taken .*{PROXY_PORT}"),
            cluster.Cluster(tmp_path, APP_PORTS, PROXY_PORT, {}) as running,
        ):
            raise AssertionError(f"started on a taken port: {running.url}")
    assert not list(tmp_path.glob("app-*.log"))  # no app process was started


def test_the_deployment_starts_on_a_new_store_fills_it_once_and_is_read_only_through_nginx(
    deploy_ready, tmp_path
):
    db = tmp_path / "store" / "reception.duckdb"  # no store yet: the first start of a new installation
    db.parent.mkdir()
    with cluster.Cluster(tmp_path, APP_PORTS, PROXY_PORT, {"RECEPTION_DB": str(db)}) as running:
        # every process's first page at the same moment, twice through nginx and once on each port
        direct = [running.app_url(port) for port in APP_PORTS]
        sessions = _open_at_once([running.url, running.url, *direct])
        for session in sessions:
            assert session.last.exceptions == [] and any(k.startswith("Mål ") for k in session.last.metrics)
        assert {s.process for s in sessions[:2]} == {f"127.0.0.1:{port}" for port in APP_PORTS}
        assert _demo_loads(db) == 3  # one demo (targets, arrivals, capacity), not one per process

        # through nginx nobody is "this machine": without a password the Data page is read-only
        proxied, local = _open_at_once([running.url, direct[0]], page="data")
        assert t("roles.read_only", "sv") in proxied.last.alerts
        assert t("roles.read_only", "sv") not in local.last.alerts
        assert "uploads" in local.last.widgets and "uploads" not in proxied.last.widgets


def test_a_crowd_on_two_processes_sees_one_load_and_a_killed_process_loses_only_its_sessions(
    deploy_ready, tmp_path
):
    """CI's small load test: 2 processes, 5 sessions (one a browser), one load through a process that
    is then killed: no action fails, every session sees the new figure, the load stays, and only the
    killed process's sessions reconnect (to the other process, through nginx)."""
    master = bench_cluster.make_store(tmp_path)
    args = Namespace(seconds=24, sessions=5, browsers=1, load_at=4, kill_at=14)
    result = bench_cluster.run_once(
        master, tmp_path / "run", 2, args, kill=True, ports=APP_PORTS, proxy=PROXY_PORT
    )
    assert result["errors"] == []
    assert result["tile_before"] and result["expected_after"] not in result["tile_before"]
    assert result["tile_after"] == [result["expected_after"]]
    assert result["sessions_with_old_figure_after_load"] == 0
    assert result["sessions_without_a_read_after_load"] == 0
    assert result["load_in_store"]
    assert len(result["processes"]) == 2
    assert result["killed"] and set(result["reconnected_from"]) <= set(result["killed"])
