"""The benchmark's reference: a bare Streamlit page with a title, a metric and one Plotly bar chart.

``bench.first_view`` serves it beside the app, on the same machine in the same run, and reports
every browser figure of the app as a ratio to this page's. The sidebar's one select box (21
counties, as the app's county picker) lets it time a selection change the same way as the app's.
Run on its own: ``streamlit run bench/bare_page.py``.
"""

import plotly.graph_objects as go
import streamlit as st

COUNTIES = [f"Län {n:02d}" for n in range(1, 22)]

with st.sidebar:
    county = st.selectbox("Välj län", COUNTIES, key="county")
seed = COUNTIES.index(county) + 1
values = [(seed * 37 + i * 11) % 90 + 10 for i in range(12)]
st.title("Referens")
st.metric("Mottagna", f"{sum(values) * 10:,}".replace(",", " "))
figure = go.Figure(go.Bar(x=[f"M{i:02d}" for i in range(1, 13)], y=values))
figure.update_layout(title=f"Mottagna per månad, {county}", height=420)
st.plotly_chart(figure, theme=None)
