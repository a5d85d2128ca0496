"""A light browser session: Streamlit's own WebSocket protocol, without a browser.

What Streamlit's frontend does, as read from the installed package (``web/server/starlette``) and
seen on the wire: it loads the page (here: a GET of the page's URL, which also gives nginx's sticky
cookie), opens ``/_stcore/stream`` with the subprotocol header ``streamlit`` (its second and third
entries, an XSRF token and a session to resume, may stay empty), and sends a ``BackMsg`` whose
``rerun_script`` is a ``ClientState``: the URL's query string, the page's name and the widgets' values.
The server answers with ``ForwardMsg``\\ s (``new_session``, one ``delta`` per element, then
``script_finished``). A widget change is the same ``rerun_script`` with the widget's new value
(``WidgetState``: its id, a selectbox's shown option as ``string_value``, a button's
``trigger_value``); the server keeps the other widgets' values.

A session that loses its WebSocket (its process ended) does what the frontend does: asks for
``/_stcore/health`` again (nginx then sends it, and its cookie, to a live process), opens a new
WebSocket there and reruns its page from the URL, which holds the selection.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPLY_TIMEOUT_S = 120


@dataclass
class Run:
    """What one script run drew: tiles by label, widgets by key, alert texts, and its time."""

    metrics: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)  # key -> widget id
    values: dict[str, tuple[str, object]] = field(default_factory=dict)  # widget id -> (field, value)
    alerts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Disconnected(Exception):
    """The WebSocket closed (the process ended, or nginx lost it)."""


def _widget_key(widget_id: str) -> str:
    """A widget's own key from Streamlit's id (``$$ID-<hash>-<key>``)."""
    return widget_id.split("-", 2)[2] if widget_id.startswith("$$ID-") else widget_id


def _shown_value(what: str, proto, known: bool) -> tuple[str, object] | None:
    """The value a select box, radio or toggle shows, as the frontend sends it back: the one the server
    set (``set_value``), else its default for a widget not seen before; None: the frontend's own stands."""
    if what in ("selectbox", "radio"):
        if proto.set_value:
            return "string_value", proto.raw_value
        if not known and 0 <= proto.default < len(proto.options):
            return "string_value", proto.options[proto.default]
    elif what == "checkbox" and (proto.set_value or not known):
        return "bool_value", proto.value if proto.set_value else proto.default
    return None


class Session:
    """One browser tab on ``base`` (nginx or an app process) showing ``page`` with ``query``."""

    def __init__(self, base: str, page: str = "", query: str = "") -> None:
        self.base, self.page, self.query = base.rstrip("/"), page, query
        self.cookies: dict[str, str] = {}
        self.ws = None
        self.reconnects = 0
        self.last: Run | None = None

    @property
    def process(self) -> str | None:
        """The app process nginx pinned this session to (its cookie), if any."""
        return self.cookies.get("reception_server")

    def _get(self, path: str) -> bytes:
        request = urllib.request.Request(self.base + path)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        with urllib.request.urlopen(request, timeout=30) as answer:
            for header in answer.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                self.cookies.update({k: m.value for k, m in jar.items()})
            return answer.read()

    async def open(self) -> Run:
        """Load the page, open the WebSocket, and run the page as the frontend's first message does."""
        await asyncio.to_thread(self._get, f"/{self.page}" + (f"?{self.query}" if self.query else ""))
        await self._connect()
        return await self.rerun()

    async def _connect(self) -> None:
        url = self.base.replace("http://", "ws://", 1) + "/_stcore/stream"
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        self.ws = await websockets.connect(
            url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, open_timeout=30
        )

    async def reconnect(self) -> Run:
        """After a lost WebSocket: health check (which re-pins the cookie), a new socket, the page again."""
        self.reconnects += 1
        await self.close()
        await asyncio.to_thread(self._get, "/_stcore/health")
        await self._connect()
        return await self.rerun()

    async def rerun(self, widgets: dict[str, object] | None = None) -> Run:
        """A script run with ``widgets`` (key -> value) changed; returns what it drew.

        Raises:
            Disconnected: the WebSocket closed before the run finished.
        """
        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name = self.query, self.page
        # as the frontend does: every widget's value as shown, with the changed ones
        values = dict(self.last.values) if self.last else {}
        for key, value in (widgets or {}).items():
            widget_id = self.last.widgets[key] if self.last and key in self.last.widgets else key
            values[widget_id] = ("trigger_value", True) if value is True else ("string_value", str(value))
        for widget_id, (kind, value) in values.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            setattr(widget, kind, value)
        started = time.perf_counter()
        try:
            await self.ws.send(message.SerializeToString())
            run = await asyncio.wait_for(self._collect(), REPLY_TIMEOUT_S)
        except websockets.ConnectionClosed as closed:
            raise Disconnected(str(closed)) from None
        run.seconds = time.perf_counter() - started
        # keep the widget ids of every run seen: a run that stopped early draws only some of them
        if self.last is not None:
            run.widgets = {**self.last.widgets, **run.widgets}
            run.values = {**self.last.values, **run.values}
        self.last = run
        return run

    async def _collect(self) -> Run:
        run = Run()
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.ws.recv())
            kind = reply.WhichOneof("type")
            if kind == "page_info_changed":
                self.query = reply.page_info_changed.query_string  # the app keeps its URL current
            elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                what = element.WhichOneof("type")
                proto = getattr(element, what)
                if what == "metric":
                    run.metrics[proto.label] = proto.body
                elif what == "alert":
                    run.alerts.append(proto.body)
                elif what == "exception":
                    run.exceptions.append(proto.type)
                elif getattr(proto, "id", "").startswith("$$ID-"):
                    run.widgets[_widget_key(proto.id)] = proto.id
                    shown = _shown_value(what, proto, bool(self.last) and proto.id in self.last.values)
                    if shown is not None:
                        run.values[proto.id] = shown
            elif kind == "script_finished" and reply.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return run

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
