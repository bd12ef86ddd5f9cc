"""The local review web app: the standard library's HTTP server on 127.0.0.1, a small JSON
API and the page in ``assets/`` (HTML, JS and CSS written here: no CDN, nothing loaded from
elsewhere). The page has two views: the mappings (the queue of records) and the English
translations (issue 20: each beside the Dutch it translates, confirmed, rejected or corrected
through :class:`~.translations.TranslationSession`, the reviewer's
``<reviewer>.translations.tsv`` that ``review translation`` writes too).

Only this machine can reach it (it binds to the loopback address), requests must name it as
their host (no DNS rebinding), and every request that writes carries the session's token,
which only the page served here holds (so no other web page the reviewer has open can
decide in their name). Each decision is written to the reviewer's file before the answer
goes back, so stopping the server (Ctrl-C) loses nothing.
"""

from __future__ import annotations

import json
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from ...errors import HerstelgraphError, OutputError, ParameterError
from .merge import Claim
from .records import RULES, split_key
from .session import BANDS, STANCES, WORDS, QueueFilter, ReviewSession, band, pair_of
from .stats import framework_of
from .translations import PROPERTIES, STATUS, TranslationDecision, Unit

ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/assets/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/assets/translations.js": ("translations.js", "text/javascript; charset=utf-8"),
    "/assets/app.css": ("app.css", "text/css; charset=utf-8"),
}
_ITEM = """
SELECT ?p ?o WHERE {
  VALUES ?p { skos:prefLabel skos:notation hg:sourceSection hg:sourceText skos:definition
              skos:broader skos:inScheme rdf:type hg:definitionOrigin }
  ?c ?p ?o }
"""

_EXTERNAL_ITEM = _ITEM.replace("  ?c ?p ?o }", "  GRAPH ?graph { ?c ?p ?o } }")


def _asset(name: str) -> bytes:
    return (files("herstelgraph.curation.review") / "assets" / name).read_bytes()


