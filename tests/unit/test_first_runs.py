"""A fresh app process runs its first sessions' pages in parallel threads: every page imports the
package first, so pandas and plotly must be whole once it is imported (plotly looks pandas up in
sys.modules without waiting, and met a half-imported pandas of another thread in a load test)."""

from __future__ import annotations

import subprocess
import sys

from reception import store


def test_importing_the_package_imports_pandas_and_plotly_whole():
    check = (
        "import sys\nimport reception\n"
        "assert hasattr(sys.modules['pandas'], 'Series'), 'pandas'\n"
        "assert hasattr(sys.modules['plotly.graph_objects'], 'Figure'), 'plotly'\n"
    )
    done = subprocess.run([sys.executable, "-c", check], cwd=store.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
