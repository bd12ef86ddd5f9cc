"""CLI verbs about endpoints: ``herstelgraph endpoint check [URL]`` reports what a SPARQL
endpoint holds against this release (checks/endpoint.py). Exit 0 when its graphs match and
every feature the questions need works, 1 otherwise, 2 when it cannot be asked."""

from __future__ import annotations

import click

from ..words import message
from .common import Context, Output, output_options
from .render import Answer, View


@click.group("endpoint")
def endpoint() -> None:
    """SPARQL endpoints: check what one holds against this release."""


@endpoint.command("check")
@click.argument("url", required=False)
@output_options
@click.pass_obj
def check(obj: Context, url: str | None, out: Output) -> None:
    """Graphs (triple counts, per-predicate fingerprint), SPARQL features and row cap of the
    endpoint at URL (default: the one named with --endpoint)."""
    from ..checks.endpoint import EndpointFinding, check_endpoint
    from ..errors import InputError
    from ..store.endpoint import Endpoint

    url = url or obj.endpoint
    if not url:
        raise InputError(message("endpoint_none", obj.lang))
    if obj.data:
        raise InputError(message("endpoint_data", obj.lang))

    def say(message: str) -> None:
        click.echo(f"herstelgraph: {message} …", err=True)

    lang = str(obj.lang)
    report = check_endpoint(Endpoint(url, timeout=obj.endpoint_timeout), progress=say, lang=lang)
    title = message("endpoint_title", obj.lang, url=url, version=report.version)
    view = View(report.findings(lang), title, kind=EndpointFinding)
    out.send(Answer((view,), data={**report.as_dict(), "ok": report.ok}))
    if not report.ok:
        raise click.exceptions.Exit(1)


COMMANDS = (endpoint,)
