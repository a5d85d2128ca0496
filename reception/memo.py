"""What a rerun would otherwise build again from the same data: the figures.

Every click reruns the page's script. When what a chart shows did not change, its query answer
comes from the result cache, and the figure made from it would come out the same again; building
it is most of a rerun's time (the download files are made only when asked for, see
``ui.sections.downloads``). ``kept(make, data, *args)`` makes them once
per data content and arguments and hands the same object back after that, so a rerun only draws;
the figure builders are declared ``@remembered``, so pages call them as usual.
What it returns is shared between sessions: draw it or send it, never change it.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

MAX_ENTRIES = 256  # figures of a few KB to a few hundred KB
T = TypeVar("T")

_kept: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()


def fingerprint(data: pd.DataFrame) -> str:
    """A digest of a frame's columns, types, index and values."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((list(data.columns), [str(d) for d in data.dtypes])).encode("utf-8"))
    digest.update(pd.util.hash_pandas_object(data, index=True).to_numpy().tobytes())
    return digest.hexdigest()


def kept(make: Callable[..., T], data: pd.DataFrame, *args: Hashable, **kwargs: Hashable) -> T:
    """``make(data, *args, **kwargs)``, made once per data content and arguments, then shared.

    Arguments that can't be hashed (or data pandas can't hash) make it every time instead.
    """
    try:
        key = (make.__module__, make.__qualname__, fingerprint(data), args, tuple(sorted(kwargs.items())))
        hash(key)
    except TypeError:
        return make(data, *args, **kwargs)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]  # type: ignore[return-value]
    made = make(data, *args, **kwargs)
    with _lock:
        _kept[key] = made
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return made


def remembered(make: Callable[..., T]) -> Callable[..., T]:
    """A figure builder ``make(data, *args)`` whose figures are :func:`kept`: pages call it as usual."""

    @functools.wraps(make)
    def builder(data: pd.DataFrame, *args: Hashable, **kwargs: Hashable) -> T:
        return kept(make, data, *args, **kwargs)

    return builder


def clear() -> None:
    """Forget everything kept (tests and the benchmark start from nothing)."""
    with _lock:
        _kept.clear()
