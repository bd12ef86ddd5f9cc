// herstelgraph review: the page of the local review app (no framework, nothing loaded from
// elsewhere). It talks to the JSON API of the server that served it; every decision is
// written to the reviewer's SSSOM file before the server answers.
"use strict";

const T = {
  nl: {
    title: "Mappings reviewen", f_pair: "Kaderpaar", f_relation: "Relatie",
    f_band: "Zekerheid", f_mine: "Mijn review", f_others: "Anderen", f_anyone: "Beoordeling", f_source: "Bron",
    all: "alle", todo: "nog te doen", done: "gedaan", others_reviewed: "door anderen gereviewd",
    others_none: "door niemand anders", anyone_reviewed: "door iemand beoordeeld",
    anyone_none: "door niemand beoordeeld", curated: "gecureerd", predicted: "voorspeld (suggest)",
    review: "door een reviewer toegevoegd", noMatch: "geen match", prev: "vorige",
    next: "volgende", confirm: "Bevestigen", reject: "Afwijzen…", change: "Relatie wijzigen…",
    unsure: "Onzeker", comment: "Commentaar", clear: "Besluit intrekken",
    agree: "Eens: niets past", match: "Dit item past bij…",
    reason_q: "Waarom afwijzen? Kies een reden:", relation_q: "Welke relatie is het wel?",
    match_q: "Zoek het item in", match_rel: "relatie en rubricregel",
    match_pick: "kies…", match_need_rule: "Kies eerst de relatie en de rubricregel die geldt",
    comment_label: "Commentaar (wordt bij uw besluit bewaard)", save_comment: "Commentaar opslaan",
    others_subject: "Andere mappings van het linker item",
    others_object: "Andere mappings van het rechter item",
    empty: "Geen records bij deze filters.", help: "Sneltoetsen",
    progress: "{done} van {total} gereviewd, {left} te gaan",
    position: "record {pos} van {n}", saved: "Opgeslagen", cleared: "Besluit ingetrokken",
    confidence: "zekerheid", band: "band", rule: "rubricregel", strength: "sterkte",
    curator: "Curator", no_comment: "geen commentaar", section: "sectie", parents: "onder",
    nothing_in: "niets in", score: "score (voorspeld)", others_count: "door {n} andere reviewer(s) beoordeeld",
    mine_none: "U hebt dit record nog niet beoordeeld.", mine: "Uw besluit",
    outdated: "(over een eerdere versie van dit record: beoordeel opnieuw)",
    d_confirm: "bevestigd", d_reject: "afgewezen", d_change: "relatie gewijzigd in",
    d_unsure: "onzeker", d_agree: "eens: niets past", d_disagree: "dit item past bij iets",
    d_add: "toegevoegd", reason: "reden", none_other: "geen andere mappings",
    triangle: "▲ ook gekoppeld aan het andere item", other_text: "Toelichting (verplicht bij ‘anders’)",
    r_theme_only: "alleen een gedeeld thema", r_wrong_direction: "verkeerde richting",
    r_too_broad: "te breed", r_too_narrow: "te smal", r_different_level: "ander niveau",
    r_other: "anders (toelichting)", status: "status", s_unreviewed: "niet gereviewd",
    s_unsure: "onzeker", s_confirmed: "bevestigd", s_rejected: "afgewezen", s_changed: "gewijzigd",
    s_disputed: "betwist", added: "Door jou gekoppeld:", who: "reviewer",
  },
  en: {
    title: "Review mappings", f_pair: "Framework pair", f_relation: "Relation",
    f_band: "Confidence", f_mine: "My review", f_others: "Others", f_anyone: "Reviewed", f_source: "Source",
    all: "all", todo: "to do", done: "done", others_reviewed: "reviewed by others",
    others_none: "by nobody else", anyone_reviewed: "reviewed by anyone",
    anyone_none: "reviewed by nobody", curated: "curated", predicted: "predicted (suggest)",
    review: "added by a reviewer", noMatch: "no match", prev: "previous", next: "next",
    confirm: "Confirm", reject: "Reject…", change: "Change relation…", unsure: "Unsure",
    comment: "Comment", clear: "Take back", agree: "Agree: nothing matches",
    match: "This item matches…", reason_q: "Why reject? Choose a reason:",
    relation_q: "Which relation is it?", match_q: "Find the item in",
    match_rel: "relation and rubric rule", match_pick: "choose…",
    match_need_rule: "Choose the relation and the rubric rule it meets first",
    comment_label: "Comment (kept with your decision)", save_comment: "Save comment",
    others_subject: "Other mappings of the left item", others_object: "Other mappings of the right item",
    empty: "No records with these filters.", help: "Shortcuts",
    progress: "{done} of {total} reviewed, {left} to go", position: "record {pos} of {n}",
    saved: "Saved", cleared: "Decision taken back", confidence: "confidence", band: "band",
    rule: "rubric rule", strength: "strength", curator: "Curator", no_comment: "no comment",
    section: "section", parents: "under", nothing_in: "nothing in", score: "score (predicted)",
    others_count: "judged by {n} other reviewer(s)", mine_none: "You have not judged this record yet.",
    mine: "Your decision", outdated: "(on an earlier version of this record: judge it again)",
    d_confirm: "confirmed", d_reject: "rejected", d_change: "relation changed to",
    d_unsure: "unsure", d_agree: "agreed: nothing matches", d_disagree: "this item matches something",
    d_add: "added", reason: "reason", none_other: "no other mappings",
    triangle: "▲ also linked to the other item", other_text: "Explanation (needed for ‘other’)",
    r_theme_only: "only a shared theme", r_wrong_direction: "wrong direction",
    r_too_broad: "too broad", r_too_narrow: "too narrow", r_different_level: "different level",
    r_other: "other (explain)", status: "status", s_unreviewed: "unreviewed", s_unsure: "unsure",
    s_confirmed: "confirmed", s_rejected: "rejected", s_changed: "changed", s_disputed: "disputed",
    added: "Linked by you:", who: "reviewer",
  },
};
const REASONS = ["theme-only", "wrong-direction", "too-broad", "too-narrow", "different-level", "other"];
const TOKEN = document.querySelector('meta[name="review-token"]').content;
const state = {
  info: null, items: [], total: 0, reviewed: 0, pos: 0, screen: null, panel: null, mode: "mappings",
  lang: localStorage.getItem("hg-review-lang") ||
    document.querySelector('meta[name="review-lang"]').content || "nl",
  hits: [],
};
const $ = (id) => document.getElementById(id);

