"""A zip member's XML read as a stream by expat, under the guard's rules: no DTD, nothing but XML.

Every part of an xlsx or ods the guard looks at is parsed, not searched for text: expat reads the
member in chunks of :data:`CHUNK` (so a part of any size costs one pass and a bounded buffer) and
hands each element over with its attributes already unquoted and decoded, however the file quotes
or spaces them (``r='XFD1'``, ``r = "XFD1"``, ``r="&#88;FD1"``), in whatever encoding it declares
(UTF-8, UTF-16, ...). Element names come as the file writes them (``c``, ``x:c``); :func:`local`
gives the name without its prefix.

A DTD is where entities are declared (the billion laughs, an external file): its first token ends
the reading, before any entity is read, and the file is refused (``format.dtd``); without a DTD an
entity reference is not well-formed. XML that is not well-formed is refused too
(``format.broken_xml``), naming the member: the reader after the guard would only fail on it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from xml.parsers import expat

from reception.ingest.limits import refused

CHUNK = 1 << 20


class _Dtd(Exception):
    pass


class _Enough(Exception):
    pass


def _dtd(*args: object) -> None:
    raise _Dtd


def _enough(*args: object) -> None:
    raise _Enough


def local(name: str) -> str:
    """An element's or attribute's name without its prefix: 'x:c' -> 'c'."""
    return name.rpartition(":")[2]


def read(
    name: str,
    book: zipfile.ZipFile,
    member: str,
    start: Callable[[str, dict], None] | None = None,
    end: Callable[[str], None] | None = None,
    *,
    after_chunk: Callable[[], None] | None = None,
    byte_index: list | None = None,
) -> None:
    """Parse ``member`` of file ``name``, calling ``start(name, attributes)`` for every element that
    opens and ``end(name)`` for every one that closes; ``after_chunk()`` after each chunk.

    Without ``start`` only the prolog is read, up to the first element: all a DTD check needs.
    ``byte_index``, if given, is filled with the parser (its ``CurrentByteIndex`` says where an
    event is, for handlers that measure how long an element is).

    Raises:
        IngestRefused: ``format.dtd`` (a DTD or an entity declaration) or ``format.broken_xml``.
    """
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _dtd
    parser.EntityDeclHandler = _dtd
    parser.StartElementHandler = start or _enough
    if end is not None:
        parser.EndElementHandler = end
    if byte_index is not None:
        byte_index.append(parser)
    try:
        with book.open(member) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
                if after_chunk is not None:
                    after_chunk()
            parser.Parse(b"", True)
    except _Enough:
        return
    except _Dtd:
        raise refused(name, "format.dtd", member=member) from None
    except expat.ExpatError:
        raise refused(name, "format.broken_xml", member=member) from None
