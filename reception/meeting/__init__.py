"""The network meeting: the deck of saved views, what changed since the last meeting, the handout.

- ``deck``: the deck (slides that are views of this app), checked, kept as a document beside the
  store, exported to and read from a JSON file.
- ``sample``: the sample deck a new store comes with (without the PDF makers).
- ``since_last``: where a slide is shown, and what changed between the load the last meeting saw and
  the newest, in a few short lines.
- ``handout``: the deck (or one page) as a PDF, each slide's first chart drawn by kaleido and laid
  out by fpdf2.

May import from reception: ``store``, ``queries``, ``ingest``, ``charts``, ``geo``, ``selection``,
``site``, ``i18n``, ``refusal``, ``text``; nothing from ``planning`` or ``ui``.
"""