function t(key, vars) {
  let s = (T[state.lang] || T.nl)[key] ?? T.nl[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, v);
  return s;
}
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const kid of kids.flat(Infinity)) if (kid != null) e.append(kid);
  return e;
}
function toast(message, error) {
  const box = $("toast");
  box.textContent = message;
  box.className = "show" + (error ? " error" : "");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.className = ""; }, error ? 5000 : 1200);
}
async function api(path, params) {
  const q = new URLSearchParams(params || {}).toString();
  const r = await fetch(path + (q ? "?" + q : ""));
  const data = await r.json();
  if (!r.ok) throw new Error(data.error || r.statusText);
  return data;
}
async function post(body, path) {
  const r = await fetch(path || "/api/decide", {
    method: "POST", headers: { "Content-Type": "application/json", "X-Review-Token": TOKEN },
    body: JSON.stringify(body),
  });
  const data = await r.json();
  if (!r.ok) throw new Error(data.error || r.statusText);
  return data;
}

// ------------------------------------------------------------------ URL state
function hashParams() { return new URLSearchParams(location.hash.slice(1)); }
function setHash(changes) {
  const p = hashParams();
  for (const [k, v] of Object.entries(changes)) { if (v) p.set(k, v); else p.delete(k); }
  history.replaceState(null, "", "#" + p.toString());
}
function filters() {
  const out = {};
  for (const sel of document.querySelectorAll("#filters select")) if (sel.value) out[sel.dataset.filter] = sel.value;
  return out;
}

