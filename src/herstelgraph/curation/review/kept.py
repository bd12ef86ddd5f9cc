"""The merged views kept beside persisted stores, not read yet: ``loading`` registers how to
read one when it opens such a store, ``merge.review_state`` reads it on first use. A module
of its own, so neither imports the other (and a question that does not filter never loads
``merge``)."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from ...store.store import Store

#: persisted store -> how to read the merged view kept beside it (``merge.dump_state``)
DEFERRED: weakref.WeakKeyDictionary[Store, Callable[[], bytes | None]] = weakref.WeakKeyDictionary()
