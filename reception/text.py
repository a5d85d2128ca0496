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


def md(text: object) -> str:
    """``text`` escaped for Markdown, on one line (a line break from a file would start a new block)."""
    return _PUNCTUATION.sub(r"\\\1", _BREAKS.sub(" ", str(text)))
