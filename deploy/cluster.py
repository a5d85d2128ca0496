"""The deployment in deploy/, started on this machine without systemd: for the tests and the load benchmark.

Each app process runs the command of ``systemd/reception@.service`` (its ``ExecStart``, with the
instance's port for ``%i``, this checkout for ``/opt/reception`` and this Python for its venv's), in
this checkout, with the settings an env file would give it. nginx runs ``nginx/reception.conf`` as
shipped, but for the lines between its "processes" markers (one per app port, from the first as
the pattern) and its ``listen`` (127.0.0.1 and a port of the caller's), inside a main configuration
of its own (pid, logs and temporary files in the run's folder). Every process is started in its own
process group and ended by its pid.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
UNIT = HERE / "systemd" / "reception@.service"
SITE = HERE / "nginx" / "reception.conf"
INSTALLED = "/opt/reception"  # where the unit expects the app; here: this checkout
ADDRESS = re.compile(r"127\.0\.0\.1:\d+")


def nginx_binary() -> str | None:
    """Debian's nginx (apt-get install -y nginx), or None."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def unit_command(port: int, unit: Path = UNIT) -> list[str]:
    """The unit's ExecStart for the instance ``port``, run from this checkout with this Python."""
    lines = [ln for ln in unit.read_text(encoding="utf-8").splitlines() if ln.startswith("ExecStart=")]
    words = shlex.split(lines[0].removeprefix("ExecStart="))
    python = f"{INSTALLED}/venv/bin/python"
    return [sys.executable if w == python else w.replace("%i", str(port)) for w in words]


def site_config(app_ports: list[int], listen_port: int, site: Path = SITE) -> str:
    """The site file with one line per app port in each "processes" block, listening on 127.0.0.1 only."""
    out, block = [], None
    for line in site.read_text(encoding="utf-8").splitlines():
        if line.strip() == "# processes: begin":
            out.append(line)
            block = []
            continue
        if line.strip() == "# processes: end":
            out += [ADDRESS.sub(f"127.0.0.1:{port}", block[0]) for port in app_ports]
            block = None
        if block is not None:
            block.append(line)
            continue
        out.append(re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{listen_port};", line))
    return "\n".join(out) + "\n"


def main_config(folder: Path, site_file: Path) -> str:
    """A main nginx configuration around the site file, writing only into ``folder``."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers may then read the run's folder
    temp = "\n".join(
        f"    {kind}_temp_path {folder}/temp/{kind};" for kind in ("proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/nginx-error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n    access_log {folder}/nginx-access.log;\n"
        f"    client_body_temp_path {folder}/temp/body;\n{temp}\n    include {site_file};\n}}\n"
    )


def healthy(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=timeout) as answer:
            return answer.read().strip() == b"ok"
    except OSError:
        return False


def port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` of 127.0.0.1 (a bind there succeeds)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class Cluster:
    """N app processes and nginx in front, over one store; use as a context manager.

    Args:
        folder: where logs, the nginx configuration and its temporary files go.
        app_ports: one app process per port (127.0.0.1).
        proxy_port: nginx's port (127.0.0.1).
        env: the settings every process gets (as /etc/reception/reception.env gives them).
    """

    def __init__(self, folder: Path, app_ports: list[int], proxy_port: int, env: dict[str, str]) -> None:
        self.folder, self.app_ports, self.proxy_port = folder, list(app_ports), proxy_port
        self.env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env}
        self.apps: dict[int, subprocess.Popen] = {}
        self.nginx: subprocess.Popen | None = None
        self.url = f"http://127.0.0.1:{proxy_port}"

    def __enter__(self) -> Cluster:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def app_url(self, port: int) -> str:
        return f"http://127.0.0.1:{port}"

    def start(self, timeout: float = 90) -> None:
        taken = [port for port in [*self.app_ports, self.proxy_port] if not port_free(port)]
        if taken:  # else a health check could be answered by whatever holds the port
            raise RuntimeError(f"ports taken on 127.0.0.1 by another program: {taken}")
        for port in self.app_ports:
            self.start_app(port)
        for port in self.app_ports:
            self.wait_app(port, timeout)
        self.start_nginx()

    def start_app(self, port: int) -> None:
        log = open(self.folder / f"app-{port}.log", "ab")  # noqa: SIM115 - the child writes it until it ends
        try:
            self.apps[port] = subprocess.Popen(
                unit_command(port), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        finally:
            log.close()

    def wait_app(self, port: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.apps[port].poll() is not None:
                raise RuntimeError(f"app process {port} exited: {self.log(port)[-2000:]}")
            if healthy(self.app_url(port)):
                return
            time.sleep(0.1)
        raise RuntimeError(f"app process {port} did not answer within {timeout} s")

    def start_nginx(self, timeout: float = 20) -> None:
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is missing (apt-get install -y nginx)")
        (self.folder / "temp").mkdir(exist_ok=True)
        site = self.folder / "reception.conf"
        site.write_text(site_config(self.app_ports, self.proxy_port), encoding="utf-8")
        main = self.folder / "nginx.conf"
        main.write_text(main_config(self.folder, site), encoding="utf-8")
        command = [
            binary,
            "-p",
            str(self.folder),
            "-e",
            str(self.folder / "nginx-error.log"),
            "-c",
            str(main),
        ]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        if checked.returncode:
            raise RuntimeError(f"nginx -t refused the configuration:\n{checked.stderr}")
        self.nginx = subprocess.Popen(
            [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while not healthy(self.url):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not answer: {(self.folder / 'nginx-error.log').read_text()}")
            time.sleep(0.1)

    def kill_app(self, port: int, sig: int = signal.SIGKILL) -> None:
        """End one app process (and its fork server and children) by its pid, as a crash would."""
        proc = self.apps[port]
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=15)

    def stop(self) -> None:
        procs = ([self.nginx] if self.nginx else []) + list(self.apps.values())
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def log(self, port: int) -> str:
        return (self.folder / f"app-{port}.log").read_text(encoding="utf-8", errors="replace")

    def rss_mb(self) -> dict[int, float]:
        """Resident memory of each live app process with its children (fork server, readers), in MB."""
        import psutil

        out = {}
        for port, proc in self.apps.items():
            try:
                parent = psutil.Process(proc.pid)
                family = [parent, *parent.children(recursive=True)]
                out[port] = round(sum(p.memory_info().rss for p in family) / 2**20, 1)
            except psutil.NoSuchProcess:
                continue
        return out