class ReviewApp:
    """The API over one :class:`ReviewSession` (what the handler calls; tests call it too)."""

    def __init__(self, session: ReviewSession, lang: str = "nl"):
        self.session = session
        self.lang = lang
        self.token = secrets.token_urlsafe(24)
        self._items: dict[str, dict] = {}
        self._stack: set[str] = set()

    # ------------------------------------------------------------------ items
    def item(self, ident: str) -> dict:
        """One item as the screen shows it: label, full Dutch text, notation, section path,
        its parents (nearest first) and framework."""
        if ident in self._items:
            return self._items[ident]
        import pyoxigraph as ox

        from ...ids import compact, expand
        from ...store.store import EXTERNAL

        store = self.session.store
        props: dict[str, list] = {}
        node = ox.NamedNode(expand(ident) or ident)
        rows = store.select(_ITEM, {"c": node})
        # an ESCO concept (issue 21): its English text from the external graph
        texts = "nl" if rows else "en"
        if not rows:
            rows = store.select(_EXTERNAL_ITEM, {"c": node, "graph": EXTERNAL})
        for r in rows:
            props.setdefault(compact(r["p"].value), []).append(r["o"])

        def text(p: str, lang: str | None = texts) -> str | None:
            vals = [t for t in props.get(p, []) if isinstance(t, ox.Literal)]
            if lang:
                vals = [t for t in vals if t.language == lang] or (
                    [] if p != "skos:notation" else vals
                )
            return vals[0].value if vals else None

        label = text("skos:prefLabel") or ""
        full = text("hg:sourceText") or text("skos:definition")
        parents: list[dict] = []
        broader = sorted(compact(t.value) for t in props.get("skos:broader", []))
        if broader and broader[0] not in self._stack:
            self._stack.add(ident)
            try:
                info = self.item(broader[0])
            finally:
                self._stack.discard(ident)
            parents = [{"id": broader[0], "notation": info["notation"], "label": info["label"]}]
            parents += info["parents"]
        scheme = props.get("skos:inScheme", [])
        types = sorted(
            compact(t.value).removeprefix("hg:")
            for t in props.get("rdf:type", [])
            if compact(t.value).startswith("hg:") and compact(t.value) != "hg:Item"
        )
        out = {
            "id": ident,
            "label": label,
            "text": full if full and full != label else None,
            "notation": text("skos:notation", None),
            "section": text("hg:sourceSection", None),
            "parents": parents,
            "framework": framework_of(ident)
            if not scheme
            else framework_of(compact(scheme[0].value)),
            "type": types[0] if types else None,
        }
        self._items[ident] = out
        return out

    # ------------------------------------------------------------------ claims
    def words(self, stance: str) -> dict[str, str]:
        return {lang: WORDS[lang].get(stance, stance) for lang in ("nl", "en")}

    def brief(self, claim: Claim) -> dict:
        s = self.session
        mine = claim.decision_of(s.reviewer.id)
        return {
            "key": claim.key,
            "pair": pair_of(claim.key),
            "relation": s.relation(claim),
            "source": s.source(claim),
            "done": mine is not None and mine in claim.decisions,
            "status": str(claim.status),
        }

    def screen(self, key: str) -> dict:
        """Everything one screen shows for a record."""
        s = self.session
        claim = s.claims.get(key)
        if claim is None:
            raise LookupError(key)
        a, b, target = split_key(key)
        me = s.reviewer.id
        mine = claim.decision_of(me)
        base = s.base(claim)
        out: dict = {
            **self.brief(claim),
            "kind": "nomatch" if claim.is_no_match else "link",
            "subject": self.item(a),
            "object": None if claim.is_no_match else self.item(b),
            "target_framework": framework_of(target) if target else None,
            "stance": base,
            "words": self.words(
                f"noMatch:{claim.curated.predicate}"
                if claim.is_no_match and claim.curated
                else (base or "")
            ),
            "confidence": claim.confidence,
            "band": band(claim.confidence),
            "rule": claim.curated.rule if claim.curated else None,
            "strength": (claim.curated.strength or None) if claim.curated else None,
            "record": claim.curated.record if claim.curated else None,
            "comment": self._comment(claim),
            "score": claim.predicted.score if claim.predicted else None,
            "others_reviewed": sum(1 for d in claim.decisions if d.reviewer != me),
            "mine": None,
            "added": [],
        }
        if mine is not None:
            out["mine"] = {
                "decision": str(mine.kind),
                "stance": mine.stance,
                "reason": mine.reason,
                "comment": mine.comment,
                "rule": mine.rule,
                "date": mine.date,
                "outdated": mine not in claim.decisions,
                "words": self.words(mine.stance) if mine.stance in STANCES else None,
            }
        if claim.is_no_match:  # the links this reviewer made from the item into the target
            for k, c in s.claims.items():
                if c.is_no_match or a not in split_key(k)[:2]:
                    continue
                other = split_key(k)[1] if split_key(k)[0] == a else split_key(k)[0]
                d = c.decision_of(me)
                if (
                    s.schemes.get(other) == target
                    and d is not None
                    and d.stance not in (None, "none")
                ):
                    stance = d.stance if split_key(k)[0] == a else _flip(d.stance)
                    out["added"].append(
                        {"item": self.item(other), "stance": stance, "words": self.words(stance)}
                    )
        out["others"] = {
            "subject": self._others(a, key, b),
            "object": [] if claim.is_no_match else self._others(b, key, a),
        }
        left = {o["id"] for o in out["others"]["subject"] if o["kind"] == "link"}
        right = {o["id"] for o in out["others"]["object"] if o["kind"] == "link"}
        for side in out["others"].values():
            for o in side:
                o["triangle"] = o["id"] in left and o["id"] in right
        return out

    def _comment(self, claim: Claim) -> str | None:
        if claim.curated is None:
            return None
        import pyoxigraph as ox

        from ...ids import expand

        rows = self.session.store.select(
            "SELECT ?c WHERE { ?r rdfs:comment ?c }",
            {"r": ox.NamedNode(expand(claim.curated.record) or claim.curated.record)},
        )
        return rows[0]["c"].value if rows else None

    def _others(self, item: str, key: str, partner: str) -> list[dict]:
        s = self.session
        out = []
        for k in s.by_item().get(item, []):
            if k == key:
                continue
            c = s.claims[k]
            a, b, target = split_key(k)
            if c.is_no_match:
                out.append(
                    {
                        "id": f"no match in {framework_of(target)}",
                        "kind": "nomatch",
                        "framework": framework_of(target),
                        "label": "",
                        "key": k,
                        "words": self.words(
                            f"noMatch:{c.curated.predicate}"
                            if c.curated
                            else "noMatch:skos:relatedMatch"
                        ),
                        "status": str(c.status),
                        "confidence": c.confidence,
                    }
                )
                continue
            base = s.base(c)
            if base is None:
                continue
            other = b if a == item else a
            stance = base if a == item else _flip(base)
            info = self.item(other)
            out.append(
                {
                    "id": other,
                    "kind": "link",
                    "key": k,
                    "label": info["label"],
                    "notation": info["notation"],
                    "framework": info["framework"],
                    "stance": stance,
                    "words": self.words(stance),
                    "status": str(c.status),
                    "confidence": c.confidence,
                    "source": s.source(c),
                    "partner": other == partner,
                }
            )
        return sorted(out, key=lambda o: (o["framework"], o["kind"], o["id"]))

    # ------------------------------------------------------------------ API
    def session_info(self) -> dict:
        s = self.session
        pairs = sorted({pair_of(k) for k in s.claims})
        return {
            "reviewer": {"id": s.reviewer.id, "label": s.reviewer.label},
            "file": str(s.file.path),
            "lang": self.lang,
            "pairs": pairs,
            "relations": ["noMatch", *[r for r in STANCES if not r.startswith("^")]],
            "bands": list(BANDS),
            "stances": list(STANCES),
            "rules": {k: list(v) for k, v in RULES.items()},
            "words": WORDS,
            "predicted": bool(s.predicted),
            "translations": {
                "file": str(s.translations.path),
                "frameworks": s.translations.frameworks(),
                "properties": list(PROPERTIES),
                "total": len(s.translations.units),
            },
        }

    def queue(self, params: dict[str, str]) -> dict:
        flt = QueueFilter(
            pair=params.get("pair") or None,
            relation=params.get("relation") or None,
            band=params.get("band") or None,
            others=params.get("others") or None,
            anyone=params.get("anyone") or None,
            source=params.get("source") or None,
        )
        claims = self.session.queue(flt)
        items = [self.brief(c) for c in claims]
        done = sum(1 for i in items if i["done"])
        mine = params.get("mine") or None
        if mine == "todo":
            items = [i for i in items if not i["done"]]
        elif mine == "done":
            items = [i for i in items if i["done"]]
        return {
            "items": items,
            "total": len(claims),
            "reviewed": done,
            "remaining": len(claims) - done,
        }

    def decide(self, body: dict) -> dict:
        key = str(body.get("key", ""))
        action = str(body.get("decision", ""))
        s = self.session
        if action == "clear":
            s.clear(key)
        elif action == "comment":
            s.set_comment(key, str(body.get("comment", "")))
        else:
            s.decide(
                key,
                action,
                reason=str(body.get("reason") or ""),
                relation=body.get("relation") or None,
                target=body.get("target") or None,
                rule=str(body.get("rule") or ""),
                comment=str(body.get("comment") or ""),
            )
        return self.screen(key)

    def search(self, params: dict[str, str]) -> list[dict]:
        from ...questions.alignment import search

        text = params.get("q", "").strip()
        if not text:
            return []
        hits = search(self.session.store, text, framework=params.get("framework") or None, limit=20)
        return [
            {
                "id": h.id,
                "label": h.label,
                "framework": h.framework,
                "notation": self.item(h.id)["notation"],
            }
            for h in hits
        ]

    # ------------------------------------------------------------------ translations
    def translation_brief(self, unit: Unit) -> dict:
        t = self.session.translations
        return {
            "subject": unit.subject_id,
            "property": _short(unit.property),
            "framework": framework_of(unit.subject_id),
            "done": t.done((unit.subject_id, unit.property)),
        }

    def translation_queue(self, params: dict[str, str]) -> dict:
        """The translations to review (the filters: framework, property, mine, others) and
        the reviewer's progress over them."""
        t = self.session.translations
        flt = {k: params.get(k) or None for k in ("framework", "property", "others")}
        units = t.queue(framework=flt["framework"], prop=flt["property"], others=flt["others"])
        items = [self.translation_brief(u) for u in units]
        done = sum(1 for i in items if i["done"])
        mine = params.get("mine") or None
        if mine in ("todo", "done"):
            items = [i for i in items if i["done"] == (mine == "done")]
        return {
            "items": items,
            "total": len(units),
            "reviewed": done,
            "remaining": len(units) - done,
        }

    def translation_screen(self, subject: str, prop: str) -> dict:
        """Everything the screen of one translation shows: the item, the Dutch it translates,
        the English, the reviewer's decision, the others' and the decision in force."""
        t = self.session.translations
        key = (subject, PROPERTIES.get(prop, prop))
        unit = t.units.get(key)
        if unit is None:
            raise LookupError(key)

        def shown(d: TranslationDecision) -> dict:
            return {
                "decision": d.decision,
                "corrected": d.corrected_text or None,
                "comment": d.comment or None,
                "reviewer": d.reviewer_label or d.reviewer_id,
                "reviewer_id": d.reviewer_id,
                "date": d.review_date,
                "outdated": not t.current(d),
            }

        force = t.in_force().get(key)
        mine = t.mine.get(key)
        siblings = [
            {"property": _short(u.property), "dutch": u.dutch, "english": u.english}
            for k, u in t.units.items()
            if k[0] == subject and k != key
        ]
        siblings.sort(key=lambda x: list(PROPERTIES).index(x["property"]))
        return {
            **self.translation_brief(unit),
            "item": self.item(subject),
            "dutch": unit.dutch,
            "english": unit.english,
            "status": STATUS[force.decision] if force else "unreviewed",
            "in_force": shown(force) if force else None,
            "mine": shown(mine) if mine else None,
            "others": [
                shown(d) for d in sorted(t.others, key=lambda d: d.reviewer_id) if d.unit == key
            ],
            "siblings": siblings,
        }

    def translation_decide(self, body: dict) -> dict:
        """confirm, reject, correct (with the English in ``corrected``), comment (changes the
        comment of the decision made) or clear (takes it back); answers the new screen."""
        t = self.session.translations
        subject = str(body.get("subject", ""))
        prop = PROPERTIES.get(str(body.get("property", "")), str(body.get("property", "")))
        action = str(body.get("decision", ""))
        comment = str(body.get("comment") or "")
        if (subject, prop) not in t.units:
            raise LookupError((subject, prop))
        if action == "clear":
            t.clear(subject, prop)
        elif action == "comment":
            mine = t.mine.get((subject, prop))
            if mine is None:
                raise ParameterError("comment", "decide first; the comment is kept with it")
            t.decide(subject, prop, mine.decision, corrected=mine.corrected_text, comment=comment)
        else:
            t.decide(
                subject, prop, action, corrected=str(body.get("corrected") or ""), comment=comment
            )
        return self.translation_screen(subject, prop)


