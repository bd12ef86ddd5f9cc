// herstelgraph review: the translations view of the review app (issue 20). One English
// translation per screen beside the Dutch it translates: confirm, reject or correct it. Every
// decision is written to the reviewer's <reviewer>.translations.tsv (the file the command
// `herstelgraph review translation` writes) before the server answers. Uses the helpers of
// app.js (t, el, api, toast, $, state, hashParams, setHash, busy), which loads first.
"use strict";

Object.assign(T.nl, {
  mode_mappings: "Mappings", mode_translations: "Vertalingen", t_title: "Vertalingen reviewen",
  tf_framework: "Kader", tf_property: "Tekst", p_label: "label", p_definition: "definitie",
  p_title: "titel", t_progress: "{done} van {total} vertalingen beoordeeld, {left} te gaan",
  t_position: "vertaling {pos} van {n}", t_dutch: "Nederlands (bron)",
  t_english: "Engels (vertaling)", t_confirm: "Bevestigen", t_reject: "Afwijzen",
  t_correct: "Verbeteren…", t_corrected_label: "De juiste Engelse tekst",
  t_save_correct: "Verbetering opslaan", t_mine_none: "U hebt deze vertaling nog niet beoordeeld.",
  td_confirm: "bevestigd", td_reject: "afgewezen", td_correct: "verbeterd in",
  ts_unreviewed: "niet beoordeeld", ts_confirmed: "bevestigd", ts_corrected: "verbeterd",
  ts_rejected: "afgewezen", t_others: "Andere beoordelaars", t_others_none: "nog door niemand anders",
  t_siblings: "Andere teksten van dit item", t_siblings_none: "geen andere teksten",
  t_empty: "Geen vertalingen bij deze filters.", t_in_force: "Geldt nu",
  t_outdated: "(over een eerdere versie van deze vertaling: beoordeel opnieuw)",
  t_no_dutch: "(geen Nederlandse tekst)", t_correct_first: "Schrijf eerst de juiste Engelse tekst.",
});
Object.assign(T.en, {
  mode_mappings: "Mappings", mode_translations: "Translations", t_title: "Review translations",
  tf_framework: "Framework", tf_property: "Text", p_label: "label", p_definition: "definition",
  p_title: "title", t_progress: "{done} of {total} translations reviewed, {left} to go",
  t_position: "translation {pos} of {n}", t_dutch: "Dutch (source)",
  t_english: "English (translation)", t_confirm: "Confirm", t_reject: "Reject",
  t_correct: "Correct…", t_corrected_label: "The right English text",
  t_save_correct: "Save the correction", t_mine_none: "You have not judged this translation yet.",
  td_confirm: "confirmed", td_reject: "rejected", td_correct: "corrected to",
  ts_unreviewed: "not reviewed", ts_confirmed: "confirmed", ts_corrected: "corrected",
  ts_rejected: "rejected", t_others: "Other reviewers", t_others_none: "nobody else yet",
  t_siblings: "Other texts of this item", t_siblings_none: "no other texts",
  t_empty: "No translations with these filters.", t_in_force: "In force",
  t_outdated: "(on an earlier version of this translation: judge it again)",
  t_no_dutch: "(no Dutch text)", t_correct_first: "Write the right English text first.",
});

const tstate = { items: [], total: 0, reviewed: 0, pos: 0, screen: null, correcting: false };

function tFilters() {
  const out = {};
  for (const sel of document.querySelectorAll("#t-filters select")) if (sel.value) out[sel.dataset.tfilter] = sel.value;
  return out;
}
function tFillFilters() {
  const info = state.info.translations, keep = hashParams();
  const opts = {
    framework: [["", t("all")], ...info.frameworks.map((f) => [f, f])],
    property: [["", t("all")], ...info.properties.map((p) => [p, t("p_" + p)])],
    mine: [["", t("all")], ["todo", t("todo")], ["done", t("done")]],
    others: [["", t("all")], ["reviewed", t("others_reviewed")], ["none", t("others_none")]],
  };
  for (const sel of document.querySelectorAll("#t-filters select")) {
    const name = sel.dataset.tfilter, value = sel.value || keep.get("t" + name) || "";
    sel.replaceChildren(...opts[name].map(([v, label]) => el("option", { value: v, text: label })));
    sel.value = value;
  }
}
function translationsTranslate() {
  if (!state.info) return;
  tFillFilters();
  if (tstate.screen) tRender(tstate.screen);
  tProgress();
}

