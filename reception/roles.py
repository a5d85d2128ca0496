"""Who may change the data: the rules, without Streamlit (``reception.ui.roles`` applies them).

Viewing needs nothing. Changing anything (loading files or the demo, undo and redo, editing the
meeting deck, marking a meeting as seen) needs an editor, decided by what the operator set up:

- ``sso``: Streamlit's sign-in (an ``[auth]`` section in ``.streamlit/secrets.toml``); editors are
  the signed-in people whose e-mail is on the editor list (``RECEPTION_EDITORS`` or ``editors`` in
  the secrets file);
- ``password``: one editor password (``RECEPTION_EDITOR_PASSWORD`` or ``editor_password`` in the
  secrets file), asked for once per browser session;
- ``local``: neither, and the server listens on this machine only: whoever sits at it is the editor;
- ``read_only``: neither, and the server listens on other interfaces too, or the session came through a
  reverse proxy (deploy/: the app listens on 127.0.0.1, but the network reaches it through nginx):
  nobody may change anything.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Iterable

PASSWORD_ENV = "RECEPTION_EDITOR_PASSWORD"
EDITORS_ENV = "RECEPTION_EDITORS"
PASSWORD_NAME = "editor"  # what the load history records for whoever used the editor password


def editor_list(*sources: str | Iterable[str] | None) -> frozenset[str]:
    """E-mail addresses from each source (a comma, semicolon or space separated string, or a list),
    lower-cased; empty entries are dropped."""
    found: set[str] = set()
    for source in sources:
        if not source:
            continue
        items = re.split(r"[,;\s]+", source) if isinstance(source, str) else source
        found |= {str(item).strip().lower() for item in items if str(item).strip()}
    return frozenset(found)


def is_listed(email: str | None, editors: frozenset[str]) -> bool:
    return bool(email) and email.strip().lower() in editors


def password_matches(given: str, expected: str) -> bool:
    """``given`` is the editor password, compared in constant time (never with ``==``)."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def fingerprint(password: str) -> str:
    """What a session keeps to remember that it was unlocked (never the password itself).

    A changed password on the server then locks every session unlocked with the old one.
    """
    return hashlib.sha256(b"reception-editor\0" + password.encode("utf-8")).hexdigest()


def is_local_address(address: str | None) -> bool:
    """True when the server listens on this machine only (a loopback address or 'localhost').

    Unset or empty means every interface (Streamlit's default), so not local.
    """
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return False


# what a reverse proxy adds to a request it passes on (deploy/nginx/reception.conf sets the first two)
PROXY_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded")


def came_through_proxy(headers: Iterable[str]) -> bool:
    """True when a request's header names show a reverse proxy passed it on (whoever sent it may be
    anywhere on the network, even though the server listens on this machine only)."""
    return any(name.lower() in PROXY_HEADERS for name in headers)


def mode(*, sso: bool, password: bool, address: str | None, proxied: bool = False) -> str:
    """How editors are recognised: 'sso', 'password', 'sso+password', 'local' or 'read_only'.

    ``local`` needs a server that listens on this machine only and a session that did not come
    through a reverse proxy (``proxied``).
    """
    if sso and password:
        return "sso+password"
    if sso:
        return "sso"
    if password:
        return "password"
    return "local" if is_local_address(address) and not proxied else "read_only"
