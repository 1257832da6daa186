// The "Check my package" page: a guided form generated from the checklist
// schema, and a drop zone for a whole package, both checked by the same Go
// checker as `ruqsat check`, compiled to WebAssembly. Nothing is sent
// anywhere: files are read into memory and checked in this page.
(function () {
  "use strict";
  var root = document.getElementById("checker");
  if (!root) return;
  var M = JSON.parse(root.getAttribute("data-msgs"));
  var lang = document.documentElement.lang;
  var today = root.getAttribute("data-today") || new Date().toISOString().slice(0, 10);
  var $ = function (id) { return document.getElementById(id); };
  var form = $("checker-form"), results = $("checker-results"), status = $("checker-status");
  // touched: the applicant has answered, typed, chosen or dropped
  // something (answers remembered from an earlier visit count): until
  // then the page checks nothing and shows no error, only a prompt.
  var state = { service: root.getAttribute("data-service") || "", edition: "", kind: "", meta: null, files: {}, services: [], touched: false };
  // A service's own page refuses a package dropped for another service.
  var pageService = root.getAttribute("data-service") || "";
  var timer = null;
  // A signed document (CMS) and a one-page PDF for the warm-up check (from
  // internal/gen/examples).
  var WARM_CMS = "MIIDWwYJKoZIhvcNAQcCoIIDTDCCA0gCAQExDTALBglghkgBZQMEAgEwJAYJKoZIhvcNAQcBoBcEFVJ1cXNhdCB0ZXN0IGRvY3VtZW50CqCCAYcwggGDMIIBKaADAgECAhRlSn8IvWvI5LCnbbV9hszRg2w05TAKBggqhkjOPQQDAjAWMRQwEgYDVQQDDAtydXFzYXQtdGVzdDAgFw0yNjExMjkxODA3MThaGA8yMTI2MTEwNTE4MDcxOFowFjEUMBIGA1UEAwwLcnVxc2F0LXRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASFrhgUBx4sF4l29cPR4R2mIXZATG5pGOSLNeKlojv+yyoQGw+HbexSbei8PY1b0Zj71oPlJj0iHUjuolqRJeaIo1MwUTAdBgNVHQ4EFgQUwVaNAEGN+uyrHOPs+Yv21fesIaUwHwYDVR0jBBgwFoAUwVaNAEGN+uyrHOPs+Yv21fesIaUwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBcL6w0CB5fxknyc1ZiT3D9CYeHAMfb0a9sXY+NH3s27AIhAMqVOwRBZLbZIimcLDqFonAAW4zU/HkgqIx2nUli+BreMYIBgTCCAX0CAQEwLjAWMRQwEgYDVQQDDAtydXFzYXQtdGVzdAIUZUp/CL1ryOSwp221fYbM0YNsNOUwCwYJYIZIAWUDBAIBoIHkMBgGCSqGSIb3DQEJAzELBgkqhkiG9w0BBwEwHAYJKoZIhvcNAQkFMQ8XDTI2MTEyOTE4MDcxOFowLwYJKoZIhvcNAQkEMSIEIMw4Ms6PiWkyQH0j3G6xlC1gXaoOmDdHvE6BbfzdBlACMHkGCSqGSIb3DQEJDzFsMGowCwYJYIZIAWUDBAEqMAsGCWCGSAFlAwQBFjALBglghkgBZQMEAQIwCgYIKoZIhvcNAwcwDgYIKoZIhvcNAwICAgCAMA0GCCqGSIb3DQMCAgFAMAcGBSsOAwIHMA0GCCqGSIb3DQMCAgEoMAoGCCqGSM49BAMCBEgwRgIhAL36Tg7rPhy7c3FfpIpLERfs851d+eGXCQQSzyHAQvtOAiEArvVeMn7j1haCCZADjdzEsHgaag4Ao8Vs6pg+G9xvxXI=";
  var WARM_PDF = "JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA1OTUgODQyXSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCAxNzEgPj4Kc3RyZWFtCkJUIC9GMSAxNCBUZiA1NiA3ODAgVGQgKFJ1cXNhdCBleGFtcGxlIGRvY3VtZW50OiBQcm9vZiB0aGF0IHRoZSBsaWNlbmNlIGZlZSB3YXMgcGFpZCB0byB0aGUgYnVkZ2V0IFwobm90IG5lZWRlZCB3aGVuIHBhaWQgdGhyb3VnaCB0aGUgZS1nb3Zlcm5tZW50IHBheW1lbnQgZ2F0ZXdheVwpKSBUaiBFVAplbmRzdHJlYW0KZW5kb2JqCjUgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9udCAvSGVsdmV0aWNhID4+CmVuZG9iagp4cmVmCjAgNgowMDAwMDAwMDAwIDY1NTM1IGYgCjAwMDAwMDAwMTUgMDAwMDAgbiAKMDAwMDAwMDA2NCAwMDAwMCBuIAowMDAwMDAwMTIxIDAwMDAwIG4gCjAwMDAwMDAyNDcgMDAwMDAgbiAKMDAwMDAwMDQ2OSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDYgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjUzOQolJUVPRgo=";

  // The signature verifier is a module of its own (about 1 MB), loaded
  // the first time a package holds a signature; until then, and if it
  // fails to load, the checker reports signatures as not verified.
  var sigLoad = null;
  function loadSig() {
    if (window.ruqsatSig) return Promise.resolve();
    if (sigLoad) return sigLoad;
    sigLoad = new Promise(function (resolve) {
      window.addEventListener("ruqsat-sig", function () { resolve(); }, { once: true });
      var g = new Go(), url = root.getAttribute("data-sig-wasm");
      var p = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(fetch(url), g.importObject)
        : fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, g.importObject); });
      p.then(function (r) { g.run(r.instance); }).catch(function () { resolve(); });
    });
    return sigLoad;
  }
  // looksSigned: a CMS file as DER, base64, PEM, or the S/MIME text.
  function looksSigned(b) {
    if (!b || !b.length) return false;
    if (b[0] === 0x30) return true;
    var head = String.fromCharCode.apply(null, b.subarray(0, 16));
    return /^\s*(MI|-----BEGIN|MIME-|Content-)/i.test(head);
  }
  window.ruqsatLoadSig = loadSig; // for tests, and a page script that knows a signature comes
  function anySigned(files) { return Object.keys(files).some(function (k) { return looksSigned(files[k]); }); }

  function t(key) { return M[key] || key; }
  function loc(m) { return (m && (m[lang] || m.ru || m.en)) || ""; }
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

  // Start: without WebAssembly the page keeps its explanation and links.
  if (typeof WebAssembly !== "object" || typeof Go !== "function") return;
  $("checker-loading").hidden = false;
  var started = performance.now();
  // The WebAssembly starts, then gets the checklists (one bundle, same
  // origin), then the form is built.
  window.addEventListener("ruqsat-wasm", function () {
    fetch(root.getAttribute("data-checklists")).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (b) {
      var err = window.ruqsat.init(b);
      if (err) throw new Error(err);
      window.dispatchEvent(new Event("ruqsat-ready"));
    }).catch(function () {
      $("checker-loading").hidden = true;
      $("checker-failed").hidden = false;
    });
  });
  window.addEventListener("ruqsat-ready", function () {
    root.setAttribute("data-ready-ms", String(Math.round(performance.now() - started)));
    $("checker-loading").hidden = true;
    $("checker-nojs").hidden = true;
    form.hidden = false;
    $("checker-drop").hidden = false;
    init();
  });
  var go = new Go();
  var wasm = root.getAttribute("data-wasm");
  var inst = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch(wasm), go.importObject)
    : fetch(wasm).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  inst.then(function (r) { go.run(r.instance); }).catch(function () {
    $("checker-loading").hidden = true;
    $("checker-failed").hidden = false;
  });

  function init() {
    state.services = JSON.parse(window.ruqsat.services());
    var svcSel = $("chk-service");
    if (svcSel) {
      state.services.forEach(function (s) {
        if (!s.editions.some(function (e) { return e.kinds && e.kinds.some(function (k) { return k.checklist; }); })) return;
        svcSel.appendChild(el("option", { value: s.id, text: loc(s.name) }));
      });
      if (!state.service) state.service = svcSel.value;
      svcSel.value = state.service;
      svcSel.addEventListener("change", function () { state.service = svcSel.value; state.edition = ""; chooser(); });
    }
    $("chk-edition").addEventListener("change", function () { state.edition = $("chk-edition").value; state.kind = ""; chooser(); });
    $("chk-kind").addEventListener("change", function () { state.kind = $("chk-kind").value; renderForm(); });
    $("chk-remember").addEventListener("change", function () { if (!this.checked) localStorage.removeItem(storeKey()); else save(); });
    $("chk-download").addEventListener("click", download);
    $("chk-check").addEventListener("click", function () { state.touched = true; clearTimeout(timer); run(reveal); });
    setupDrop();
    chooser();
    // Warm up: the first run of a code path in WebAssembly is slow until
    // the browser has compiled it fully, so check the form's own package as
    // a zip once while the page is idle; a dropped package then gets its
    // verdict at once.
    (window.requestIdleCallback || setTimeout)(function () {
      try {
        var bytes = function (b64) { return Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }); };
        var g = manifest(), files = packageFiles(g), pdf = bytes(WARM_PDF), cms = bytes(WARM_CMS);
        (state.meta.questions || []).forEach(function (q) { g.man.answers[q.id] = g.man.answers[q.id] || q.options[0].id; });
        state.meta.documents.forEach(function (d) {
          if (d.fetched || d.medium === "data" || d.medium === "object") return;
          var p = "w/" + d.id + (d.signed ? ".p7s" : ".pdf");
          g.man.documents[d.id] = p;
          files[p] = d.signed ? cms : pdf;
        });
        files["manifest.json"] = new TextEncoder().encode(JSON.stringify(g.man));
        window.ruqsat.checkZip({ zip: window.ruqsat.zip({ files: files }), name: "warm-up.zip", today: today });
      } catch (e) { /* only a warm-up */ }
      root.setAttribute("data-warm", "1");
    });
  }

  function service() { return state.services.filter(function (s) { return s.id === state.service; })[0]; }

  // chooser fills the edition and kind lists. The default edition is the
  // one in force today by the sources, even when its list is not in the
  // sources (then the page says so and offers no form): a repealed
  // edition is never the default, only a choice for reference.
  function chooser() {
    var s = service(), edSel = $("chk-edition"), kSel = $("chk-kind");
    edSel.textContent = "";
    var current = window.ruqsat.editionOn(state.service, today);
    var usable = s.editions.filter(function (e) { return e.edition === current || (e.kinds || []).some(function (k) { return k.checklist; }); });
    usable.slice().reverse().forEach(function (e) { edSel.appendChild(el("option", { value: e.edition, text: e.edition })); });
    if (!state.edition) state.edition = current || (usable.length ? usable[usable.length - 1].edition : "");
    edSel.value = state.edition;
    kSel.textContent = "";
    var ed = usable.filter(function (e) { return e.edition === state.edition; })[0];
    var kinds = (ed && ed.kinds || []).filter(function (k) { return k.checklist; });
    $("chk-edition-note").textContent = (state.edition === current ? t("edition_current") : t("edition_old")) + (kinds.length ? "" : " — " + t("edition_none"));
    kinds.forEach(function (k) {
      kSel.appendChild(el("option", { value: k.kind, text: (M["kind_" + k.kind] || k.kind) + (k.partial ? " — " + t("partial") : "") }));
    });
    if (!state.kind || !kinds.some(function (k) { return k.kind === state.kind; })) state.kind = kSel.value;
    kSel.value = state.kind;
    renderForm();
  }

  function storeKey() { return "ruqsat-form:" + state.service + ":" + state.edition + ":" + state.kind; }

  // renderForm builds the questions, the application's fields and one slot
  // per checklist item from the checklist's x-ruqsat annotation.
  function renderForm() {
    var raw = state.kind ? window.ruqsat.checklist(state.service, state.edition, state.kind) : null;
    // No checklist (the edition's list is not in the sources): no form to
    // fill; the edition's note says why, the drop zone still answers.
    ["checker-questions", "checker-fields", "checker-items"].forEach(function (id) { $(id).textContent = ""; });
    if (!raw) {
      state.meta = { questions: [], subspecies: [], documents: [] };
      form.oninput = form.onchange = null;
      clearTimeout(timer);
      root.removeAttribute("data-verdict");
      status.textContent = "";
      status.className = "verdict";
      results.textContent = "";
      return;
    }
    var schema = JSON.parse(raw);
    var m = state.meta = schema["x-ruqsat"];
    state.files = {};
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(storeKey()) || "null"); } catch (e) { saved = null; }
    $("chk-remember").checked = !!saved;
    var qs = $("checker-questions");
    qs.textContent = "";
    (m.questions || []).forEach(function (q) {
      var fs = el("fieldset", { class: "question", id: "question-" + q.id, "data-question": q.id }, [el("legend", { text: loc(q.text) })]);
      q.options.forEach(function (o, i) {
        var id = "q-" + q.id + "-" + o.id;
        var input = el("input", { type: "radio", name: "q-" + q.id, id: id, value: o.id });
        if (saved && saved.answers && saved.answers[q.id] === o.id) input.checked = true;
        fs.appendChild(el("div", { class: "choice" }, [input, el("label", { for: id, text: loc(o.text) })]));
      });
      qs.appendChild(fs);
    });
    if ((m.subspecies || []).length) {
      var sf = el("fieldset", { class: "question" }, [el("legend", { text: t("subspecies") })]);
      m.subspecies.forEach(function (o) {
        var id = "sub-" + o.id;
        var input = el("input", { type: "checkbox", name: "subspecies", id: id, value: o.id });
        if (saved && saved.answers && (saved.answers.subspecies || []).indexOf(o.id) >= 0) input.checked = true;
        sf.appendChild(el("div", { class: "choice" }, [input, el("label", { for: id, text: loc(o.text) })]));
      });
      qs.appendChild(sf);
    }
    var fields = [["applicant.name", t("f_name"), "text"], ["applicant.bin", t("f_bin"), "text"], ["applicant.iin", t("f_iin"), "text"], ["applicant.address", t("f_address"), "text"], ["filed", t("f_filed"), "date"]];
    if (m.fee && m.fee.due && m.fee.mci) fields.push(["fee.paid", t("f_fee_paid"), "number"], ["fee.date", t("f_fee_date"), "date"]);
    if (m.renewal_window) fields.push(["change.date", t("f_change_date"), "date"], ["change.what", t("f_change_what"), "text"]);
    var ff = $("checker-fields");
    ff.textContent = "";
    fields.forEach(function (f) {
      var id = "f-" + f[0].replace(".", "-");
      var input = el("input", { type: f[2], id: id, "data-field": f[0] });
      if (f[2] === "number") { input.setAttribute("min", "0"); input.setAttribute("step", "1"); input.setAttribute("inputmode", "numeric"); }
      if (f[0] === "applicant.bin" || f[0] === "applicant.iin") { input.setAttribute("inputmode", "numeric"); input.setAttribute("maxlength", "12"); input.setAttribute("autocomplete", "off"); }
      if (f[0] === "filed") input.value = today;
      if (saved && saved.fields && saved.fields[f[0]] !== undefined) input.value = saved.fields[f[0]];
      ff.appendChild(el("div", { class: "field", "data-for": f[0] }, [el("label", { for: id, text: f[1] }), input]));
    });
    var items = $("checker-items");
    items.textContent = "";
    m.documents.forEach(function (d) {
      if (d.fetched || d.medium === "object") return;
      var id = "item-" + d.id;
      var cite = (d.cite || [])[0];
      var label = el("label", { for: id, text: loc(d.name) });
      var meta = el("p", { class: "item-meta" }, [t("medium_" + d.medium) + (d.signed ? " · " + t("signed") : "") + (d.if_any ? " · " + t("if_any") : "")]);
      if (cite) {
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(el("a", { href: cite.url[lang], text: loc(cite.act_name) + ", " + loc(cite.at_label) }));
      }
      var input = d.medium === "data"
        ? el("input", { type: "text", id: id, "data-info": d.id })
        : el("input", { type: "file", id: id, multiple: "multiple", "data-item": d.id });
      if (d.medium === "data" && saved && saved.info && saved.info[d.id]) input.value = saved.info[d.id];
      var slot = el("div", { class: "item", id: "slot-" + d.id, "data-when": JSON.stringify(d.when || {}) }, [label, meta, input, el("ul", { class: "item-findings", id: "findings-" + d.id })]);
      items.appendChild(slot);
    });
    form.oninput = form.onchange = function (ev) {
      if (ev.target && ev.target.id === "chk-edition") return;
      if (ev.target && ev.target.type === "file" && ev.type === "change") { readFiles(ev.target); return; }
      // What is asked and required follows an answer at once, before any
      // check runs.
      if (ev.target && ev.target.closest && ev.target.closest("#checker-questions")) manifest();
      // Only the applicant's own answers, fields and items start the
      // checking; the choosers and the "remember" box do not.
      if (ev.target && ev.target.closest && ev.target.closest("#checker-questions, #checker-fields, #checker-items")) state.touched = true;
      if (state.touched) schedule();
    };
    manifest(); // hides the questions not asked and the items not required
    state.touched = !!saved;
    if (state.touched) schedule(); else prompt();
  }

  // prompt is the neutral state before the applicant has done anything:
  // no verdict, nothing red, a line saying what to do.
  function prompt() {
    clearTimeout(timer);
    root.removeAttribute("data-verdict");
    Array.prototype.forEach.call(document.querySelectorAll(".item-findings"), function (u) { u.textContent = ""; });
    Array.prototype.forEach.call(document.querySelectorAll(".item"), function (s) { s.removeAttribute("data-state"); });
    status.textContent = t("prompt");
    status.className = "verdict verdict-none";
    results.textContent = "";
  }

  // reveal brings the verdict to the top of the screen and moves focus to
  // the summary of problems (or to the verdict, when there are none), as
  // GOV.UK's error summary does: a screen reader reads it next.
  function reveal() {
    var target = $("checker-summary") || status;
    // The results' heading at the top of the screen, the verdict under it.
    $("results-h").scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function readFiles(input) {
    state.touched = true;
    var id = input.getAttribute("data-item");
    var list = Array.prototype.slice.call(input.files);
    Promise.all(list.map(function (f) {
      return f.arrayBuffer().then(function (b) { return { name: f.name, bytes: new Uint8Array(b) }; });
    })).then(function (fs) {
      if (fs.length) state.files[id] = fs; else delete state.files[id];
      schedule();
    });
  }

  // answers are the answers to the questions asked, and hides the others.
  // A question is asked where it decides something: its asked_when in the
  // checklist's x-ruqsat annotation, the rule the library applies
  // (contract.Question.Asked), so that the form never asks what the checker
  // would not require. An answer given to a question that stops being
  // asked stays in its radio buttons, hidden, and out of the manifest;
  // since that can in turn stop another question being asked, this is
  // repeated until nothing changes.
  function answers() {
    var a = {};
    var qs = state.meta.questions || [];
    qs.forEach(function (q) {
      var c = form.querySelector("input[name='q-" + q.id + "']:checked");
      if (c) a[q.id] = c.value;
    });
    var subs = Array.prototype.map.call(form.querySelectorAll("input[name=subspecies]:checked"), function (c) { return c.value; });
    if ((state.meta.subspecies || []).length) a.subspecies = subs;
    var asked = {};
    for (var changed = true; changed;) {
      changed = false;
      qs.forEach(function (q) {
        asked[q.id] = isAsked(q, a);
        if (!asked[q.id] && q.id in a) { delete a[q.id]; changed = true; }
      });
    }
    qs.forEach(function (q) {
      var fs = $("question-" + q.id);
      if (fs) fs.hidden = !asked[q.id];
    });
    return a;
  }

  // isAsked is contract.Question.Asked: always, or when the answers meet
  // one of its conditions.
  function isAsked(q, a) {
    return !(q.asked_when || []).length || q.asked_when.some(function (w) { return applies(w, a); });
  }

  function applies(when, a) {
    return Object.keys(when).every(function (q) {
      var v = a[q];
      if (Array.isArray(v)) return v.some(function (x) { return when[q].indexOf(x) >= 0; });
      return when[q].indexOf(v) >= 0;
    });
  }

  // manifest gathers the form into the package manifest format of the CLI.
  function manifest() {
    var a = answers();
    var man = { ruqsat: 1, service: state.service, edition: state.edition, kind: state.kind, answers: a, documents: {} };
    var fields = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-field]"), function (i) {
      fields[i.getAttribute("data-field")] = i.value;
      if (!i.value) return;
      var parts = i.getAttribute("data-field").split(".");
      var v = i.type === "number" ? Number(i.value) : i.value.trim();
      if (parts.length === 1) man[parts[0]] = v;
      else { man[parts[0]] = man[parts[0]] || {}; man[parts[0]][parts[1]] = v; }
    });
    var isLE = a.applicant === "legal-entity" || a.applicant === "branch";
    var isInd = a.applicant === "individual" || a.applicant === "individual-entrepreneur";
    show("applicant.bin", !isInd); show("applicant.iin", !isLE);
    if (man.applicant) { if (isLE) delete man.applicant.iin; if (isInd) delete man.applicant.bin; }
    var info = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-info]"), function (i) {
      if (i.value.trim()) info[i.getAttribute("data-info")] = i.value.trim();
    });
    if (Object.keys(info).length) man.info = info;
    var files = {};
    state.meta.documents.forEach(function (d) {
      var slot = $("slot-" + d.id);
      if (slot) slot.hidden = !!d.when && !applies(d.when, a);
      var fs = state.files[d.id];
      if (!fs || !fs.length) return;
      var paths = fs.map(function (f) { var p = "docs/" + d.id + "/" + f.name.replace(/[\\/]/g, "_"); files[p] = f.bytes; return p; });
      man.documents[d.id] = paths.length === 1 ? paths[0] : paths;
    });
    return { man: man, files: files, fields: fields, info: info, answers: a };
  }

  function show(field, on) {
    var d = form.querySelector("[data-for='" + field + "']");
    if (d) d.hidden = !on;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function packageFiles(g) {
    var files = {};
    Object.keys(g.files).forEach(function (k) { files[k] = g.files[k]; });
    files["manifest.json"] = new TextEncoder().encode(JSON.stringify(g.man, null, 2));
    return files;
  }

  // run checks the form's package; then, if given, calls after (the
  // "check" button's reveal).
  function run(after) {
    var g = manifest();
    if ($("chk-remember").checked) save(g);
    var files = packageFiles(g);
    if (!window.ruqsatSig && anySigned(files)) { loadSig().then(function () { run(after); }); return; }
    var t0 = performance.now();
    var rep = JSON.parse(window.ruqsat.check({ files: files, name: t("form_package"), today: today }));
    root.setAttribute("data-check-ms", (performance.now() - t0).toFixed(1));
    render(rep, true);
    if (typeof after === "function") after();
  }

  function save(g) {
    g = g || manifest();
    localStorage.setItem(storeKey(), JSON.stringify({ answers: g.answers, fields: g.fields, info: g.info }));
  }

  // render shows the verdict, a summary linking to each problem, then the
  // findings: errors, then warnings, then notes, each with the checklist
  // item it concerns; from the form, also beside each item.
  function render(rep, fromForm) {
    root.setAttribute("data-verdict", rep.verdict);
    Array.prototype.forEach.call(document.querySelectorAll(".item-findings"), function (u) { u.textContent = ""; });
    Array.prototype.forEach.call(document.querySelectorAll(".item"), function (s) { s.removeAttribute("data-state"); });
    var errs = 0, warns = 0;
    rep.findings.forEach(function (f) { if (f.severity === "error") errs++; else if (f.severity === "warning") warns++; });
    status.textContent = t("verdict_" + rep.verdict) + " — " + t("counts").replace("%e", errs).replace("%w", warns);
    status.className = "verdict verdict-" + rep.verdict;
    results.textContent = "";
    var names = {};
    (rep.items || []).forEach(function (i) { names[i.id] = loc(i.name); });
    // The item a finding concerns, named before its message unless the
    // message names it already.
    var itemOf = function (f) { var n = f.item && names[f.item]; return n && loc(f.message).indexOf(n) < 0 ? n : ""; };
    var bySev = { error: [], warning: [], info: [] };
    rep.findings.forEach(function (f, i) { (bySev[f.severity] || bySev.info).push({ f: f, id: "finding-" + i }); });
    // The summary: one link per error and warning, to the field or item
    // of the form it concerns, or to its entry below for a dropped package.
    var problems = bySev.error.concat(bySev.warning);
    if (problems.length) {
      var sum = el("div", { id: "checker-summary", class: "problems problems-" + rep.verdict, tabindex: "-1", "aria-labelledby": "summary-h" }, [
        el("h3", { id: "summary-h", text: t("summary_h") })]);
      var sl = el("ul", {});
      problems.forEach(function (p) {
        var a = el("a", { href: "#" + (fromForm && fieldOf(p.f) || p.id), "data-code": p.f.code, text: (itemOf(p.f) ? itemOf(p.f) + ": " : "") + loc(p.f.message) });
        a.addEventListener("click", function (ev) {
          var to = $(a.getAttribute("href").slice(1));
          if (!to) return;
          ev.preventDefault();
          (to.closest(".item, .field, fieldset, li") || to).scrollIntoView({ block: "center" });
          to.focus({ preventScroll: true });
        });
        sl.appendChild(el("li", { class: "sev-" + p.f.severity }, [a]));
      });
      sum.appendChild(sl);
      results.appendChild(sum);
    }
    [["error", "errors_h"], ["warning", "warnings_h"], ["info", "notes_h"]].forEach(function (g) {
      var list = bySev[g[0]];
      if (!list.length) return;
      var ul = el("ul", {});
      list.forEach(function (p) {
        var li = finding(p.f, true);
        li.id = p.id;
        li.setAttribute("tabindex", "-1");
        if (itemOf(p.f)) li.insertBefore(el("span", { class: "item-name", text: itemOf(p.f) + ": " }), li.firstChild.nextSibling);
        ul.appendChild(li);
        var slot = p.f.item && $("findings-" + p.f.item);
        if (fromForm && slot) {
          slot.appendChild(finding(p.f));
          var s = $("slot-" + p.f.item);
          if (p.f.severity === "error") s.setAttribute("data-state", "error");
          else if (!s.getAttribute("data-state") && p.f.severity === "warning") s.setAttribute("data-state", "warning");
        }
      });
      results.appendChild(el("section", { class: "result-group result-" + g[0] }, [el("h3", { text: t(g[1]) + " (" + list.length + ")" }), ul]));
    });
    // Why the verdict is not "ready" although nothing is wrong, then what
    // no check can see: every report ends with it.
    var nc = rep.findings.filter(function (f) { return f.unchecked; });
    if (nc.length) {
      results.appendChild(el("section", { class: "result-group not-checked" }, [el("h3", { text: t("not_checked_h") }),
        el("ul", {}, nc.map(function (f) { return el("li", { "data-code": f.code, text: loc(f.message) }); }))]));
    }
    if ((rep.cannot_see || []).length) {
      results.appendChild(el("section", { class: "result-group cannot-see" }, [el("h3", { text: t("cannot_see_h") }),
        el("ul", {}, rep.cannot_see.map(function (m) { return el("li", { text: loc(m) }); }))]));
    }
    $("chk-download").disabled = !fromForm;
  }

  // fieldOf is the id of the form control a finding concerns: the item's
  // file or text input, the field of its manifest path, the question it
  // names; "" when the form has none (then the summary links to the
  // finding's entry).
  function fieldOf(f) {
    var visible = function (id) { var e = $(id); return e && !e.closest("[hidden]") ? id : ""; };
    if (f.item && visible("item-" + f.item)) return "item-" + f.item;
    var p = (f.path || "").split("/").slice(1);
    if (p[0] === "answers") {
      // The question named, or else the first question asked and not
      // answered.
      var qs = (state.meta.questions || []).filter(function (q) {
        var fs = $("question-" + q.id);
        return p[1] ? q.id === p[1] : !(fs && fs.hidden) && !form.querySelector("input[name='q-" + q.id + "']:checked");
      });
      if (p[1] === "subspecies" || (!qs.length && f.code.indexOf("subspecies/") === 0)) {
        var sub = form.querySelector("input[name=subspecies]");
        return sub ? sub.id : "";
      }
      return qs.length ? visible("q-" + qs[0].id + "-" + qs[0].options[0].id) : "";
    }
    var field = { fee: "fee.paid", change: "change.date", applicant: f.code.indexOf("iin") >= 0 ? "applicant.iin" : f.code.indexOf("bin") >= 0 ? "applicant.bin" : "applicant.name" }[p[0]];
    if (p.length >= 2 && p[0] !== "documents" && p[0] !== "info") field = p[0] + "." + p[1];
    if (p.length === 1 && p[0] === "filed") field = "filed";
    return field ? visible("f-" + field.replace(".", "-")) : "";
  }

  // finding is a finding's entry: its message and rules, and, in the
  // results (withDetail), its technical details; beside an item of the
  // form, the message alone.
  function finding(f, withDetail) {
    var li = el("li", { class: "finding sev-" + f.severity, "data-code": f.code }, [
      el("span", { class: "sev", text: t("sev_" + f.severity) + ": " }), loc(f.message)]);
    (f.rules || []).forEach(function (r) {
      li.appendChild(document.createTextNode(" "));
      // An act outside the sources (the calendar's laws) has no page here:
      // named, not linked.
      var text = "(" + [loc(r.act_name), loc(r.at_label)].filter(Boolean).join(", ") + ")";
      var url = r.url && (r.url[lang] || r.url.ru);
      li.appendChild(url ? el("a", { class: "rule", href: url, text: text }) : el("span", { class: "rule", text: text }));
    });
    // The report's detail (ids to write in the manifest, JSON pointers, a
    // parser's own words) is for whoever writes the manifest by hand or
    // asks a developer for help: folded away, after the message.
    if (withDetail && f.detail) {
      li.appendChild(el("details", { class: "finding-detail" }, [el("summary", { text: t("detail") }), el("code", { text: f.detail })]));
    }
    return li;
  }

  function download() {
    var g = manifest();
    var bytes = window.ruqsat.zip({ files: packageFiles(g) });
    var a = el("a", { href: URL.createObjectURL(new Blob([bytes], { type: "application/zip" })), download: state.service + "-" + state.edition + "-" + state.kind + ".zip" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // The drop zone takes a .zip or a whole folder in the CLI's format.
  function setupDrop() {
    var zone = $("checker-drop");
    // Set here: the attribute is not valid HTML, and without the script the
    // section is hidden anyway.
    $("pkg-dir").setAttribute("webkitdirectory", "");
    $("pkg-zip").addEventListener("change", function () {
      var f = this.files[0];
      if (f) f.arrayBuffer().then(function (b) { checkZip(new Uint8Array(b), f.name); });
    });
    $("pkg-dir").addEventListener("change", function () {
      var list = Array.prototype.slice.call(this.files);
      Promise.all(list.map(function (f) {
        return f.arrayBuffer().then(function (b) { return [f.webkitRelativePath || f.name, new Uint8Array(b)]; });
      })).then(function (pairs) { checkFolder(pairs); });
    });
    zone.addEventListener("dragover", function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault();
      zone.classList.remove("over");
      var items = ev.dataTransfer.items;
      var entry = items && items[0] && items[0].webkitGetAsEntry && items[0].webkitGetAsEntry();
      if (entry && entry.isDirectory) {
        walk(entry, "").then(checkFolder);
        return;
      }
      var f = ev.dataTransfer.files[0];
      if (f) f.arrayBuffer().then(function (b) { checkZip(new Uint8Array(b), f.name); });
    });
  }

  function walk(entry, prefix) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) { f.arrayBuffer().then(function (b) { resolve([[prefix + entry.name, new Uint8Array(b)]]); }); }, function () { resolve([]); });
        return;
      }
      var reader = entry.createReader(), all = [];
      (function more() {
        reader.readEntries(function (es) {
          if (!es.length) {
            Promise.all(all.map(function (e) { return walk(e, prefix + entry.name + "/"); })).then(function (r) { resolve([].concat.apply([], r)); });
            return;
          }
          all = all.concat(Array.prototype.slice.call(es));
          more();
        }, function () { resolve([]); });
      })();
    });
  }

  function checkZip(bytes, name) {
    // What a zip holds is known only inside the checker: load the
    // signature module for any zip that is not the page's own warm-up.
    if (!window.ruqsatSig) { loadSig().then(function () { checkZip(bytes, name); }); return; }
    var t0 = performance.now();
    var rep = JSON.parse(window.ruqsat.checkZip({ zip: bytes, name: name, today: today, service: pageService }));
    root.setAttribute("data-check-ms", (performance.now() - t0).toFixed(1));
    render(rep, false);
    reveal();
  }

  function checkFolder(pairs) {
    var files = {};
    pairs.forEach(function (p) { files[p[0]] = p[1]; });
    if (!window.ruqsatSig && anySigned(files)) { loadSig().then(function () { checkFolder(pairs); }); return; }
    var t0 = performance.now();
    var rep = JSON.parse(window.ruqsat.check({ files: files, name: pairs.length ? pairs[0][0].split("/")[0] : "package", today: today, service: pageService }));
    root.setAttribute("data-check-ms", (performance.now() - t0).toFixed(1));
    render(rep, false);
    reveal();
  }
})();
