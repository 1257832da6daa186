// Site search with Pagefind's own index (built at build time, served from
// this site: no third-party service). Kazakh pages carry a second, stemmed
// and letter-folded copy of their words (data-stems), and Kazakh queries are
// stemmed the same way (kkstem.js), so «куәліктер», «куәлігі» and «куалик»
// all find «куәлік».
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var lang = document.documentElement.lang;
  var msgs = JSON.parse(form.getAttribute("data-msgs") || "{}");
  var pf = null;

  function load() {
    if (pf) return Promise.resolve(pf);
    return import("/pagefind/pagefind.js").then(function (m) {
      pf = m;
      return pf.options({ baseUrl: "/" }).then(function () { return pf; });
    });
  }

  function queries(q) {
    var out = [q];
    if (lang === "kk" && window.RuqsatKK) {
      var stems = window.RuqsatKK.tokens(q).join(" ");
      if (stems && stems !== q) out.push(stems);
    }
    return out;
  }

  function run(q) {
    q = q.trim();
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    status.textContent = msgs.loading || "…";
    load().then(function (pf) {
      return Promise.all(queries(q).map(function (x) { return pf.search(x); }));
    }).then(function (searches) {
      var seen = {}, hits = [];
      searches.forEach(function (s) {
        if (!s) return;
        s.results.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; hits.push(r); } });
      });
      return Promise.all(hits.slice(0, 25).map(function (r) { return r.data(); }));
    }).then(function (data) {
      status.textContent = data.length ? (msgs.results || "%s").replace("%s", data.length) : (msgs.none || "0");
      data.forEach(function (d) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = d.url;
        a.textContent = (d.meta && d.meta.title) || d.url;
        li.appendChild(a);
        var p = document.createElement("p");
        p.innerHTML = d.excerpt; // Pagefind escapes page text and adds <mark>
        li.appendChild(p);
        list.appendChild(li);
      });
    }).catch(function () {
      status.textContent = msgs.unavailable || "";
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
