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
    from ..words import message
    from .common import _context, write_output

    lang = _context().lang
    info = cache.info()
    if info.enabled:
        state = message("cache_on", lang)
    else:
        state = message("cache_off", lang, env=cache.CACHE_ENV)
    lines = [
        message("cache_folder", lang, folder=info.folder),
        message("cache_state", lang, state=state),
        message("cache_entries", lang, n=info.entries, size=info.bytes),
        message("cache_bound", lang, n=info.max_entries, size=info.max_bytes),
    ]
    write_output(None, "".join(f"{line}\n" for line in lines).encode("utf-8"))


@cache_.command("clear")
def cache_clear() -> None:
    """Remove every cache entry (they are rebuilt when needed); nothing else is touched."""
    from ..store import cache
    from ..words import message
    from .common import _context

    n, size = cache.clear()
    text = message("cache_cleared", _context().lang, n=n, size=size, folder=cache.cache_dir())
    click.echo(text, err=True)


COMMANDS = (cache_,)
