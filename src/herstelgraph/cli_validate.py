"""CLI verbs for validate (registered on the main group by importing this module)."""

from __future__ import annotations

from .cli import cli  # noqa: F401
