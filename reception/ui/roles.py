"""Who may change things, in the app: ``is_editor()``, ``editor_name()`` and the sign-in.

The rules are in :mod:`reception.roles`; this module reads what the operator configured (the
environment, ``.streamlit/secrets.toml``, the server's address) and the browser session's state.
Pages gate every change on :func:`require_editor` (which shows the sign-in when needed), or on
:func:`is_editor` alone where a sign-in form would be out of place. A presentation link
(``?present=1``) never shows a change control, whoever is signed in.
"""

from __future__ import annotations

import logging
import math

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from reception import roles, settings
from reception.i18n import fmt_int, t
from reception.selection import Selection
from reception.store import loadlog
from reception.text import md
from reception.ui import sidebar

UNLOCKED = "editor_unlocked"  # session key: the fingerprint of the password this session entered
WRONG = "editor_wrong"  # session key: (whether the last password was tried, the seconds to wait now)
LOG = logging.getLogger("reception.roles")


def _secret(name: str) -> object:
    """A value from ``.streamlit/secrets.toml``; None when there is no file or no such key."""
    try:
        return st.secrets.get(name)
    except FileNotFoundError:  # no secrets file at all (Streamlit's error is a FileNotFoundError)
        return None


def _password() -> str:
    return settings.env(roles.PASSWORD_ENV) or str(_secret("editor_password") or "")


def _sso() -> bool:
    return bool(_secret("auth"))


def _editors() -> frozenset[str]:
    return roles.editor_list(settings.env(roles.EDITORS_ENV), _secret("editors"))


def _proxied() -> bool:
    """True when this session's WebSocket came through a reverse proxy (deploy/'s nginx)."""
    try:
        return roles.came_through_proxy(st.context.headers.keys())
    except (AttributeError, RuntimeError):  # no browser session (a bare script run)
        return False


def mode() -> str:
    """'sso', 'password', 'sso+password', 'local' or 'read_only' (see :func:`reception.roles.mode`)."""
    return roles.mode(
        sso=_sso(), password=bool(_password()), address=st.get_option("server.address"), proxied=_proxied()
    )


def presenting() -> bool:
    """True on a presentation link: nothing may be changed from the shared screen."""
    selection = st.session_state.get(sidebar.KEY)
    if isinstance(selection, Selection):
        return selection.present
    return Selection.from_query_params(st.query_params.to_dict()).present


def _email() -> str | None:
    if not st.user.get("is_logged_in", False):
        return None
    email = st.user.get("email")
    return str(email) if email else None


def _unlocked(password: str) -> bool:
    held = st.session_state.get(UNLOCKED)
    return (
        bool(password) and isinstance(held, str) and roles.password_matches(held, roles.fingerprint(password))
    )


def is_editor() -> bool:
    """May this browser session change the data, the deck or the meeting marker now?"""
    if presenting():
        return False
    how = mode()
    if how == "local":
        return True
    if "sso" in how and roles.is_listed(_email(), _editors()):
        return True
    return "password" in how and _unlocked(_password())


def editor_name() -> str:
    """Who the load history records: the signed-in e-mail, "editor" for the shared password, or
    (on this machine only, without either) the operating system's user."""
    how = mode()
    email = _email() if "sso" in how else None
    if email and roles.is_listed(email, _editors()):
        return email
    if "password" in how and _unlocked(_password()):
        return roles.PASSWORD_NAME
    return loadlog.actor()


def acting() -> object:
    """A context in which loads, undos and redos are recorded as done by :func:`editor_name`."""
    return loadlog.acting_as(editor_name())


@st.cache_resource(show_spinner=False)
def _guesses() -> roles.Guesses:
    """The server's one record of wrong passwords, shared by every session."""
    return roles.Guesses()


def _guessers() -> tuple[str, ...]:
    """Who is guessing: this browser session and, when Streamlit knows it, the client's address (a
    new session from the same address waits as long)."""
    ctx = get_script_run_ctx()
    found = [f"session {ctx.session_id}"] if ctx is not None else []
    address = _address()
    return (*found, f"address {address}") if address else tuple(found)


def _address() -> str | None:
    return st.context.ip_address  # None on this machine (localhost)


def _unlock(password: str) -> None:
    given = st.session_state.get("editor_password_input", "")  # the form clears it after this
    guesses, guessers = _guesses(), _guessers()
    waiting = guesses.wait(*guessers)
    if waiting > 0:  # not heard at all: right or wrong, a guess must wait its turn
        LOG.warning("editor password not tried: %s must wait %.0f s more", ", ".join(guessers), waiting)
        st.session_state[WRONG] = (False, math.ceil(waiting))
    elif roles.password_matches(given, password):
        guesses.right(*guessers)
        st.session_state[UNLOCKED] = roles.fingerprint(password)
        st.session_state.pop(WRONG, None)
    else:
        wrong = guesses.wrong(*guessers)
        LOG.warning("wrong editor password from %s (%d in a row)", ", ".join(guessers), wrong)
        st.session_state[WRONG] = (True, math.ceil(guesses.wait(*guessers)))


def _lock() -> None:
    st.session_state.pop(UNLOCKED, None)


def sign_in_form(key: str = "editor") -> None:
    """What a viewer who may not change things sees where the change controls would be."""
    if presenting():
        return
    how = mode()
    if how == "read_only":
        st.info(t("roles.read_only"), icon=":material/lock:")
        return
    if "sso" in how:
        email = _email()
        if email is None:
            if st.button(t("roles.sso"), key=f"{key}_login", icon=":material/login:"):
                st.login()
        elif not roles.is_listed(email, _editors()):
            st.warning(t("roles.not_editor", email=md(email)))
            st.button(t("roles.sign_out"), key=f"{key}_logout", on_click=st.logout)
    if "password" in how:
        with st.form(f"{key}_sign_in", clear_on_submit=True, border=False):
            st.text_input(t("roles.password"), type="password", key="editor_password_input")
            st.form_submit_button(t("roles.unlock"), on_click=_unlock, args=(_password(),))
        if WRONG in st.session_state:
            tried, seconds = st.session_state[WRONG]
            wait = t("roles.wait", seconds=fmt_int(seconds)) if seconds else ""
            st.error(f"{t('roles.wrong')} {wait}" if tried else wait)


def signed_in_note(key: str = "editor") -> None:
    """Who is changing things, and a way to stop (only where a sign-in was needed)."""
    how = mode()
    if how == "local" or presenting():
        return
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.caption(t("roles.signed_in", name=md(editor_name())))
    if "password" in how and _unlocked(_password()):
        right.button(t("roles.sign_out"), key=f"{key}_lock", on_click=_lock, type="tertiary")
    elif _email():
        right.button(t("roles.sign_out"), key=f"{key}_logout", on_click=st.logout, type="tertiary")


def require_editor(key: str = "editor") -> bool:
    """True if this session may change things; else shows the sign-in (or why not) and says False."""
    if is_editor():
        return True
    sign_in_form(key)
    return False
