"""Text from files shown as text: the Markdown escaper, checked with a CommonMark renderer and with
the rules by which Streamlit's Markdown (GitHub's) turns addresses in text into links."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reception.text import WORD_JOINER, md, plain

RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TRICKS = "![x](http://elsewhere/t.png) <img src=x> [a]: http://b *_`~#>|-+=$:\\\n\t&amp; 1. "


def rendered(text: str) -> str:
    return RENDER.render(text)


def shown(out: str) -> str:
    """What a reader sees of rendered HTML: its text, without the invisible word joiners."""
    return html.unescape(re.sub(r"<[^>]+>", "", out)).replace(WORD_JOINER, "")


# GitHub's autolink literals, as remark-gfm finds them in text (after escapes are read): an address
# starting with http://, https:// or www. after a space or punctuation, and an e-mail address
AUTOLINK = re.compile(r"(?:^|[\s\W])(?:https?://|www\.)[-.\w]", re.IGNORECASE)
EMAIL = re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+")


def test_an_image_title_makes_no_image_and_no_link():
    title = "![x](http://elsewhere/pixel.png)"
    out = rendered(md(title))
    assert "<img" not in out and "<a " not in out and "href" not in out
    assert shown(out).strip() == title


def test_html_and_autolinks_stay_text():
    for text in ("<img src=http://elsewhere/x.png>", "<http://elsewhere/>", "<script>alert(1)</script>"):
        out = rendered(md(text))
        assert "<img" not in out and "<a " not in out and "<script" not in out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKS + "aÖ0 ", max_size=40))
def test_any_text_renders_as_exactly_itself_in_one_paragraph(text):
    out = rendered(md(text))
    assert "<img" not in out and "<a " not in out and "<code" not in out and "<em" not in out
    one_line = re.sub(r"[\r\n\t]+", " ", text)
    # CommonMark trims a paragraph's leading and trailing spaces; everything else shows as written
    assert re.sub(r" +", " ", shown(out).strip()) == re.sub(r" +", " ", one_line).strip()


@pytest.mark.parametrize(
    "text",
    ["http://elsewhere.example/p", "HTTPS://elsewhere.example", "www.elsewhere.example", "WWW.X.SE",
     "mail me: anna@kommun.example", "![x](https://elsewhere.example/t.png)", "<www.elsewhere.example>",
     "xmpp:anna@kommun.example", "a http://b.example c www.d.example e@f.example"],
)  # fmt: skip
def test_addresses_are_shown_but_never_made_links(text):
    """What Streamlit links after escapes are read (checked in chromium): the word joiner breaks each
    address where GitHub's rules would start a link, invisibly."""
    text_nodes = shown(rendered(md(text)))
    assert text_nodes.strip() == text  # as written
    seen = html.unescape(re.sub(r"<[^>]+>", "", rendered(md(text))))
    assert not AUTOLINK.search(seen) and not EMAIL.search(seen), seen


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="htpsw.:/@aZ ", max_size=30))
def test_no_text_makes_an_address_a_link(text):
    seen = html.unescape(re.sub(r"<[^>]+>", "", rendered(md(text))))
    assert not AUTOLINK.search(seen) and not EMAIL.search(seen), seen


def test_the_terminal_gets_no_escape_sequence_and_no_control_character():
    name = "kommuntal\x1b[2J\x1b]0;pwned\x07\x1b[31mröd\x1b[0m\x07\x00\x9b\u202efdp.xlsx"
    assert plain(name) == "kommuntalrödfdp.xlsx"
    assert plain("rad 1\nrad 2\tflik") == "rad 1\nrad 2\tflik"
