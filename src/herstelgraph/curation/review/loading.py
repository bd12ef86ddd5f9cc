"""``herstelgraph.load``: the shipped graph with the expert reviews applied.

The store layer knows nothing of reviews; it takes an :class:`~herstelgraph.store.build.Overlay`.
This module is that overlay (the merged view of curated records and review files,
``merge.apply_reviews``) and the loader that passes it, so the layers stay in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from ...store.store import Queryable, Store


class ReviewOverlay(NamedTuple):
    """The review files to apply, with their bytes (read once: cache key and parsing):
    ``files`` the mapping reviews, ``translations`` the translation reviews. A named tuple:
    every question loads through here, and a frozen dataclass costs ~1 ms to define
    (decision 44)."""

    files: tuple[tuple[Path, bytes], ...]
    translations: tuple[tuple[Path, bytes], ...] = ()

    def sources(self) -> list[tuple[str, bytes]]:
        from .version import MERGE_VERSION

        out = []
        if self.files:
            out = [("review-rules", str(MERGE_VERSION).encode())]
            out += [("review", data) for _, data in self.files]
        return out + [("translation-review", data) for _, data in self.translations]

    def apply(self, store: Store) -> None:
        from .merge import apply_reviews

        if self.files:
            apply_reviews(store, list(self.files))
        if self.translations:
            from .translations import apply_translation_reviews

            apply_translation_reviews(store, list(self.translations))

    def state(self, store: Store) -> bytes | None:
        """The merged view ``apply`` computed (``merge.dump_state``): a persisted store's
        graphs hold the records in force, not the reviews' statuses and supporters."""
        if not self.files:
            return None
        from .merge import dump_state

        return dump_state(store)

    def restore(self, store: Store, read: Callable[[], bytes | None]) -> None:
        """The merged view of a persisted store, read from beside it when a question needs
        it (``merge.review_state``)."""
        if self.files:  # not through merge: a question that does not filter never loads it
            from .kept import DEFERRED

            DEFERRED[store] = read


def review_overlay(
    files: Iterable[Path] | None = None, reviews: Iterable[Path] | None = None
) -> ReviewOverlay:
    """The review files to apply: ``reviews`` (folders or files) when given; else the
    shipped ``mappings/reviews/`` and $HERSTELGRAPH_REVIEWS for the shipped graph, and none
    for ``files`` of one's own."""
    from .folders import SUFFIX, file_bytes, review_dirs, review_files, translation_files

    if reviews is None:
        if files is not None:
            return ReviewOverlay(())
        paths = review_files(review_dirs())
        translated = translation_files(review_dirs())
    else:
        named = [Path(p) for p in reviews]
        paths = review_files(p for p in named if p.is_dir())  # a missing folder holds none
        translated = translation_files(p for p in named if p.is_dir())
        paths += [p for p in named if p.is_file() and not p.name.endswith(SUFFIX)]
        translated += [p for p in named if p.is_file() and p.name.endswith(SUFFIX)]
    return ReviewOverlay(
        tuple((p, file_bytes(p, True)) for p in paths),
        tuple((p, file_bytes(p, True)) for p in translated),
    )


def load(
    extra: Iterable[Path | str] | Path | str = (),
    *,
    closure: bool = True,
    files: Iterable[Path | str] | Path | str | None = None,
    reviews: Iterable[Path] | None = None,
    persisted: bool = False,
    background: bool = False,
) -> Store:
    """The shipped graph (or ``files``), user files in the user graph, and the expert reviews
    applied before the SKOS closure: a rejected record is withheld, a relation the reviewers
    changed replaces it (``merge``). The store can then be filtered by review status
    (``reviewed_only``/``min_confidence`` on every question). ``persisted``: open the whole
    store from disk when these inputs were loaded before (``store.build.load``), and
    ``background``: write it, after a slow build, from a detached process.

    >>> import herstelgraph
    >>> herstelgraph.load().filter_mappings is not None
    True
    """
    from ... import store as store_pkg  # through the package: tests may stand in for it
    from ...store.build import paths_of

    extra = paths_of(extra)
    files = None if files is None else paths_of(files)
    overlay = review_overlay(files, reviews)
    store = store_pkg.load(
        extra,
        closure=closure,
        files=files,
        overlay=overlay,
        persisted=persisted,
        background=background,
    )
    store.filter_mappings = _filtered
    store.overlay_files = tuple(p for p, _ in (*overlay.files, *overlay.translations))
    return store


def _filtered(
    store: Store, reviewed_only: int = 0, min_confidence: float | None = None
) -> Queryable:
    """``merge.filtered``, imported when a question filters (a question that does not never
    loads the merged view's module: docs/performance.md)."""
    from .merge import filtered

    view: Queryable = filtered(store, reviewed_only, min_confidence)
    return view