// ------------------------------------------------------------------ static text
function words(w) { return w ? (w[state.lang] || w.nl) : ""; }
function translate() {
  document.documentElement.lang = state.lang;
  $("title").dataset.t = state.mode === "translations" ? "t_title" : "title";
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.title = `herstelgraph: ${t($("title").dataset.t)}`;
  $("lang-nl").setAttribute("aria-pressed", state.lang === "nl");
  $("lang-en").setAttribute("aria-pressed", state.lang === "en");
  $("mode-mappings").setAttribute("aria-pressed", state.mode === "mappings");
  $("mode-translations").setAttribute("aria-pressed", state.mode === "translations");
  translationsTranslate();
  fillFilters();
  // "this item matches X" names the rubric rule of the new link, as a change does: related
  // has three (R-REL-1..3), so there is no default; the reviewer picks relation and rule
  const picked = $("match-rel").value;
  $("match-rel").replaceChildren(el("option", { value: "", text: t("match_pick") }),
    ...relationOptions(null).map(([st, rule]) => el("option", {
      value: `${st}|${rule || ""}`, text: relationText(st, rule) })));
  $("match-rel").value = picked;
  if ($("match-rel").selectedIndex < 0) $("match-rel").value = "";
  if (state.screen) render(state.screen);
  progress();
}
function fillFilters() {
  const info = state.info, keep = hashParams();
  const opts = {
    pair: [["", t("all")], ...info.pairs.map((p) => [p, p.replace("__", " ↔ ")])],
    relation: [["", t("all")], ...info.relations.map((r) =>
      [r, r === "noMatch" ? t("noMatch") : `${info.words[state.lang][r] || r} (${r})`])],
    band: [["", t("all")], ...info.bands.map((b) => [b, b === "none" ? "–" :
      `${b} ${{ A: "0.90–1.00", B: "0.75–0.89", C: "0.60–0.74", D: "< 0.60" }[b]}`])],
    mine: [["", t("all")], ["todo", t("todo")], ["done", t("done")]],
    others: [["", t("all")], ["reviewed", t("others_reviewed")], ["none", t("others_none")]],
    anyone: [["", t("all")], ["reviewed", t("anyone_reviewed")], ["none", t("anyone_none")]],
    source: [["", t("all")], ["curated", t("curated")], ["predicted", t("predicted")], ["review", t("review")]],
  };
  for (const sel of document.querySelectorAll("#filters select")) {
    const name = sel.dataset.filter, value = sel.value || keep.get(name) || "";
    sel.replaceChildren(...opts[name].map(([v, label]) => el("option", { value: v, text: label })));
    sel.value = value;
  }
}

// ------------------------------------------------------------------ queue and progress
async function loadQueue(keepKey) {
  const q = await api("/api/queue", filters());
  state.items = q.items; state.total = q.total; state.reviewed = q.reviewed;
  const key = keepKey || hashParams().get("key");
  const at = state.items.findIndex((i) => i.key === key);
  state.pos = at >= 0 ? at : 0;
  progress();
  await show(state.pos);
}
function progress() {
  const left = state.total - state.reviewed;
  $("progress-text").textContent = t("progress", { done: state.reviewed, total: state.total, left });
  $("bar").setAttribute("aria-valuemax", state.total);
  $("bar").setAttribute("aria-valuenow", state.reviewed);
  $("bar-fill").style.width = state.total ? `${(100 * state.reviewed) / state.total}%` : "0";
  $("position").textContent = state.items.length ?
    t("position", { pos: state.pos + 1, n: state.items.length }) : "";
}
function busy(on) {
  // while a record loads or a decision is saved, keys wait: they act on the screen shown
  if (on) document.body.dataset.busy = "1"; else delete document.body.dataset.busy;
}
async function show(pos) {
  busy(true);
  try { await showRecord(pos); } finally { busy(false); }
}
async function showRecord(pos) {
  if (!state.items.length) {
    $("screen").hidden = true; $("empty").hidden = false; state.screen = null; progress(); return;
  }
  state.pos = Math.max(0, Math.min(pos, state.items.length - 1));
  const key = state.items[state.pos].key;
  setHash({ key, ...Object.fromEntries(Object.keys(filterDefaults()).map((k) => [k, filters()[k]])) });
  const screen = await api("/api/item", { key });
  $("empty").hidden = true; $("screen").hidden = false;
  closePanels();
  $("comment").value = screen.mine ? screen.mine.comment || "" : "";
  render(screen);
  progress();
}
function filterDefaults() { return { pair: "", relation: "", band: "", mine: "", others: "", anyone: "", source: "" }; }

