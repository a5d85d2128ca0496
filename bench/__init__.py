"""The benchmark: scaled data, page, query, ingest and browser timings, and the two references.

``python -m bench.run`` runs everything (about eight minutes on two cores); ``--scale demo --quick`` is
the smoke run CI ends with. Results go to ``bench/out/`` (JSON and a markdown table); see ``bench.run``.
"""
