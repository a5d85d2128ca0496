"""Planning with scenarios: a total shared out between municipalities, and checked against capacity.

- ``allocate``: the arithmetic: a total in whole numbers by weights, floors and caps (exact fractions,
  largest remainders), and a county's share of a national total. Pure, no pandas.
- ``plan``: a plan from the planning questions' rows: the key's weights, the table, the capacity
  check month by month, comparing saved plans, and the decision's table.
- ``from_store``: a plan worked out from the store, for the Planering page and
  ``python -m reception scenario``: the questions asked, the planner's weight file read in a child
  process, the lines printed and the decision file written.
- ``weights``: a planner's own weight file read (in the child process, by the importer's readers).
- ``per_capita``: figures per 1 000 inhabitants, per municipality and for an area.

May import from reception: ``ingest``, ``queries``, ``export``, ``i18n``, ``refusal``, ``text``,
``store``; nothing from ``meeting``, ``charts`` or ``ui``.
"""