// ------------------------------------------------------------------ rendering
function itemBox(item) {
  const box = [];
  box.push(el("div", { class: "id" }, `${item.id}${item.notation ? " · " + item.notation : ""} · ${item.framework}${item.type ? " · " + item.type : ""}`));
  box.push(el("div", { class: "label", lang: "nl" }, item.label));
  if (item.text) box.push(el("div", { class: "text", lang: "nl" }, item.text));
  if (item.section) box.push(el("div", { class: "meta" }, `${t("section")}: ${item.section}`));
  if (item.parents.length) {
    box.push(el("div", { class: "meta" }, `${t("parents")}: `,
      item.parents.map((p, i) => [i ? " › " : "", el("span", { lang: "nl", title: p.id }, `${p.notation || p.id} ${p.label}`)])));
  }
  return box;
}
function badge(status) { return el("span", { class: `badge ${status}` }, t("s_" + status)); }
function render(s) {
  state.screen = s;
  const nomatch = s.kind === "nomatch";
  $("subject").replaceChildren(...itemBox(s.subject));
  if (nomatch) {
    $("object").className = "item none";
    $("object").replaceChildren(el("div", { class: "label" }, `${t("nothing_in")} ${s.target_framework}`));
  } else {
    $("object").className = "item";
    $("object").replaceChildren(...itemBox(s.object));
  }
  $("relation").replaceChildren(
    el("div", { class: "words", id: "relation-words" }, words(s.words)),
    el("div", { class: "arrow", "aria-hidden": "true" }, "→"),
    el("div", { class: "meta" }, s.relation === "noMatch" ? "" : s.relation),
    badge(s.status),
  );
  const facts = [];
  if (s.confidence != null) facts.push(`${t("confidence")} ${s.confidence.toFixed(2)} (${t("band")} ${s.band})`);
  if (s.score != null) facts.push(`${t("score")} ${s.score.toFixed(3)}`);
  if (s.rule) facts.push(`${t("rule")} ${s.rule}`);
  if (s.strength) facts.push(`${t("strength")} ${s.strength}`);
  facts.push(t(s.source));
  if (s.others_reviewed) facts.push(t("others_count", { n: s.others_reviewed }));
  $("curator").replaceChildren(
    el("div", { class: "meta" }, facts.join(" · ")),
    el("div", { id: "curator-comment" }, s.comment ? `${t("curator")}: ${s.comment}` : `${t("curator")}: ${t("no_comment")}`),
  );
  $("link-buttons").hidden = nomatch;
  $("nomatch-buttons").hidden = !nomatch;
  renderMine(s);
  for (const [side, id] of [["subject", "others-subject"], ["object", "others-object"]]) {
    const list = s.others[side];
    $(id).replaceChildren(...(list.length ? list.map((o) => el("li", {},
      o.kind === "nomatch" ? `${words(o.words)} ${o.framework} ` :
        [`${words(o.words)} `, el("b", {}, `${o.notation || o.id}`), ` (${o.framework}) `,
          el("span", { lang: "nl" }, o.label), " "],
      badge(o.status), o.triangle ? el("span", { class: "triangle", title: t("triangle") }, " ▲") : null,
    )) : [el("li", { class: "meta" }, t("none_other"))]));
  }
  $("context").children[1].hidden = nomatch;
}
function renderMine(s) {
  const box = $("mine");
  if (!s.mine) { box.className = ""; box.replaceChildren(t("mine_none")); return; }
  const m = s.mine, parts = [`${t("mine")}: `, el("span", { id: "mine-decision", "data-decision": m.decision }, t("d_" + m.decision))];
  if (m.decision === "change" && m.words) parts.push(` “${words(m.words)}”`);
  if (m.reason) parts.push(` — ${t("reason")}: ${t("r_" + m.reason.replaceAll("-", "_"))}`);
  if (m.comment) parts.push(` — “${m.comment}”`);
  parts.push(el("span", { class: "meta" }, ` (${m.date})`));
  if (m.outdated) parts.push(el("span", { class: "outdated" }, " " + t("outdated")));
  if (s.added && s.added.length) {
    parts.push(el("div", {}, t("added") + " ", s.added.map((a) =>
      el("span", {}, `${words(a.words)} `, el("b", {}, a.item.notation || a.item.id), ` ${a.item.label}; `))));
  }
  box.className = "done";
  box.replaceChildren(...parts);
}

