/* herstelgraph static site: client-side search over concept labels.
   Works from file:// with no server: the index is a script (search-index.js) that sets
   window.HERSTELGRAPH_INDEX, not a JSON file fetched at run time.
   Matching is case- and diacritic-insensitive: NFD, then combining marks removed, so
   "cooperatie" finds "coöperatie". Results are built with textContent, never innerHTML. */
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
  var entries = (window.HERSTELGRAPH_INDEX || []).map(function (e) {
    return { e: e, key: norm([e.label, e.notation, e.id].concat(e.alt || []).join(" ")) };
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
    status.textContent = hits.length + (hits.length === 1 ? " concept" : " concepts") +
      (hits.length > LIMIT ? " (first " + LIMIT + " shown)" : "");
    hits.slice(0, LIMIT).forEach(function (x) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + x.e.url;
      a.className = "result-link";
      a.lang = "nl";
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
