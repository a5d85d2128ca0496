"""Text from files shown as text: the Markdown escaper, checked with a CommonMark renderer."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reception.text import md

RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TRICKS = "![x](http://elsewhere/t.png) <img src=x> [a]: http://b *_`~#>|-+=$:\\\n\t&amp; 1. "


def rendered(text: str) -> str:
    return RENDER.render(text)


def test_an_image_title_makes_no_image_and_no_link():
    title = "![x](http://elsewhere/pixel.png)"
    out = rendered(md(title))
    assert "<img" not in out and "<a " not in out and "href" not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).strip() == title


def test_html_and_autolinks_stay_text():
    for text in ("<img src=http://elsewhere/x.png>", "<http://elsewhere/>", "<script>alert(1)</script>"):
        out = rendered(md(text))
        assert "<img" not in out and "<a " not in out and "<script" not in out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKS + "aÖ0 ", max_size=40))
def test_any_text_renders_as_exactly_itself_in_one_paragraph(text):
    out = rendered(md(text))
    assert "<img" not in out and "<a " not in out and "<code" not in out and "<em" not in out
    shown = html.unescape(re.sub(r"<[^>]+>", "", out)).strip()
    one_line = re.sub(r"[\r\n\t]+", " ", text)
    # CommonMark trims a paragraph's leading and trailing spaces; everything else shows as written
    assert re.sub(r" +", " ", shown) == re.sub(r" +", " ", one_line).strip()
