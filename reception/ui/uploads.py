"""Files from outside, on any page: read in a child process, once per file, one at a time per tab.

Every ``st.file_uploader`` hands its file to a reader of :mod:`reception.ingest.isolate` (never to
a reader in the server's own process; ``tests/hostile/test_one_way_in.py`` walks the code for it).
A rerun draws the page again without reading the file again: the answer, or the refusal, is kept
in the session for that file. The session is the owner of the read, so one browser tab has one
file read at a time.

A file's name reaches the page however long it is (:func:`accept_long_names`), so that a name too
long to keep is refused in words (``limit.name``), not by the browser's "AxiosError … 400".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from python_multipart.multipart import MultipartParser
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from reception.refusal import Refusal

T = TypeVar("T")
# the longest line of a part's headers an upload request may carry: its file name is in one
NAME_HEADER_BYTES = 64 * 1024


def accept_long_names() -> None:
    """Let an upload whose file name is long reach the page, where the reading refuses it in words.

    Streamlit's upload request carries the file's name in a multipart part header, and the parser
    under Starlette (python-multipart) refuses a header line over 4 224 bytes with a bare HTTP 400:
    a name of about 2 500 characters made the browser show "AxiosError: Request failed with status
    code 400" and no code of ours ever ran (checked in chromium, Streamlit 1.67). Names that long are
    made by scripts (a file system keeps 255), so the parser is given room for 64 KB, in this server
    process, once (the page set-up calls this); the name then reaches :func:`read_once`, and
    ``isolate.run`` refuses any name over 255 characters (``limit.name``) in the user's language.
    A body is still bounded by ``server.maxUploadSize``.
    """
    defaults = MultipartParser.__init__.__kwdefaults__
    if defaults.get("max_header_size", 0) < NAME_HEADER_BYTES:
        defaults["max_header_size"] = NAME_HEADER_BYTES


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
