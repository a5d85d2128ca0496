"""Every setting the app reads, in one list: environment variables, ``.streamlit/secrets.toml`` keys
and the ``.streamlit/config.toml`` options the project relies on, each with where it is set, its
default and what it means. The README's "Settings" table shows the same list (a test compares them).

Code reads an environment variable through :func:`env`, which refuses a name not listed here; a test
walks the code for every ``os.environ``, ``os.getenv`` and ``st.secrets`` use and fails on a name
not listed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

ENV = "environment"
SECRETS = ".streamlit/secrets.toml"
CONFIG = ".streamlit/config.toml"


@dataclass(frozen=True)
class Setting:
    """One setting: ``name`` as it is written where it is set (``where``: ENV, SECRETS or CONFIG)."""

    name: str
    where: str
    default: str
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    # environment (deploy/reception.env.example for the processes behind nginx)
    Setting(
        "RECEPTION_DB",
        ENV,
        "data/reception.duckdb",
        "the store's file; the load log and documents lie beside it",
    ),
    Setting(
        "RECEPTION_EDITOR_PASSWORD", ENV, "none", "the editor password (or editor_password in the secrets)"
    ),
    Setting("RECEPTION_EDITORS", ENV, "none", "the editors' e-mail addresses, comma separated, for sign-in"),
    Setting("STREAMLIT_SERVER_COOKIE_SECRET", ENV, "random per process", "signs sign-in cookies (Streamlit)"),
    Setting(
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS", ENV, "true", "Streamlit's usage statistics; deploy sets false"
    ),
    Setting(
        "BROWSER_PATH", ENV, "chromium on the PATH", "the chromium kaleido draws the handout's charts in"
    ),
    # .streamlit/secrets.toml
    Setting(
        "auth",
        SECRETS,
        "none",
        "Streamlit's OIDC sign-in section (redirect_uri, cookie_secret, client_id ...)",
    ),
    Setting("editors", SECRETS, "none", "the editors' e-mail addresses, a list (beside RECEPTION_EDITORS)"),
    Setting(
        "editor_password", SECRETS, "none", "the editor password, when RECEPTION_EDITOR_PASSWORD is not set"
    ),
    # .streamlit/config.toml
    Setting("client.showErrorDetails", CONFIG, '"none"', "no traceback or server path reaches the browser"),
    Setting("client.showSidebarNavigation", CONFIG, "false", "the pages' own navigation (reception/site.py)"),
    Setting("client.toolbarMode", CONFIG, '"minimal"', "no developer menu"),
    Setting(
        "client.disableDataExport", CONFIG, "true", "no table download: every download goes through export.py"
    ),
    Setting(
        "server.address", CONFIG, '"127.0.0.1"', "this machine only; bound wider without editors: read-only"
    ),
    Setting("server.enableStaticServing", CONFIG, "true", "static/ served: the maps' boundaries by URL"),
    Setting("server.headless", CONFIG, "true", "no browser opened at start"),
    Setting("server.maxUploadSize", CONFIG, "50", "MB an upload may have (the importer's upload limit)"),
    Setting("browser.gatherUsageStats", CONFIG, "false", "no usage statistics sent"),
    Setting("theme.base", CONFIG, '"light"', "the light theme the charts' colours are chosen for"),
    Setting("theme.baseFontSize", CONFIG, "17", "px, the text size the tables' row height is measured at"),
    Setting("theme.primaryColor", CONFIG, '"#0072B2"', "the accent colour (the charts' blue)"),
)
BY_NAME = {s.name: s for s in SETTINGS}


def env(name: str) -> str | None:
    """The environment variable ``name``, one listed in :data:`SETTINGS`; None when unset or empty.

    Raises:
        KeyError: for a name not listed (add it to SETTINGS and the README's table).
    """
    if BY_NAME[name].where != ENV:
        raise KeyError(name)
    return os.environ.get(name) or None
