"""The registry of first charts draws what each page draws as its headline chart: same title, same
bars or areas, for a county and presenting too; so the handout never drifts from the page it stands
for. The headline chart is the page's first, but on Översikt, which draws its ranking (bars, drawn at
once) before its map."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from reception import queries, store
from reception.charts import headline
from reception.selection import Selection

FILES = {
    "/": "app.py",
    "/mal": "pages/mal.py",
    "/kapacitet": "pages/kapacitet.py",
    "/variation": "pages/variation.py",
}
HEADLINE_KEY = {"/": "chart_map"}  # the element key of a headline chart that is not the page's first


def first_chart_on_page(path: str, query: dict) -> dict:
    at = AppTest.from_file(str(store.ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if FILES[path] != "app.py":
        at.switch_page(FILES[path]).run()
    assert not at.exception
    charts = at.get("plotly_chart")
    key = HEADLINE_KEY.get(path)
    chart = next(c for c in charts if c.proto.id.endswith("-" + key)) if key else charts[0]
    return json.loads(chart.proto.spec)


def shown(figure: dict) -> list:
    """Each trace's categories or places (what the chart names), and the title."""
    traces = [[str(v) for v in (t.get("y") if t.get("orientation") == "h" else t.get("locations") or [])]
              for t in figure["data"]]  # fmt: skip
    return [figure["layout"]["title"]["text"], traces]


@pytest.mark.parametrize("path", sorted(FILES))
@pytest.mark.parametrize("query", [{}, {"lan": "20", "present": "1"}])
def test_the_registry_draws_the_page_s_first_chart(demo_store, path, query):
    on_page = first_chart_on_page(path, query)
    selection = Selection.from_query_params(query)
    built = headline.build(path, selection, lambda n, s: queries.run(n, s.as_params(), demo_store), "x")
    assert shown(json.loads(built.figure.to_json())) == shown(on_page)
