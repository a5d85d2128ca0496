"""The engine of the reception dashboard: store, importers, queries, charts and labels."""
