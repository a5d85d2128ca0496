"""The shipped server settings the roles and exports rely on (.streamlit/config.toml)."""

from __future__ import annotations

import tomllib

from reception import store

CONFIG = tomllib.loads((store.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_server_listens_on_this_machine_only_by_default():
    # with neither sign-in nor a password, the local user is the editor only because of this
    assert CONFIG["server"]["address"] == "127.0.0.1"


def test_no_traceback_reaches_the_browser():
    assert CONFIG["client"]["showErrorDetails"] == "none"


def test_tables_have_no_download_of_their_own():
    # Streamlit's table toolbar "Download as CSV" would export formula-like text as it is
    assert CONFIG["client"]["disableDataExport"] is True
