"""What Markdown a page element holds would become live: an image, a link, raw HTML, an address
GitHub's Markdown (Streamlit's) makes a link of after escapes are read. Empty when it stays text."""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
AUTOLINK = re.compile(r"(?:^|[\s\W])(?:https?://|www\.)[-.\w]", re.IGNORECASE)
EMAIL = re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+")


def live(markdown: str) -> list[str]:
    out = RENDER.render(markdown)
    text = html.unescape(re.sub(r"<[^>]+>", " ", out))
    found = [tag for tag in ("<img", "<a ", "<script", "<iframe") if tag in out]
    found += [f"autolink {m.group(0)!r}" for m in AUTOLINK.finditer(text)]
    found += [f"address {m.group(0)!r}" for m in EMAIL.finditer(text)]
    return found
