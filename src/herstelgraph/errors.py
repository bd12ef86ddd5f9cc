"""Errors a user can act on: each carries one line saying what, where and what to do."""

from __future__ import annotations


class HerstelgraphError(Exception):
    """Base of all errors the CLI reports as one line with exit code 2."""

    exit_code = 2


class InputError(HerstelgraphError):
    """Unreadable or invalid input: a file, an ID, a parameter."""


class UnknownIdError(InputError):
    """An ID that names no concept; carries the closest matches."""

    def __init__(self, ident: str, suggestions: list[str]):
        self.ident = ident
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown ID {ident!r}{hint} (try 'herstelgraph concepts SCHEME')")


class EndpointError(HerstelgraphError):
    """A SPARQL endpoint that is down, slow or answers with an error."""
