"""Dutch text normalisation for matching: folding, stopwords, stemming, compounds, synonyms.

``Analyzer(corpus)`` turns a text into the tokens the lexical ranker indexes:

1. fold: Unicode NFKD, diacritics dropped, lower case, curly quotes straightened
   ("cliënt" -> "client", "Gaat" -> "gaat");
2. words: runs of letters and digits ("(kwaliteits)afspraken" -> "kwaliteits", "afspraken");
3. stopwords (``stopwords-nl.txt``) dropped;
4. Dutch Snowball stemming (``snowballstemmer``, algorithm "dutch"), plus one rule for the
   third person of verbs, which the stemmer leaves alone ("respecteert" -> the stem of
   "respecteer", as "respecteren"), applied only when the corpus knows that stem;
5. compounds: a long word whose two halves (with a linking -s-/-e-/-en-) are both words of
   the corpus also yields the halves ("herstelverhaal" -> herstelverhaal, herstel,
   verhaal), so the compound still matches itself best;
6. synonyms (``synonyms.tsv``): a text containing any term of a group also gets the token
   ``~key`` of the group.

Nothing here imports numpy or the model; snowballstemmer is pure Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ...errors import InputError

_WORD = re.compile(r"[a-z0-9]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
MIN_COMPOUND = 9  # shorter words are not split
MIN_PART = 4  # each half of a split compound has at least this many letters
LINKS = ("s", "en", "e", "")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Cliënt’s' -> "client's"."""
    text = text.translate(_QUOTES)
    if not text.isascii():  # only letters and digits matter downstream: ASCII after NFKD
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _data(name: str) -> str:
    return (files("herstelgraph.curation.suggest") / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = (line.strip() for line in _data("stopwords-nl.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@dataclass(frozen=True)
class SynonymGroup:
    key: str
    terms: tuple[str, ...]  # as written in the file
    why: str


def read_synonyms(path: Path | None = None) -> tuple[SynonymGroup, ...]:
    """The synonym groups of ``path`` (default: the shipped ``synonyms.tsv``)."""
    if path is None:
        text, where = _data("synonyms.tsv"), "synonyms.tsv"
    else:
        try:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read the synonym file ({exc})") from None
    groups = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not cells[0].strip() or not cells[1].strip():
            raise InputError(f"{where}:{n}: expected key<TAB>terms<TAB>why, got {line[:60]!r}")
        terms = tuple(t.strip() for t in cells[1].split("|") if t.strip())
        groups.append(SynonymGroup(cells[0].strip(), terms, cells[2].strip()))
    return tuple(groups)


class Analyzer:
    """Tokens for lexical matching; the corpus (the candidates' texts) gives the vocabulary
    that decides the verb rule and the compound splits."""

    def __init__(
        self,
        corpus: Iterable[str] = (),
        synonyms: tuple[SynonymGroup, ...] | None = None,
        *,
        compounds: bool = True,
    ):
        self.synonyms = read_synonyms() if synonyms is None else synonyms
        self.compounds = compounds
        known: set[str] = set()
        for text in corpus:
            known.update(stem(w) for w in words(text) if not w.endswith("t"))
        for group in self.synonyms:
            for term in group.terms:
                known.update(stem(w) for w in words(term))
        self.known = frozenset(known)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._surface: dict[str, dict[str, str]] = {}
        # synonym phrases as stem sequences (stopwords kept out, as in the texts)
        self._phrases: list[tuple[tuple[str, ...], str]] = []
        self.group_stems: dict[str, frozenset[str]] = {}
        for group in self.synonyms:
            stems: set[str] = set()
            for term in group.terms:
                seq = tuple(self._stem(w) for w in words(term) if w not in stopwords())
                if seq:
                    self._phrases.append((seq, "~" + group.key))
                    stems.update(seq)
            self.group_stems["~" + group.key] = frozenset(stems)
        self._phrases.sort(key=lambda p: -len(p[0]))
        self._lengths = sorted({len(p) for p, _ in self._phrases if len(p) > 1})

    def _stem(self, word: str) -> str:
        s = stem(word)
        if len(word) >= 5 and word.endswith("t") and s == word and s not in self.known:
            # third person singular: werkt -> werk is done by Snowball, respecteert is not
            alt = stem(word[:-1])
            if alt in self.known:
                return alt
        return s

    def _split(self, word: str) -> tuple[str, ...]:
        if not self.compounds or len(word) < MIN_COMPOUND:
            return ()
        best: tuple[int, tuple[str, ...]] | None = None
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            t = stem(tail)
            if t not in self.known:
                continue
            for link in LINKS:
                if link and not head.endswith(link):
                    continue
                h = head[: len(head) - len(link)] if link else head
                if len(h) < MIN_PART - 1:
                    continue
                hs = stem(h)
                if hs in self.known or h in self.known:
                    balance = min(len(h), len(tail))
                    if best is None or balance > best[0]:
                        best = (balance, (hs, t))
        return best[1] if best else ()

    def stems(self, text: str) -> list[str]:
        """The stems of the content words, in order (no compounds, no synonyms)."""
        stop = stopwords()
        return [self._stem(w) for w in words(text) if w not in stop]

    def tokens(self, text: str) -> tuple[str, ...]:
        """Stems, compound halves and synonym keys of a text (cached per text)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        stop = stopwords()
        out: list[str] = []
        seq: list[str] = []
        for w in words(text):
            if w in stop:
                continue
            s = self._stem(w)
            seq.append(s)
            out.append(s)
            out.extend(self._split(w))
        present = set(out)  # one-word terms also match a compound's half
        grams = {tuple(seq[i : i + n]) for n in self._lengths for i in range(len(seq) - n + 1)}
        for phrase, key in self._phrases:
            if key not in present and (
                phrase[0] in present if len(phrase) == 1 else phrase in grams
            ):
                out.append(key)
                present.add(key)
        result = tuple(out)
        self._cache[text] = result
        return result

    def surface(self, text: str) -> dict[str, str]:
        """Each token of a text mapped to the word it came from (for 'matched words')."""
        hit = self._surface.get(text)
        if hit is not None:
            return hit
        stop = stopwords()
        out: dict[str, str] = {}
        for w in words(text):
            if w in stop:
                continue
            out.setdefault(self._stem(w), w)
            for part in self._split(w):
                out.setdefault(part, w)
        self._surface[text] = out
        return out
