// The deadline calculator (layouts/_partials/deadline.html): the same Go
// code as `ruqsat deadline` (internal/workdays/calc), compiled to
// WebAssembly (cmd/ruqsat-deadline-wasm), computes from the deadline data
// the build generates from the rules (schemas/checklists/deadlines.json).
// Both are loaded the first time the reader touches the form; everything
// then runs in the page, offline. This script only draws the result.
(function () {
  "use strict";
  var roots = document.querySelectorAll("[data-deadline]");
  if (!roots.length) return;
  var lang = document.documentElement.lang || "ru";
  var loading = null;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  // load starts the WebAssembly module once for the page and hands it the
  // data; it resolves when window.ruqsatDeadline is ready.
  function load(root) {
    if (loading) return loading;
    loading = (window.Go ? Promise.resolve() : script(root.getAttribute("data-exec"))).then(function () {
      var ready = new Promise(function (resolve) { window.addEventListener("ruqsat-deadline", resolve, { once: true }); });
      var go = new Go(), url = root.getAttribute("data-wasm");
      var inst = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(url), go.importObject)
        : fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      var data = fetch(root.getAttribute("data-data")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      });
      return Promise.all([inst, data]).then(function (v) {
        go.run(v[0].instance);
        return ready.then(function () {
          var err = window.ruqsatDeadline.init(v[1]);
          if (err) throw new Error(err);
        });
      });
    });
    loading.catch(function () { loading = null; });
    return loading;
  }

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function loc(m) { return (m && (m[lang] || m.ru || m.en)) || ""; }
  // date writes an ISO date for people, in a <time> with the date itself.
  // The words are the site's own (legalfmt, via the page's #ruqsat-dates):
  // a date standing alone, Kazakh nominative «2026 жылғы 5 желтоқсан», as
  // legal text writes it, not the browser's locale («2026 ж. 5 желтоқсан»).
  var dates = null;
  try { dates = JSON.parse(document.getElementById("ruqsat-dates").textContent); } catch (e) { /* the browser's words */ }
  function date(iso, weekday) {
    var d = new Date(iso + "T00:00:00Z"), text = iso, p = iso.split("-");
    if (dates && dates.pattern && dates.month_cases && dates.month_cases.nom) {
      text = dates.pattern.replace("{d}", String(+p[2])).replace("{m}", dates.month_cases.nom[+p[1] - 1]).replace("{y}", p[0]);
    } else {
      try { text = d.toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }); } catch (e) { /* the ISO date */ }
    }
    return el("time", { datetime: iso, text: text + (weekday ? ", " + loc(weekday) : "") });
  }
  // cite writes a citation as the page's footnotes do: an act in the
  // sources links to its words in the act's text; a calendar act names its
  // article, how far it can be trusted and the pages it was read from.
  function cite(c) {
    var title = loc(c.title) || c.act || "";
    if (c.authority === "sources" && c.act) {
      var label = title + (loc(c.label) || c.at ? ", " + (loc(c.label) || c.at) : "");
      return el("a", { href: (c.url && c.url[lang]) || "/" + lang + "/acts/" + c.act + "/", text: label });
    }
    var parts = [];
    if (title) parts.push(title);
    if (c.article) parts.push(loc(c.article));
    var span = el("span", { text: parts.join(", ") });
    (c.pages || []).forEach(function (p, i) {
      span.appendChild(document.createTextNode(i ? ", " : (parts.length ? " — " : "")));
      span.appendChild(/^https?:/.test(p) ? el("a", { href: p, rel: "noopener", text: p.replace(/^https?:\/\//, "") }) : document.createTextNode(p));
    });
    return span;
  }
  function cites(cs) {
    var seen = {}, out = el("span", { class: "deadline-cites" });
    (cs || []).forEach(function (c) {
      var key = JSON.stringify(c);
      if (seen[key]) return;
      seen[key] = true;
      out.appendChild(document.createTextNode(out.childNodes.length ? "; " : " ["));
      out.appendChild(cite(c));
    });
    if (out.childNodes.length) out.appendChild(document.createTextNode("]"));
    return out;
  }

  function warnings(ws, M) {
    if (!ws || !ws.length) return null;
    return el("div", { class: "deadline-warn" }, [
      el("p", { text: M.warnings + ":" }),
      el("ul", {}, ws.map(function (w) { return el("li", { "data-code": w.code, text: loc(w.message) }); }))
    ]);
  }

  function render(out, r, M) {
    out.textContent = "";
    if (r.error) { out.appendChild(el("p", { class: "deadline-error", role: "alert", text: loc(r.error) })); return; }
    var filed = r.filed.split("T");
    var chain = el("ol", { class: "deadline-chain" }, [
      el("li", { class: "deadline-filed" }, [M.filed + ": ", date(filed[0]), filed[1] ? " " + M.at + " " + filed[1] : ""]),
      el("li", { class: "deadline-received" }, [M.received + ": ", date(r.received.date, r.received.weekday), " — " + loc(r.received.why), cites(r.received.cites)]),
      r.due
        ? el("li", { class: "deadline-due" }, [M.due + ": ", date(r.due.date, r.due.weekday), r.confirmed ? "" : " (" + M.not_confirmed + ")", cites(r.due.cites)])
        : el("li", { class: "deadline-due deadline-none", text: M.no_due })
    ]);
    out.appendChild(chain);
    if (r.steps && r.steps.length) {
      out.appendChild(el("p", { text: M.steps + ":" }));
      out.appendChild(el("ol", { class: "deadline-steps" }, r.steps.map(function (s) {
        return el("li", {}, [
          s.date ? date(s.date, s.weekday) : null, s.date ? " — " : "",
          loc(s.actor_name) + ": " + loc(s.text), s.note ? " (" + loc(s.note) + ")" : "", cites(s.cites)
        ]);
      })));
    }
    if (r.calendar && r.calendar.length) {
      out.appendChild(el("p", { text: M.crossed + ":" }));
      out.appendChild(el("ul", { class: "deadline-crossed" }, r.calendar.map(function (d) {
        return el("li", { "data-kind": d.kind }, [date(d.date, d.weekday), " — " + loc(d.what), d.confirmed ? "" : " (" + M.not_confirmed + ")", cites(d.cites)]);
      })));
    }
    out.appendChild(warnings(r.warnings, M) || document.createTextNode(""));
  }

  function renderWindow(out, r, M) {
    out.textContent = "";
    if (r.error) { out.appendChild(el("p", { class: "deadline-error", role: "alert", text: loc(r.error) })); return; }
    out.appendChild(el("p", { class: "deadline-last" }, [M.window_last + ": ", date(r.last.date, r.last.weekday), r.confirmed ? "" : " (" + M.not_confirmed + ")", cites(r.last.cites)]));
    out.appendChild(warnings(r.warnings, M) || document.createTextNode(""));
  }

  Array.prototype.forEach.call(roots, function (root) {
    var M = JSON.parse(root.getAttribute("data-msgs"));
    var service = root.getAttribute("data-service"), edition = root.getAttribute("data-edition");
    var form = root.querySelector(".deadline-form"), out = root.querySelector(".deadline-result");
    var wform = root.querySelector(".deadline-window"), wout = root.querySelector(".deadline-window-result");
    // With JavaScript the form shows; the terms in words stay above it.
    form.hidden = false;
    if (wform) wform.hidden = false;
    var warm = function () { load(root).catch(function () {}); };
    root.addEventListener("focusin", warm, { once: true });
    root.addEventListener("pointerdown", warm, { once: true });
    function run(target, f) {
      target.textContent = M.loading;
      root.setAttribute("aria-busy", "true");
      load(root).then(function () { f(); }, function () {
        target.textContent = "";
        target.appendChild(el("p", { class: "deadline-error", role: "alert", text: M.failed }));
      }).then(function () { root.removeAttribute("aria-busy"); });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var d = form.elements.date.value, t = form.elements.time.value;
      if (!d) return;
      run(out, function () {
        var res = window.ruqsatDeadline.deadline({ service: service, edition: edition, kind: form.elements.kind.value, filed: t ? d + "T" + t : d });
        render(out, JSON.parse(res), M);
        root.setAttribute("data-done", "deadline");
      });
    });
    if (wform) wform.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var d = wform.elements.change.value;
      if (!d) return;
      run(wout, function () {
        renderWindow(wout, JSON.parse(window.ruqsatDeadline.window({ service: service, edition: edition, change: d })), M);
        root.setAttribute("data-done", "window");
      });
    });
  });
})();
