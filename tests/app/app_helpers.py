"""AppTest helpers: open a page on a store, and read back what a download button would send."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from reception.text import WORD_JOINER

ROOT = Path(__file__).resolve().parents[2]
CODES = {"kommun_kod": str, "lan_kod": str}
PAGES = ["app.py", *sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))]


class KeptStorage(MemoryMediaFileStorage):
    """The media storage AppTest makes, kept so a test can read a download's bytes."""

    last: KeptStorage | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        KeptStorage.last = self


class KeptManager(MediaFileManager):
    """The media file manager AppTest makes, kept so a test can make a file that a download button
    makes only when clicked (a deferred download)."""

    last: KeptManager | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        KeptManager.last = self


def keep_media(monkeypatch) -> None:
    """Let the AppTests of a test keep their media storage and manager (for :func:`download_bytes`)."""
    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", KeptStorage)
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", KeptManager)


def open_page(page: str = "app.py", **query) -> AppTest:
    """Run app.py (with the URL's query parameters), then switch to ``page`` if it is another."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """What a reader sees of an element's Markdown: escapes read, the invisible word joiners gone
    (``reception.text.md`` writes both into outside text)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def _sent(button):
    """The file a download button sends: made now, as a click would, if the button makes it on click."""
    deferred = button.proto.deferred_file_id
    url = KeptManager.last.execute_deferred(deferred) if deferred else button.proto.url
    return KeptStorage.last.get_file(url.rsplit("/", 1)[-1].split(".")[0])


def download_bytes(button) -> bytes:
    """The bytes a download button sends."""
    return _sent(button).content


def download_name(button) -> str:
    """The file name a download button offers."""
    return _sent(button).filename


def buttons(at: AppTest, label_part: str) -> list:
    return [b for b in at.get("download_button") if label_part in b.proto.label]


def read_csv(data: bytes, excel: bool = False) -> pd.DataFrame:
    if excel:
        assert data.startswith(b"\xef\xbb\xbf")
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype=CODES)
    return pd.read_csv(io.BytesIO(data), dtype=CODES)
