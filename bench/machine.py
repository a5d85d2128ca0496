"""What the benchmark ran on: CPU, memory, OS, Python and the versions of the packages that matter.

No host name and no path: only what makes the figures comparable.
"""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

PACKAGES = ("streamlit", "duckdb", "pandas", "pyarrow", "numpy", "plotly", "openpyxl", "playwright", "psutil")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _os_name() -> str:
    try:
        fields = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line
        )
        return fields.get("PRETTY_NAME", "").strip('"') or platform.system()
    except OSError:
        return platform.system()


def _chromium_version() -> str | None:
    import subprocess

    try:
        answer = subprocess.run(
            ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return answer.stdout.strip() or None


def info() -> dict:
    """The machine and software the run used."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "os": _os_name(),
        "kernel": platform.release(),
        "arch": platform.machine(),
        "python": platform.python_version(),
        "chromium": _chromium_version(),
        "packages": versions,
    }


def one_line(machine: dict) -> str:
    """'AMD EPYC, 2 CPUs, 23.5 GB RAM, Debian GNU/Linux 12, Python 3.11.7'."""
    return (
        f"{machine['cpu']}, {machine['cpus']} CPUs, {machine['ram_gb']} GB RAM, {machine['os']}, "
        f"Python {machine['python']}"
    )
