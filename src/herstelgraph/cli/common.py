"""What every verb shares: the per-invocation Context (lazy store), the --format option, emit."""

from __future__ import annotations

import click

from ..errors import HerstelgraphError
from .render import FORMATS

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)


class Context:
    """Per-invocation state: the store is built on first use, so --help stays instant."""

    def __init__(
        self, data: tuple[str, ...], endpoint: str | None = None, *, reviews: tuple[str, ...] = ()
    ):
        self.data = data
        self.endpoint = endpoint
        self.reviews = reviews  # folders of review files beside the default ones
        self._store = None

    @property
    def store(self):
        if self._store is None and self.endpoint:
            from ..store.endpoint import Endpoint

            if self.data:
                raise HerstelgraphError(
                    "--data cannot be combined with --endpoint: load the file into the "
                    "endpoint's graph https://w3id.org/herstelgraph/graph/user instead"
                )
            self._store = Endpoint(self.endpoint)
        if self._store is None:
            from pathlib import Path

            from ..store import load

            reviews = None
            if self.reviews:
                from ..curation.review.records import review_dirs
                from ..errors import InputError

                for p in self.reviews:
                    if not Path(p).is_dir():
                        raise InputError(f"{p}: no such folder of review files")
                reviews = review_dirs([Path(p) for p in self.reviews])
            extra = [Path(p) for p in self.data]
            # reviews only when named: the default ones load() finds by itself
            self._store = load(extra=extra, reviews=reviews) if reviews else load(extra=extra)
        return self._store


def emit(text: str) -> None:
    click.echo(text, nl=False)
