"""A refusal: a file or request the user can correct, worded where the user is.

Every refusal the engine raises (the importer's, a scenario's, a deck's) is a :class:`Refusal`, so a
file read in a child process (``reception.ingest.isolate``) comes back to the server as the very
refusal the child raised, with its code and fields, however its class builds its message.
"""

from __future__ import annotations


def _rebuild(cls: type, args: tuple, state: dict) -> Refusal:
    refusal = cls.__new__(cls)
    refusal.args = args
    refusal.__dict__.update(state)
    return refusal


class Refusal(Exception):
    """Something the user asked for that is not done; subclasses carry a code and its fields."""

    def bounded(self) -> Refusal:
        """This refusal as it may cross out of a reading process: no longer than a screen (a
        refusal listing many problems keeps the first and counts the rest)."""
        return self

    def __reduce__(self):
        return _rebuild, (type(self), self.args, dict(self.__dict__))