// ------------------------------------------------------------------ queue and progress
function unitKey(i) { return `${i.subject}|${i.property}`; }
async function loadTranslations(keep) {
  const q = await api("/api/translations", tFilters());
  tstate.items = q.items; tstate.total = q.total; tstate.reviewed = q.reviewed;
  const want = keep || hashParams().get("unit");
  const at = tstate.items.findIndex((i) => unitKey(i) === want);
  tstate.pos = at >= 0 ? at : 0;
  tProgress();
  await tShow(tstate.pos);
}
function tProgress() {
  const left = tstate.total - tstate.reviewed;
  $("t-progress-text").textContent = t("t_progress", { done: tstate.reviewed, total: tstate.total, left });
  $("t-bar").setAttribute("aria-valuemax", tstate.total);
  $("t-bar").setAttribute("aria-valuenow", tstate.reviewed);
  $("t-bar-fill").style.width = tstate.total ? `${(100 * tstate.reviewed) / tstate.total}%` : "0";
  $("t-position").textContent = tstate.items.length ?
    t("t_position", { pos: tstate.pos + 1, n: tstate.items.length }) : "";
}
async function tShow(pos) {
  busy(true);
  try { await tShowUnit(pos); } finally { busy(false); }
}
async function tShowUnit(pos) {
  if (!tstate.items.length) {
    $("t-screen").hidden = true; $("t-empty").hidden = false; tstate.screen = null; tProgress(); return;
  }
  tstate.pos = Math.max(0, Math.min(pos, tstate.items.length - 1));
  const item = tstate.items[tstate.pos];
  const f = tFilters();
  setHash({ unit: unitKey(item), ...Object.fromEntries(["framework", "property", "mine", "others"].map((k) => ["t" + k, f[k]])) });
  const screen = await api("/api/translation", { subject: item.subject, property: item.property });
  $("t-empty").hidden = true; $("t-screen").hidden = false;
  tCloseCorrect();
  $("t-comment").value = screen.mine ? screen.mine.comment || "" : "";
  tRender(screen);
  tProgress();
}

// ------------------------------------------------------------------ rendering
function tBadge(status) { return el("span", { class: `badge ${status}`, id: "t-badge", "data-status": status }, t("ts_" + status)); }
function tDecisionWords(d) {
  const parts = [t("td_" + d.decision)];
  if (d.decision === "correct") parts.push(` “${d.corrected}”`);
  return parts;
}
function tRender(s) {
  tstate.screen = s;
  const it = s.item;
  $("t-item").replaceChildren(
    el("span", { class: "id" }, `${s.subject}${it.notation ? " · " + it.notation : ""} · ${s.framework}${it.type ? " · " + it.type : ""} · `),
    el("b", {}, t("p_" + s.property)),
    it.section ? ` · ${t("section")}: ${it.section}` : "",
  );
  $("t-dutch").textContent = s.dutch || t("t_no_dutch");
  $("t-english").textContent = s.english;
  $("t-status").replaceChildren(tBadge(s.status));
  if (s.in_force) {
    $("t-status").append(el("div", { class: "meta" }, `${t("t_in_force")}: `, ...tDecisionWords(s.in_force),
      ` (${s.in_force.reviewer}, ${s.in_force.date})`));
  }
  const mine = $("t-mine");
  if (!s.mine) {
    mine.className = ""; mine.replaceChildren(t("t_mine_none"));
  } else {
    const m = s.mine;
    const parts = [`${t("mine")}: `, el("span", { id: "t-mine-decision", "data-decision": m.decision }, ...tDecisionWords(m))];
    if (m.comment) parts.push(` — “${m.comment}”`);
    parts.push(el("span", { class: "meta" }, ` (${m.date})`));
    if (m.outdated) parts.push(el("span", { class: "outdated" }, " " + t("t_outdated")));
    mine.className = "done";
    mine.replaceChildren(...parts);
  }
  $("t-others").replaceChildren(...(s.others.length ? s.others.map((o) => el("li", {},
    el("b", {}, o.reviewer), ": ", ...tDecisionWords(o), o.comment ? ` — “${o.comment}”` : "",
    el("span", { class: "meta" }, ` (${o.date})`), o.outdated ? el("span", { class: "outdated" }, " " + t("t_outdated")) : null,
  )) : [el("li", { class: "meta" }, t("t_others_none"))]));
  $("t-siblings").replaceChildren(...(s.siblings.length ? s.siblings.map((o) => el("li", {},
    el("b", {}, t("p_" + o.property)), ": ", el("span", { lang: "nl" }, o.dutch || t("t_no_dutch")),
    el("br"), el("span", { lang: "en", class: "meta" }, o.english),
  )) : [el("li", { class: "meta" }, t("t_siblings_none"))]));
}