// ------------------------------------------------------------------ decisions
async function decide(body, advance) {
  const s = state.screen;
  if (!s) return;
  body.key = s.key;
  if (!("comment" in body)) body.comment = $("comment").value;
  busy(true);
  try {
    const screen = await post(body);
    const item = state.items[state.pos];
    const was = item.done;
    item.done = !!screen.mine && !screen.mine.outdated;
    state.reviewed += (item.done ? 1 : 0) - (was ? 1 : 0);
    toast(body.decision === "clear" ? t("cleared") : t("saved"));
    closePanels();
    render(screen);
    progress();
    if (advance && state.pos < state.items.length - 1) await showRecord(state.pos + 1);
  } catch (err) {
    toast(err.message, true);
  } finally {
    busy(false);
  }
}
// (relation, rule) choices: a relation with several rubric rules once per rule
function relationOptions(except) {
  const options = [];
  for (const st of state.info.stances) {
    if (st === except) continue;
    const rules = st === "skos:relatedMatch" ? state.info.rules[st] : [null];
    for (const rule of rules) options.push([st, rule]);
  }
  return options;
}
function relationText(st, rule) {
  return `${state.info.words[state.lang][st] || st}${rule ? " (" + rule.replace("hgrule:", "") + ")" : ""}`;
}
function closePanels() {
  state.panel = null;
  for (const id of ["reasons", "relations", "matchbox"]) $(id).hidden = true;
}
function openPanel(id) {
  closePanels();
  state.panel = id;
  $(id).hidden = false;
  if (id === "reasons") {
    $("reason-buttons").replaceChildren(...REASONS.map((r, i) => el("button", {
      type: "button", "data-reason": r,
      onclick: () => reject(r),
    }, el("kbd", {}, String(i + 1)), " ", t("r_" + r.replaceAll("-", "_")))));
  } else if (id === "relations") {
    const options = relationOptions(state.screen.stance);
    $("relation-buttons").replaceChildren(...options.map(([st, rule], i) => el("button", {
      type: "button", "data-stance": st, "data-rule": rule || "",
      onclick: () => decide({ decision: "change", relation: st, rule: rule || "" }, true),
    }, el("kbd", {}, String(i + 1)), ` ${relationText(st, rule)}`)));
  } else if (id === "matchbox") {
    $("match-fw").textContent = state.screen.target_framework;
    $("match-q").value = ""; $("match-results").replaceChildren();
    $("match-rel").value = "";  // each match names its relation and rule anew
    $("match-q").focus();
  }
}
function reject(reason) {
  if (reason === "other" && !$("comment").value.trim()) {
    $("comment").placeholder = t("other_text");
    $("comment").focus();
    state.pendingOther = true;
    return;
  }
  decide({ decision: "reject", reason }, true);
}
let searchTimer = null;
async function search() {
  const q = $("match-q").value.trim();
  if (!q) { $("match-results").replaceChildren(); return; }
  try {
    state.hits = await api("/api/search", { q, framework: state.screen.target_framework });
  } catch (err) { state.hits = []; }
  $("match-results").replaceChildren(...state.hits.map((h, i) => el("li", {
    "data-id": h.id, class: i === 0 ? "active" : "",
    onclick: () => match(h.id),
  }, el("b", {}, h.notation || h.id), ` ${h.label} `, el("span", { class: "meta" }, h.id))));
}
function match(id) {
  const [relation, rule] = $("match-rel").value.split("|");
  if (!relation) { toast(t("match_need_rule"), true); $("match-rel").focus(); return; }
  decide({ decision: "disagree", target: id, relation, rule: rule || "" }, true);
}

