"""The engine of the reception dashboard: store, importers, queries, charts and labels."""

# Imported whole before anything else of the package: a fresh server's first sessions run their pages
# in parallel threads, and plotly looks pandas up in sys.modules without waiting for its import, so one
# page's chart could meet the half-imported pandas of another page's thread ("partially initialized
# module 'pandas' has no attribute 'Series'"; seen with several processes started at once). Every page
# imports this package first, and Python's import lock holds the other threads until it is done.
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
