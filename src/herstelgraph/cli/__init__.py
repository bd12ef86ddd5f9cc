"""The ``herstelgraph`` command line: a thin layer over the API (``main`` is the entry point)."""

from __future__ import annotations

from .main import cli, main, run

__all__ = ["cli", "main", "run"]
