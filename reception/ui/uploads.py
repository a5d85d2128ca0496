"""Files from outside, on any page: read in a child process, once per file, one at a time per tab.

Every ``st.file_uploader`` hands its file to a reader of :mod:`reception.ingest.isolate` (never to
a reader in the server's own process; ``tests/hostile/test_one_way_in.py`` walks the code for it).
A rerun draws the page again without reading the file again: the answer, or the refusal, is kept
in the session for that file. The session is the owner of the read, so one browser tab has one
file read at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from reception.refusal import Refusal

T = TypeVar("T")


def owner() -> str | None:
    """Who is reading: this browser session (None outside a script run)."""
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def read_once(key: str, upload, read: Callable[[str, bytes, str | None], T], *context: object) -> T:
    """``read(name, data, owner)`` of an uploaded file, once per file (and ``context``); a refusal
    is raised again on every rerun until another file is chosen.
    """
    ident = (upload.file_id, *context)
    kept = st.session_state.get(key)
    if kept is None or kept[0] != ident:
        try:
            answer: object = read(upload.name, upload.getvalue(), owner())
        except Refusal as refused:
            answer = refused
        kept = (ident, answer)
        st.session_state[key] = kept
    if isinstance(kept[1], Refusal):
        raise kept[1]
    return kept[1]
