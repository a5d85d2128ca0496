"""Text from files and users shown as text: never read as Markdown, links, images or HTML.

Streamlit draws headers, captions, alerts and most labels as Markdown. A deck title
``![x](http://elsewhere/t.png)`` or a file name would then make every viewer's browser fetch
that address. :func:`md` escapes every ASCII punctuation character (CommonMark lets any of them
be written with a backslash), so what was written is what is shown, character for character.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
LINE = 120  # the most characters of a value from outside that a message quotes


def clip(value: object, limit: int = LINE) -> str:
    """A value from outside cut to fit in a line of a message: on one line, at most ``limit``
    characters, with … where it was cut. Applied where the value is first quoted (in the reading
    process), so a 2 MB sheet name never crosses into the server or the terminal."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _BREAKS.sub(" ", text)


def md(text: object) -> str:
    """``text`` escaped for Markdown, on one line (a line break from a file would start a new block)."""
    return _PUNCTUATION.sub(r"\\\1", _BREAKS.sub(" ", str(text)))
