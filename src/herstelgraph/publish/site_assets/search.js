/* herstelgraph static site: client-side search over concept labels, Dutch and English.
   Works from file:// with no server: the index is a script (search-index.js) that sets
   window.HERSTELGRAPH_INDEX, not a JSON file fetched at run time.
   Matching is case- and diacritic-insensitive: NFD, then combining marks removed, so
   "cooperatie" finds "coöperatie". Each entry holds its label in the page's language and in
   the other one, so a Dutch or an English word finds it in either tree. The words around the
   results come from the search box's data-* attributes (the page's language). Results are
   built with textContent, never innerHTML. */
(function () {
  "use strict";
  function norm(text) {
    return String(text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  var input = document.getElementById("search");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  if (!input || !list) { return; }
  var root = input.getAttribute("data-root") || "";
  var one = input.getAttribute("data-one") || "item";
  var many = input.getAttribute("data-many") || "items";
  var first = input.getAttribute("data-first") || "the first {n} shown";
  var entries = (window.HERSTELGRAPH_INDEX || []).map(function (e) {
    return {
      e: e,
      key: norm([e.label, e.other, e.notation, e.id].concat(e.alt || []).join(" "))
    };
  });
  var LIMIT = 200;
  function run() {
    var q = norm(input.value).trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { status.textContent = ""; return; }
    var terms = q.split(/\s+/);
    var hits = entries.filter(function (x) {
      return terms.every(function (t) { return x.key.indexOf(t) !== -1; });
    });
    status.textContent = hits.length + " " + (hits.length === 1 ? one : many) +
      (hits.length > LIMIT ? " (" + first.replace("{n}", String(LIMIT)) + ")" : "");
    hits.slice(0, LIMIT).forEach(function (x) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + x.e.url;
      a.className = "result-link";
      a.lang = x.e.lang || "nl";
      a.textContent = x.e.label;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + x.e.framework + (x.e.notation ? " " + x.e.notation : "") +
        " · " + x.e.type;
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  run();
})();
