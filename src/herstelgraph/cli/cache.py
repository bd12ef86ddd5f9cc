"""CLI verbs for the on-disk cache (registered on the main group by importing this module):
``herstelgraph cache info`` shows where it is and how big; ``cache clear`` empties it."""

from __future__ import annotations

import click


@click.group("cache")
def cache_() -> None:
    """The closure cache: where it is, how big, and emptying it (always safe)."""


@cache_.command("info")
def cache_info() -> None:
    """Where the cache is, its entries and size, and its bounds."""
    from ..store import cache

    info = cache.info()
    state = "on" if info.enabled else f"off ({cache.CACHE_ENV}=off)"
    click.echo(f"folder: {info.folder}")
    click.echo(f"caching: {state}")
    click.echo(f"entries: {info.entries} ({info.bytes} bytes)")
    click.echo(
        f"bound: the {info.max_entries} most recently used entries, at most "
        f"{info.max_bytes} bytes in total"
    )


@cache_.command("clear")
def cache_clear() -> None:
    """Remove every cache entry (they are rebuilt when needed); nothing else is touched."""
    from ..store import cache

    n, size = cache.clear()
    click.echo(f"{n} cache entries removed ({size} bytes) from {cache.cache_dir()}", err=True)


COMMANDS = (cache_,)