// ------------------------------------------------------------------ events
function bind() {
  $("lang-nl").onclick = () => { state.lang = "nl"; localStorage.setItem("hg-review-lang", "nl"); translate(); };
  $("lang-en").onclick = () => { state.lang = "en"; localStorage.setItem("hg-review-lang", "en"); translate(); };
  for (const sel of document.querySelectorAll("#filters select")) sel.onchange = () => loadQueue();
  $("prev").onclick = () => show(state.pos - 1);
  $("next").onclick = () => show(state.pos + 1);
  $("btn-confirm").onclick = () => decide({ decision: "confirm" }, true);
  $("btn-reject").onclick = () => openPanel("reasons");
  $("btn-change").onclick = () => openPanel("relations");
  $("btn-unsure").onclick = $("btn-unsure2").onclick = () => decide({ decision: "unsure" }, true);
  $("btn-comment").onclick = $("btn-comment2").onclick = () => $("comment").focus();
  $("btn-clear").onclick = $("btn-clear2").onclick = () => decide({ decision: "clear" }, false);
  $("btn-agree").onclick = () => decide({ decision: "agree" }, true);
  $("btn-match").onclick = () => openPanel("matchbox");
  $("save-comment").onclick = () => saveComment();
  $("match-q").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(search, 200); });
  $("match-q").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && state.hits.length) { ev.preventDefault(); match(state.hits[0].id); }
    if (ev.key === "Escape") { closePanels(); ev.target.blur(); }
  });
  $("comment").addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.target.blur(); }
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      if (state.pendingOther) { state.pendingOther = false; reject("other"); } else saveComment();
    }
  });
  document.addEventListener("keydown", onKey);
}
function saveComment() {
  const s = state.screen;
  if (!s) return;
  if (!s.mine) { toast(t("comment_label")); return; }
  decide({ decision: "comment", comment: $("comment").value }, false);
}
function onKey(ev) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const tag = (ev.target.tagName || "").toLowerCase();
  if (tag === "textarea" || tag === "input" || tag === "select") return;
  if (state.mode === "translations") { translationKey(ev); return; }
  const s = state.screen;
  if (!s || document.body.dataset.busy) return;
  const k = ev.key;
  if (k === "Escape") { closePanels(); return; }
  if (k === "j" || k === "ArrowRight") { show(state.pos + 1); return; }
  if (k === "k" || k === "ArrowLeft") { show(state.pos - 1); return; }
  if (state.panel === "reasons" && /^[1-6]$/.test(k)) { reject(REASONS[Number(k) - 1]); return; }
  if (state.panel === "relations" && /^[1-9]$/.test(k)) {
    const b = $("relation-buttons").children[Number(k) - 1];
    if (b) b.click();
    return;
  }
  const nomatch = s.kind === "nomatch";
  const map = nomatch ?
    { 1: "btn-agree", 2: "btn-match", 4: "btn-unsure2", 5: "btn-comment2", 0: "btn-clear2" } :
    { 1: "btn-confirm", 2: "btn-reject", 3: "btn-change", 4: "btn-unsure", 5: "btn-comment", 0: "btn-clear" };
  if (map[k]) { ev.preventDefault(); $(map[k]).click(); }
}

// ------------------------------------------------------------------ the two views
async function setMode(mode) {
  state.mode = mode === "translations" ? "translations" : "mappings";
  const tr = state.mode === "translations";
  $("mappings-view").hidden = tr;
  $("translations-view").hidden = !tr;
  setHash({ view: tr ? "translations" : "" });
  translate();
  if (tr) await loadTranslations(); else await loadQueue();
}

async function main() {
  state.info = await api("/api/session");
  $("who").textContent = `${state.info.reviewer.label} (${state.info.reviewer.id})`;
  bind();
  bindTranslations();
  $("mode-mappings").onclick = () => setMode("mappings").catch((err) => toast(err.message, true));
  $("mode-translations").onclick = () => setMode("translations").catch((err) => toast(err.message, true));
  await setMode(hashParams().get("view"));
}
// translations.js (loaded after this file) defines the translations view: start once both ran
document.addEventListener("DOMContentLoaded", () => main().catch((err) => toast(err.message, true)));
