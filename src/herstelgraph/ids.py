"""IDs as users type them: CURIEs (bk:kennis-12), notations (C2.A3) and full IRIs.

This is the CLI's hot path, so it expands CURIEs with the project's own prefix map rather
than importing ``curies`` (0.2 s of import for a dictionary lookup); SSSOM files, which bring
their own prefix maps, go through ``curies`` (``curation.sssom``).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import InputError
from .vocab import PREFIXES

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
_CURIE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.-]*):([^\s<>\"{}|^`\\]*)$")


def is_iri(text: str) -> bool:
    return bool(_IRI.match(text)) and text.split(":", 1)[0].lower() in ("http", "https", "urn")


def iri_node(text: str, what: str = "IRI") -> ox.NamedNode:
    """A validated IRI term; anything that could break out of <…> is refused."""
    if not is_iri(text):
        raise InputError(f"invalid {what} {text!r}: expected http(s)://… or a known CURIE")
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        raise InputError(f"invalid {what} {text!r}: {exc}") from None


def expand(curie: str) -> str | None:
    """The IRI of a CURIE with a known prefix, else None."""
    m = _CURIE.match(curie)
    if not m or m.group(1) not in PREFIXES:
        return None
    return PREFIXES[m.group(1)] + m.group(2)


#: namespace -> prefix; every namespace ends in "/" or "#" (tests/test_ids.py holds it)
_BY_NAMESPACE = {ns: prefix for prefix, ns in PREFIXES.items()}
_NAMESPACES = tuple(_BY_NAMESPACE)


def compact(iri: str) -> str:
    """The shortest CURIE for an IRI (the longest namespace that starts it), or the IRI.

    A namespace ends in "/" or "#", so only the IRI's own cut points are looked up, right
    to left: ~1 µs a call, where trying all 26 namespaces took 6 µs, a third of coverage's
    time at 50x (docs/performance.md).
    """
    if not iri.startswith(_NAMESPACES):  # one C-level test rejects unknown IRIs
        return iri
    end = len(iri)
    while True:
        cut = max(iri.rfind("/", 0, end), iri.rfind("#", 0, end))
        if cut < 0:
            return iri
        prefix = _BY_NAMESPACE.get(iri[: cut + 1])
        if prefix is not None:
            return f"{prefix}:{iri[cut + 1 :]}"
        end = cut
