"""deploy/ on this machine: nginx from Debian and real app processes (deploy.cluster), on 127.0.0.1.

Locally the tests skip with a message when nginx or chromium is missing; with CI set they fail
instead (.ci/run installs both).
"""

from __future__ import annotations

import os
import shutil

import pytest

from deploy import cluster


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/deploy" in str(item.fspath):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def deploy_ready():
    missing = []
    if cluster.nginx_binary() is None:
        missing.append("nginx (apt-get install -y nginx)")
    if not shutil.which("chromium") and not os.path.exists("/usr/bin/chromium"):
        missing.append("chromium (apt-get install -y chromium)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the deployment tests must run in CI, but {', '.join(missing)} is missing")
        pytest.skip(f"deployment tests skipped: {', '.join(missing)} missing")
