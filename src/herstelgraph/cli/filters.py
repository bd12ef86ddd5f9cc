"""The mapping filter every alignment verb takes: --reviewed-only [N] and --min-confidence X
(``curation.review.merge.MappingFilter``; the API's keyword-only parameters of the same names).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def _said(key: str) -> str:
    from ..words import message
    from .common import run_language

    return message(key, run_language())


def _confidence(ctx, param, value):
    if value is not None and not 0 <= value <= 1:
        raise click.BadParameter(_said("bad_confidence"))
    return value


def _reviewers(ctx, param, value):
    if value is not None and value < 0:
        raise click.BadParameter(_said("bad_reviewers"))
    return value or 0


def mapping_filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --reviewed-only [N] and --min-confidence X to a verb (as reviewed_only,
    min_confidence)."""
    f = click.option(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        callback=_confidence,
        help="Only mappings (and no-match records) with a curated confidence of at least X; "
        "a relation a reviewer set has none and is kept.",
    )(f)
    f = click.option(
        "--reviewed-only",
        type=int,
        is_flag=False,
        flag_value=1,
        default=None,
        metavar="[N]",
        callback=_reviewers,
        help="Only mappings (and no-match records) confirmed by at least N reviewers "
        "(default 1; see 'herstelgraph review'). Put it after the arguments or give N.",
    )(f)
    return f


def filter_kwargs(reviewed_only: int, min_confidence: float | None) -> dict[str, Any]:
    return {"reviewed_only": reviewed_only, "min_confidence": min_confidence}


INCLUDE_DEPRECATED = click.option(
    "--include-deprecated",
    is_flag=True,
    help="Also list items a release deprecated (owl:deprecated; 'show' names what replaced "
    "them). They are left out by default.",
)


def include_deprecated_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --include-deprecated to a verb (as include_deprecated)."""
    return INCLUDE_DEPRECATED(f)
