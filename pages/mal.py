"""Mottagna mot mål: per municipality target against received, the year's pace, fulfilment over years."""

from dataclasses import replace

from reception.charts import findings, targets
from reception.i18n import t
from reception.ui import page, per_capita, sections
from reception.ui.cached import loaded, query

selection = page("mal")
lang, present, year = selection.lang, selection.present, selection.year_to
this_year = replace(selection, year_from=year)
by_municipality = query("fulfilment_by_municipality", this_year)
minors_note = t("mal.minors_note") if selection.program == "unaccompanied_minors" else None
TARGET_DATA = ("targets", "arrivals")

if not loaded(selection)["targets"]:
    sections.missing("targets", year=year)
elif by_municipality.empty:
    sections.empty("overview.no_target", year=year)
elif by_municipality["gap"].isna().all():  # targets, but nothing received is known: no chart of zeros
    sections.missing("arrivals", year=year)
else:
    note = " ".join(filter(None, [t("mal.gap_more", n=8 if present else 15), minors_note]))
    sections.first_chart("/mal", selection, "mal", key="gap", note=note)

if selection.per_capita:
    per_capita.targets(selection)

pace = query("pace_by_month", selection)
if pace["target"].notna().any():
    title, summary = findings.pace(pace, year, lang)
    figure = targets.pace_chart(pace, title, lang, present)
    sections.chart(
        figure, summary, pace, "mal_takt", this_year, TARGET_DATA, key="pace", note=t("mal.pace_note")
    )

over_years = query("fulfilment_by_municipality", selection)
if over_years["year"].nunique() > 1:
    title, summary = findings.heatmap(over_years, lang)
    figure = targets.fulfilment_heatmap(over_years, title, lang, present, limit=15 if present else 30)
    note = t("mal.heat_more", n=15 if present else 30, year=year)
    sections.chart(figure, summary, over_years, "mal_per_ar", selection, TARGET_DATA, key="heat", note=note)

county = query("county_targets_year", selection)
if selection.program == "settlement":
    if county.empty:
        sections.missing("county_targets", year=year)
    else:
        title, summary = findings.county(county, year, lang)
        figure = targets.county_bars(county, title, lang, present)
        sources = ("county_targets", "targets")  # a county without a decision: the sum of its kommuntal
        sections.chart(figure, summary, county, "lanstal", this_year, sources, key="county")

if not present and not by_municipality.empty:
    sections.table(by_municipality, t("page.mal"), "mal_tabell", this_year, TARGET_DATA, key="table")