// ------------------------------------------------------------------ decisions
async function tDecide(body, advance) {
  const s = tstate.screen;
  if (!s) return;
  body.subject = s.subject; body.property = s.property;
  if (!("comment" in body)) body.comment = $("t-comment").value;
  busy(true);
  try {
    const screen = await post(body, "/api/translation");
    const item = tstate.items[tstate.pos];
    const was = item.done;
    item.done = !!screen.mine && !screen.mine.outdated;
    tstate.reviewed += (item.done ? 1 : 0) - (was ? 1 : 0);
    toast(body.decision === "clear" ? t("cleared") : t("saved"));
    tCloseCorrect();
    tRender(screen);
    tProgress();
    if (advance && tstate.pos < tstate.items.length - 1) await tShowUnit(tstate.pos + 1);
  } catch (err) {
    toast(err.message, true);
  } finally {
    busy(false);
  }
}
function tOpenCorrect() {
  const s = tstate.screen;
  if (!s) return;
  tstate.correcting = true;
  $("t-correctbox").hidden = false;
  $("t-corrected").value = s.mine && s.mine.decision === "correct" ? s.mine.corrected : s.english;
  $("t-corrected").focus();
}
function tCloseCorrect() { tstate.correcting = false; $("t-correctbox").hidden = true; }
function tSaveCorrect() {
  const text = $("t-corrected").value.trim();
  if (!text) { toast(t("t_correct_first"), true); return; }
  tDecide({ decision: "correct", corrected: text }, true);
}
function tSaveComment() {
  const s = tstate.screen;
  if (!s) return;
  if (!s.mine) { toast(t("comment_label")); return; }
  tDecide({ decision: "comment", comment: $("t-comment").value }, false);
}

// ------------------------------------------------------------------ events
function bindTranslations() {
  for (const sel of document.querySelectorAll("#t-filters select")) sel.onchange = () => loadTranslations();
  $("t-prev").onclick = () => tShow(tstate.pos - 1);
  $("t-next").onclick = () => tShow(tstate.pos + 1);
  $("t-btn-confirm").onclick = () => tDecide({ decision: "confirm" }, true);
  $("t-btn-reject").onclick = () => tDecide({ decision: "reject" }, true);
  $("t-btn-correct").onclick = () => tOpenCorrect();
  $("t-btn-comment").onclick = () => $("t-comment").focus();
  $("t-btn-clear").onclick = () => tDecide({ decision: "clear" }, false);
  $("t-save-correct").onclick = () => tSaveCorrect();
  $("t-save-comment").onclick = () => tSaveComment();
  $("t-corrected").addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { tCloseCorrect(); ev.target.blur(); }
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); tSaveCorrect(); }
  });
  $("t-comment").addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { ev.target.blur(); }
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); tSaveComment(); }
  });
}
// app.js's key handler passes the keys here while the translations view is shown
function translationKey(ev) {
  if (!tstate.screen || document.body.dataset.busy) return;
  const k = ev.key;
  if (k === "Escape") { tCloseCorrect(); return; }
  if (k === "j" || k === "ArrowRight") { tShow(tstate.pos + 1); return; }
  if (k === "k" || k === "ArrowLeft") { tShow(tstate.pos - 1); return; }
  const map = { 1: "t-btn-confirm", 2: "t-btn-reject", 3: "t-btn-correct", 5: "t-btn-comment", 0: "t-btn-clear" };
  if (map[k]) { ev.preventDefault(); $(map[k]).click(); }
}
