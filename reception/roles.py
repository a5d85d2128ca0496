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

Guessing the password is slowed down (:class:`Guesses`): after five wrong passwords from one
browser session or one client address, each next try waits twice as long as the one before.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

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


FREE_GUESSES = 5  # wrong passwords before any wait: a typo or two costs nothing
FIRST_WAIT_S = 1.0
LONGEST_WAIT_S = 3600.0
KEPT = 10_000  # who guessed wrong, the most remembered (the oldest are forgotten first)


class Guesses:
    """Wrong editor passwords per guesser (``"session …"``, ``"address …"``), and how long the next
    guess from them must wait.

    After :data:`FREE_GUESSES` wrong ones, a guesser waits :data:`FIRST_WAIT_S` from the last wrong
    guess, and each further wrong one doubles it (1, 2, 4, 8 … s, at most an hour). A guess made
    while waiting is not heard at all, right or wrong, so waiting cannot be skipped by guessing fast.
    One server keeps one :class:`Guesses` for every session, so a new session does not start afresh
    from the same address. A right password forgets the guesser's wrong ones.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._wrong: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def delay(wrong: int) -> float:
        """The wait after ``wrong`` wrong guesses in a row."""
        if wrong < FREE_GUESSES:
            return 0.0
        return min(FIRST_WAIT_S * 2 ** min(wrong - FREE_GUESSES, 20), LONGEST_WAIT_S)

    def wait(self, *guessers: str) -> float:
        """Seconds until a guess from any of ``guessers`` is heard (0: now)."""
        now = self._clock()
        with self._lock:
            kept = [self._wrong[g] for g in guessers if g in self._wrong]
        return max((last + self.delay(n) - now for n, last in kept), default=0.0) if kept else 0.0

    def wrong(self, *guessers: str) -> int:
        """Count a wrong guess for each guesser; the most wrong guesses in a row among them."""
        now, most = self._clock(), 0
        with self._lock:
            for guesser in guessers:
                n = self._wrong.pop(guesser, (0, now))[0] + 1
                self._wrong[guesser] = (n, now)
                most = max(most, n)
            while len(self._wrong) > KEPT:
                self._wrong.popitem(last=False)
        return most

    def right(self, *guessers: str) -> None:
        with self._lock:
            for guesser in guessers:
                self._wrong.pop(guesser, None)
