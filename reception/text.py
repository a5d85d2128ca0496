"""Text from files and users shown as text: never read as Markdown, links, images, HTML or escapes.

Streamlit draws headers, captions, alerts, toasts and most labels as Markdown. A deck title
``![x](http://elsewhere/t.png)`` or a file name would then make every viewer's browser fetch that
address, and ``www.elsewhere.se`` in a name became a link. :func:`md` is the one way outside text
reaches a page: it escapes every ASCII punctuation character (CommonMark lets any of them be
written with a backslash), so Markdown and HTML stay as written, and puts an invisible word joiner
(U+2060) inside what Streamlit's Markdown turns into links after escapes are read (``http:``,
``https:``, ``www.``, an ``@`` of an e-mail address; a bare ``elsewhere.se`` is not linked), so it
is shown, character for character, and links nowhere. Checked in chromium against Streamlit 1.67.

The command line prints outside text through :func:`plain` (no escape sequences, no control
characters: a file name with ``ESC[2J`` cleared the operator's terminal); a message quotes a value
from outside cut to a line by :func:`clip`.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_LINK_STARTS = re.compile(r"(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"  # invisible, no break: 'http\u2060://x' reads as the address, links nowhere
# a terminal's escape sequences (CSI ``ESC [ … final``, OSC ``ESC ] … BEL`` or ``ESC \``, two-byte
# ones), then every other control character: C0 but line feed and tab, DEL, C1, and the marks that
# turn text round (bidirectional overrides), which can make a file name read as another
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LINE = 120  # the most characters of a value from outside that a message quotes


def md(text: object) -> str:
    """``text`` for a Markdown element, shown as written: on one line (a line break from a file would
    start a new block), every Markdown and HTML character escaped, and no address made a link."""
    one_line = _BREAKS.sub(" ", str(text))
    return _PUNCTUATION.sub(r"\\\1", _LINK_STARTS.sub(WORD_JOINER, one_line))


def plain(text: object) -> str:
    """``text`` for a terminal: without escape sequences and control characters (line breaks and
    tabs are kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def clip(value: object, limit: int = LINE) -> str:
    """A value from outside cut to fit in a line of a message: on one line, at most ``limit``
    characters, with … where it was cut. Applied where the value is first quoted (in the reading
    process), so a 2 MB sheet name never crosses into the server or the terminal."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _BREAKS.sub(" ", text)