def _short(prop: str) -> str:
    """label, definition or title: the property's short name."""
    return next(k for k, v in PROPERTIES.items() if v == prop)


def _flip(stance: str) -> str:
    from .records import flip

    return flip(stance)


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # quiet: the terminal shows the URL
        pass

    def _host_ok(self) -> bool:
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]
        return host in (f"127.0.0.1:{port}", f"localhost:{port}")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json")

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": message})

    def do_GET(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "wrong host")
        url = urlparse(self.path)
        app = self.server.app
        if url.path in ASSETS:
            name, ctype = ASSETS[url.path]
            body = _asset(name)
            if name == "index.html":
                body = body.replace(b"{{TOKEN}}", app.token.encode()).replace(
                    b"{{LANG}}", app.lang.encode()
                )
            return self._send(HTTPStatus.OK, body, ctype)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        try:
            if url.path == "/api/session":
                return self._json(HTTPStatus.OK, app.session_info())
            if url.path == "/api/queue":
                return self._json(HTTPStatus.OK, app.queue(params))
            if url.path == "/api/item":
                return self._json(HTTPStatus.OK, app.screen(params.get("key", "")))
            if url.path == "/api/search":
                return self._json(HTTPStatus.OK, app.search(params))
            if url.path == "/api/translations":
                return self._json(HTTPStatus.OK, app.translation_queue(params))
            if url.path == "/api/translation":
                return self._json(
                    HTTPStatus.OK,
                    app.translation_screen(params.get("subject", ""), params.get("property", "")),
                )
        except LookupError:
            return self._error(HTTPStatus.NOT_FOUND, "no such record")
        except HerstelgraphError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))
        return self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "wrong host")
        if self.headers.get("X-Review-Token", "") != self.server.app.token:
            return self._error(HTTPStatus.FORBIDDEN, "missing or wrong session token")
        path = urlparse(self.path).path
        if path not in ("/api/decide", "/api/translation"):
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        try:
            size = int(self.headers.get("Content-Length", "0"))
            if not 0 < size <= 1 << 20:
                return self._error(HTTPStatus.BAD_REQUEST, "empty or too large request")
            body = json.loads(self.rfile.read(size).decode("utf-8"))
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            return self._error(HTTPStatus.BAD_REQUEST, "the request is not a JSON object")
        app = self.server.app
        try:
            if path == "/api/translation":
                return self._json(HTTPStatus.OK, app.translation_decide(body))
            return self._json(HTTPStatus.OK, app.decide(body))
        except LookupError:
            return self._error(HTTPStatus.NOT_FOUND, "no such record")
        except OutputError as exc:
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        except HerstelgraphError as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, app: ReviewApp, port: int = 0):
        self.app = app
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError as exc:
            raise OutputError(
                f"127.0.0.1:{port}", f"cannot listen there ({exc.strerror}); choose another port"
            ) from None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests); ``shutdown()`` stops it."""
        thread = threading.Thread(target=self.serve_forever, name="review-app", daemon=True)
        thread.start()
        return thread


def lock(folder: Path, slug: str):
    """An exclusive lock on the reviewer's file for the session (one open session per
    reviewer), released when the returned handle is closed or the process ends. None where
    the platform has no ``fcntl``."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    path = Path(folder) / f".{slug}.lock"
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise OutputError(
            Path(folder) / f"{slug}.sssom.tsv",
            "is open in another review session of this reviewer; close that one first",
        ) from None
    return handle


__all__ = ["ReviewApp", "ReviewServer", "lock"]
