// Site search with Pagefind's own index (built at build time, served from
// this site: no third-party service), and a query step in front of it that
// reads the query as people type it:
//   - question words and fillers are dropped per language («сколько»,
//     «қанша», "how"), so the words that carry the meaning decide;
//   - glossary terms are recognised in any language by their names,
//     abbreviations and the search forms legal staff record in
//     rules/tables/glossary.yaml (search.html puts them in the page), and
//     the term's names in the page's language are searched too (СКЗИ ↔
//     АКҚҚ ↔ CIPF, ЭЦП ↔ ЭЦҚ ↔ EDS, МРП ↔ АЕК ↔ MCI);
//   - ё is е; Kazakh words are folded and stemmed like the pages' data-stems
//     (kkstem.js), and ә, ө, ү, і typed as э/е, ё, ю, ы are tried too;
//   - a word the index does not know is corrected from the index's
//     vocabulary (pagefind/words-<lang>.json, written by the build);
//   - act numbers (46/қе, 46/ke, № 28, Res. 50) find their acts.
// Pagefind matches all the words of a search, so the query is run as
// several searches (the whole, each word, each term, the stems) and the
// results are merged by their normalised score, not appended. Pages carry
// their kind, edition year and period as Pagefind metadata
// (_partials/search-meta.html), which the build also lists by page in the
// bundle's pages.json, so every candidate is ranked without reading its
// fragment: service pages first, then the rules in force, then history and
// repealed editions, and without a year in the query a repealed edition
// never outranks the one in force. Each result shows its status on the
// reader's date (the rule of site.js) and year; its excerpt, from the
// page's fragment, is read once the result is on screen.
// Each search runs from a fresh state: nothing but Pagefind's loaded index
// chunks outlives it, and a search that a newer one overtook draws nothing.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var help = document.getElementById("search-help");
  var lang = document.documentElement.lang;
  var msgs = JSON.parse(form.getAttribute("data-msgs") || "{}");
  var bundle = form.getAttribute("data-bundle") || "/pagefind/";
  var KK = window.RuqsatKK;
  var terms = readJSON("search-terms") || [];
  var services = readJSON("search-services") || [];
  var LANGS = ["ru", "kk", "en"];

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  // Question words, fillers and function words, per language.
  var STOP = {
    ru: "а без бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть еще ж же за и из или им их к как какая какие какой каков ко когда кто ли либо мне может можно мой моя мое мои мою моего мы на надо нам нас не него нее нет ни них но ну о об он она они оно от очень по под при про с со сколько стоит стоят так также такое там те тем то тоже только ты у уже хочу чего чем что чтобы эта эти это этот я нужно нужен нужна нужны получить получения сделать значит является зачем почему куда откуда долго",
    kk: "қанша қалай қандай не деген дегеніміз дегенміз қайда қашан неге неліктен кім ма ме ба бе па пе бола болады бола ма болама керек қажет тұрады жылы жылғы үшін мен бен пен және немесе бар жоқ осы бұл ол менің біз сіз ға ге қа ке на не да де та те ны ні ды ді ты ті нан нен дан ден тан тен ның нің дың дің тың тің мы ми",
    en: "a an the of for to in on at by with from and or is are was were be been do does did how what which who whom where when why much many long take takes cost costs my i me we you your can could should would need needs get getting it its this that there about mean means meaning"
  };
  // Words that ask what a term means: the glossary answers those.
  var DEFINE = { ru: ["что такое", "что значит", "что означает"], kk: ["деген не", "дегеніміз не", "дегенміз не", "нені білдіреді"], en: ["what is", "what does", "meaning of", "define"] };

  function norm(s) { return String(s).toLowerCase().replace(/ё/g, "е"); }
  function fold(s) { return KK ? KK.fold(s) : norm(s); }
  var stop = {};
  (STOP[lang] || "").split(" ").forEach(function (w) { stop[fold(w)] = true; });
  var WORD = /[\p{L}\p{Nd}]+/gu;
  function words(s) { return norm(s).match(WORD) || []; }

  // Two folded words are the same word when equal, or when long enough and
  // differing only in their endings (an inflected form). In Russian what
  // follows the common part must be an ending on both sides: «лицензии» is
  // «лицензия», but «лицензиат» (the licensee) and «лицензиар» are not.
  var RU_END = {};
  ("а я о е ы и у ю ь й ам ям ах ях ом ем ой ей ов ев ий ый ая яя ое ее ие ые ую юю ым им ых их ами ями ого его ому ему иям иях ией ию").split(" ").forEach(function (e) { RU_END[e] = true; });
  function sameWord(a, b) {
    if (a === b) return true;
    var n = Math.min(a.length, b.length);
    if (n < 4) return false;
    var p = 0;
    while (p < n && a[p] === b[p]) p++;
    if (p < Math.max(4, n - 2)) return false;
    if (lang !== "ru") return true;
    // The stem may end before the common part does («шифровальн|ых»,
    // «шифровальн|ые»).
    for (var k = p; k >= Math.max(4, p - 3); k--) {
      var ea = a.slice(k), eb = b.slice(k);
      if ((!ea || RU_END[ea]) && (!eb || RU_END[eb])) return true;
    }
    return false;
  }

  // The forms of a glossary term a query may hold: names, abbreviations
  // and search forms in every language, each as folded words.
  function clean(s) { return String(s || "").replace(/\([^)]*\)/g, " ").replace(/[«»"“”]/g, " "); }
  var termForms = terms.map(function (t) {
    var fs = [];
    LANGS.forEach(function (l) {
      var c = t[l] || {};
      if (c.name) fs.push({ words: words(clean(c.name)).map(fold), abbr: false });
      if (c.abbr) fs.push({ words: [fold(c.abbr)], abbr: true });
      (c.search || []).forEach(function (f) { fs.push({ words: words(f).map(fold), abbr: words(f).length === 1 && f.length <= 5 }); });
    });
    return fs.filter(function (f) { return f.words.length > 0; });
  });

  // matchTerms returns the glossary terms the query's folded words name.
  function matchTerms(qw) {
    var out = [];
    terms.forEach(function (t, i) {
      var hit = termForms[i].some(function (f) {
        return f.words.every(function (w) {
          return qw.some(function (q) { return f.abbr ? q === w : sameWord(q, w); });
        });
      });
      if (hit) out.push(t);
    });
    return out;
  }

  // Act numbers: 46/қе, 46/ке, 46/ke; and bare numbers after №, No., Res.
  // or a word for an act.
  var ACT_NO = /(\d{1,4})\s*\/\s*(қе|ке|ke|қe|kе)(?![\p{L}])/giu;
  var NUMBER = /(?:^|[^\p{L}\p{Nd}\/])(\d{1,4})(?![\p{Nd}\/])/gu;

  // The kinds of misspelling a Kazakh word without its letters makes:
  // ә typed as э or е, ө as ё (е once folded), ү as ю, і as ы; the page's
  // keys have them folded to а о у и.
  function kkVariants(w) {
    var out = [];
    [["э", "а"], ["е", "а"], ["е", "о"], ["ю", "у"], ["ы", "и"]].forEach(function (p) {
      if (w.indexOf(p[0]) >= 0) out.push(w.split(p[0]).join(p[1]));
    });
    return out;
  }

  // plan turns the query into weighted searches and what ranking needs.
  function plan(q, fixes, known) {
    var n = norm(q);
    var p = { searches: [], acts: [], numbers: [], year: "", terms: [], define: false, words: [] };
    (DEFINE[lang] || []).forEach(function (d) { if (n.indexOf(d) >= 0) p.define = true; });
    n = n.replace(ACT_NO, function (m, num) { p.acts.push(num); return " "; });
    var m;
    while ((m = NUMBER.exec(n)) !== null) {
      if (/^(19|20)\d\d$/.test(m[1])) p.year = m[1]; else p.numbers.push(m[1]);
    }
    var all = words(n);
    var content = all.filter(function (w) { return !stop[fold(w)]; });
    if (!content.length && !p.acts.length) content = all;
    var typed = content;
    content = content.map(function (w) { return fixes[w] || w; });
    p.words = content;
    var seen = {};
    // One search per meaning: in Kazakh a word, its stem and its
    // abbreviation's folded form are one key, so no word counts twice.
    function add(s, w, single, plain) {
      s = s.trim();
      var key = plain ? "=" + s : lang === "kk" && KK ? KK.tokens(s).join(" ") || s : s;
      if (!s || seen[key]) return seen[key];
      seen[key] = { q: s, w: w, single: single };
      p.searches.push(seen[key]);
      return seen[key];
    }
    var whole = null; // the search of all the query's words, if any
    // Kazakh: the stems first (pages carry them, data-stems), with the
    // spellings of ә ө ү і a Russian keyboard gives.
    if (lang === "kk" && KK) {
      var stems = KK.tokens(content.join(" ")).filter(function (s) { return !/^\d+$/.test(s); });
      if (stems.length > 1) whole = add(stems.join(" "), 3);
      stems.forEach(function (s) {
        add(s, 1, s);
        // Only the spellings some word of the index begins with.
        kkVariants(s).forEach(function (v) { if (known && known(v)) add(KK.stem(v), 1, v); });
      });
    }
    if (content.length > 1) whole = whole || add(content.join(" "), 3);
    // In Kazakh the words as typed count less than their stems.
    content.forEach(function (w) { add(w, lang === "kk" ? 0.5 : 1, w, lang === "kk"); });
    // A misspelt word is searched as typed too, a little.
    typed.forEach(function (w) { if (fixes[w]) add(w, 0.3, w, true); });
    p.acts.forEach(function (num) {
      add(num + " " + (lang === "en" ? "ke" : "қе"), 2);
    });
    p.terms = matchTerms(content.map(fold));
    p.terms.forEach(function (t) {
      var c = t[lang] || {};
      if (c.name) add(words(clean(c.name)).join(" "), 2);
      if (c.abbr) add(norm(c.abbr), 1.5);
    });
    // The search of all the words (else the first) counts again among the
    // service pages alone: a service page that says a word once still
    // comes up next to its editions, which say it often (merge, from the
    // table of pages; no search of its own). Not for "what is …": the
    // glossary answers that.
    var main = whole || p.searches[0];
    if (main && !p.define) main.services = 1.5;
    return p;
  }

  // One load per page (a promise, so that two searches started together
  // do not merge the shards twice).
  var loading = null;
  function load() {
    if (loading) return loading;
    // A large site's language is indexed in shards: the bundle's
    // shards.json lists the others, merged into this one (build's
    // searchindex.go). Fetched beside the import, so no extra wait.
    var shards = fetch(bundle + "shards.json").then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
    // On the main thread (noWorker): the page runs several searches per
    // query, and a worker adds a message round trip to each and to every
    // result's data. init() loads the index's metadata and WebAssembly
    // now, not at the first search.
    loading = import(bundle + "pagefind.js").then(function (m) {
      return m.options({ baseUrl: "/", noWorker: true }).then(function () { return shards; }).then(function (more) {
        return Promise.all(more.map(function (u) { return m.mergeIndex(u, { baseUrl: "/" }); }));
      }).then(function () { return m.init(); }).then(function () { return m; });
    });
    loading.catch(function () { loading = null; }); // a failed load may be tried again
    return loading;
  }

  // The table of the language's indexed pages (the build's pages.json:
  // Pagefind id → [address, metadata]): what ranking needs of every
  // candidate, without reading each page's fragment. Loaded with the index.
  var table = null;
  function loadTable() {
    if (table) return table;
    table = fetch(bundle + "pages.json").then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    return table;
  }

  // The index's words of this language, for spelling suggestions and to
  // tell known words from typos: loaded with the index.
  var vocab = null;
  function loadVocab() {
    if (vocab) return vocab;
    vocab = fetch(bundle + "words-" + lang + ".json").then(function (r) { return r.ok ? r.json() : []; })
      .then(function (ws) { return ws.map(function (w) { return { w: w, f: fold(w) }; }); })
      .catch(function () { return []; });
    return vocab;
  }

  // Damerau–Levenshtein distance, stopping early above max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var d = [];
    for (var i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (var j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var low = max + 1;
      for (j = 1; j <= b.length; j++) {
        var c = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        low = Math.min(low, d[i][j]);
      }
      if (low > max) return max + 1;
    }
    return d[a.length][b.length];
  }

  function knownWord(vs, w) {
    if (!vs.length) return true;
    var f = fold(w), st = lang === "kk" && KK ? KK.stem(w) : f;
    return vs.some(function (v) { return v.f.slice(0, f.length) === f || v.f.slice(0, st.length) === st; });
  }

  // correct returns the closest words of the index to w (folded), best first.
  function correct(w) {
    return loadVocab().then(function (vs) {
      var f = fold(w), max = f.length <= 4 ? 1 : 2, best = [];
      vs.forEach(function (v, i) {
        if (v.f === f) return;
        var d = distance(f, v.f.slice(0, f.length + max), max);
        // A word that begins with what was typed counts as near too.
        var dd = distance(f, v.f, max);
        d = Math.min(dd, d + 0.5);
        if (d <= max) best.push({ w: v.w, d: d, i: i });
      });
      // Nearest first; among as near, the more frequent (the list's order).
      best.sort(function (x, y) { return x.d - y.d || x.i - y.i; });
      return best.slice(0, 3).map(function (b) { return b.w; });
    });
  }

  // Astana's date, and an edition's or act's status on it (site.js's rule).
  function today() {
    var now = new Date();
    var a = new Date(now.getTime() + (now.getTimezoneOffset() + 300) * 60000);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return a.getFullYear() + "-" + pad(a.getMonth() + 1) + "-" + pad(a.getDate());
  }
  function statusOf(meta, day) {
    if (!meta.from && !meta.repealed) return "";
    if (meta.repealed && (!meta.to || meta.to <= day)) return "repealed";
    if (meta.from_exact && meta.from > day) return "coming";
    if (meta.from && meta.from > day) return "coming";
    if (meta.unknown) return "unknown";
    return "in-force";
  }

  var KIND_BOOST = { service: 1.7, act: 1.1, glossary: 1.1, tables: 1.1, edition: 0.9, history: 0.45 };

  function rank(p, hits, day) {
    hits.forEach(function (h) {
      var m = h.d.meta || {};
      var kind = m.kind || "page";
      h.kind = kind;
      h.status = statusOf(m, day);
      var b = KIND_BOOST[kind] || 0.5;
      if (kind === "edition" && h.status !== "in-force") b = 0.5;
      var title = norm(m.title || "");
      if (kind === "act") {
        p.acts.forEach(function (num) {
          if (m.number && m.number.split("/")[0] === num) b *= 6;
        });
        p.numbers.forEach(function (num) {
          if (new RegExp("(№|no\\.)\\s*" + num + "(?![\\d/])").test(title)) b *= 4;
        });
      }
      if (p.year) {
        if (m.year === p.year || (kind === "act" && title.indexOf(p.year) >= 0)) b *= 1.5;
      }
      if (kind === "glossary") b *= p.define && p.terms.length ? 4 : 0.8;
      // A title that names what was asked counts, one that names all of
      // it most: «лицензия СТС» is the licence's page, not a page that
      // says СТС more often.
      var tm = titleMatch(p, m.title || "");
      b *= 1 + 3 * tm * tm;
      h.score = h.sum * b;
    });
    // A service page is the way into all its pages: it ranks at least as
    // high as the best of its editions and its history.
    var family = {};
    hits.forEach(function (h) {
      var svc = serviceOf(h.d.url);
      if (svc && h.kind !== "service") family[svc] = Math.max(family[svc] || 0, h.score);
    });
    hits.forEach(function (h) {
      if (h.kind === "service") h.score = Math.max(h.score, 1.05 * (family[serviceOf(h.d.url)] || 0));
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    if (p.year) return hits;
    // Without a year, an edition not in force never outranks the edition of
    // the same service in force: that one moves up to its place.
    for (var i = 0; i < hits.length; i++) {
      var h = hits[i];
      if (h.kind !== "edition" || h.status === "in-force") continue;
      var svc = serviceOf(h.d.url);
      for (var j = i + 1; j < hits.length; j++) {
        if (hits[j].kind === "edition" && hits[j].status === "in-force" && serviceOf(hits[j].d.url) === svc) {
          hits.splice(i, 0, hits.splice(j, 1)[0]);
          break;
        }
      }
    }
    return hits;
  }
  // titleMatch is the share of the query's words that the page's title
  // holds: the word in any form, or for a word naming a glossary term, the
  // term's name or abbreviation in the page's language.
  function titleMatch(p, title) {
    if (!p.words.length) return 0;
    var tw = words(clean(title)).map(fold);
    function has(ws) { return ws.every(function (w) { return tw.some(function (x) { return sameWord(x, w); }); }); }
    var n = 0;
    p.words.forEach(function (w) {
      var f = fold(w);
      if (has([f])) { n++; return; }
      var named = p.terms.some(function (t) {
        var c = t[lang] || {};
        var forms = termForms[terms.indexOf(t)];
        var mine = forms.some(function (fm) { return fm.words.indexOf(f) >= 0 || fm.words.some(function (x) { return sameWord(x, f); }); });
        return mine && ((c.abbr && has([fold(c.abbr)])) || (c.name && has(words(clean(c.name)).map(fold))));
      });
      if (named) n++;
    });
    return n / p.words.length;
  }
  function serviceOf(url) { var m = /\/services\/([^/]+)\//.exec(url || ""); return m ? m[1] : ""; }

  var seq = 0;
  var near = null; // the observer of the shown results' excerpts
  function run(q) {
    var my = ++seq;
    q = q.trim();
    if (near) { near.disconnect(); near = null; }
    list.textContent = "";
    if (help) { help.textContent = ""; help.hidden = true; }
    if (!q) { status.textContent = ""; return; }
    status.textContent = msgs.loading || "…";
    var p, day = today(), suggestions = [], fixes = {}, tab = {};
    var pages = {};
    function add(s, w, rs) {
      var max = rs.length ? rs[0].score : 0;
      rs.forEach(function (r) {
        var x = pages[r.id] || (pages[r.id] = { r: r, sum: 0, best: 0 });
        var part = w * (max ? r.score / max : 0);
        x.sum += part;
        if (part > x.best && s.q.indexOf(" ") > 0) { x.best = part; x.r = r; }
      });
    }
    function merge(s, res) {
      add(s, s.w, res.results.slice(0, 40));
      if (s.services) {
        add(s, s.services, res.results.filter(function (r) {
          var t = tab[r.id];
          return t && t[1] && t[1].kind === "service";
        }).slice(0, 40));
      }
    }
    Promise.all([load(), loadVocab(), loadTable()]).then(function (all) {
      var pf = all[0], vs = all[1];
      tab = all[2];
      // A word no word of the index begins with (nor, in Kazakh, its
      // stem) is replaced by its nearest word of the index, which is
      // offered too; the word as typed is still searched, a little.
      var unknown = plan(q, {}).words.filter(function (w) { return /\p{L}/u.test(w) && !knownWord(vs, w); });
      return Promise.all(unknown.map(function (w) {
        return correct(w).then(function (ws) { if (ws.length) { fixes[w] = ws[0]; suggestions.push(ws[0]); } });
      })).then(function () {
        p = plan(q, fixes, function (w) { return knownWord(vs, w); });
        return Promise.all(p.searches.map(function (s) {
          return pf.search(s.q).then(function (res) { if (res) merge(s, res); });
        }));
      });
    }).then(function () {
      // Every candidate is ranked by its row of the table; a page missing
      // from it (an index the build did not finish) by its own data.
      var hits = Object.keys(pages).map(function (id) { return pages[id]; });
      return Promise.all(hits.map(function (h) {
        var t = tab[h.r.id];
        if (t) { h.d = { url: t[0], meta: t[1] || {} }; return h; }
        return h.r.data().then(function (d) { h.d = d; h.full = true; return h; });
      }));
    }).then(function (hits) {
      if (my !== seq) return; // a newer search has started
      hits = rank(p, hits, day).slice(0, 25);
      // For tests and for whoever tunes the ranking: why this order.
      window.RuqsatSearchLast = { plan: p, hits: hits.map(function (h) {
        return { url: h.d.url, kind: h.kind, status: h.status, sum: h.sum, score: h.score };
      }) };
      status.textContent = hits.length ? (msgs.results || "%s").replace("%s", hits.length) : (msgs.none || "0");
      // The results at once; a result's excerpt once it is on screen or
      // near it (reading a page's fragment and building its excerpt is
      // most of a query's work, and the reader sees the first few).
      var seen = window.IntersectionObserver ? new IntersectionObserver(function (es) {
        es.forEach(function (e) { if (e.isIntersecting) { seen.unobserve(e.target); e.target.fill(); } });
      }, { rootMargin: "600px 0px" }) : null;
      near = seen;
      hits.forEach(function (h) {
        var li = item(h);
        list.appendChild(li);
        var ex = li.querySelector("p");
        ex.fill = function () {
          (h.full ? Promise.resolve(h.d) : h.r.data()).then(function (d) {
            ex.innerHTML = d.excerpt; // Pagefind escapes page text and adds <mark>
          }).catch(function () {});
        };
        if (seen) seen.observe(ex); else ex.fill();
      });
      if (!hits.length || suggestions.length) showHelp(q, p, suggestions, !hits.length);
    }).catch(function () {
      if (my === seq) status.textContent = msgs.unavailable || "";
    });
  }

  function item(h) {
    var d = h.d, m = d.meta || {};
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = d.url;
    a.textContent = m.title || d.url;
    li.appendChild(a);
    var badge = document.createElement("span");
    badge.className = "search-status";
    var label = "";
    if (h.status) {
      label = (msgs.status || {})[h.status] || h.status;
      badge.setAttribute("data-now", h.status);
    } else {
      label = (msgs.kinds || {})[h.kind] || (msgs.kinds || {}).page || "";
      badge.setAttribute("data-now", "none");
    }
    if (m.year && h.kind !== "act") label += " · " + (msgs.edition || "%s").replace("%s", m.year);
    badge.textContent = label;
    li.appendChild(document.createTextNode(" "));
    li.appendChild(badge);
    li.appendChild(document.createElement("p")); // the excerpt, filled by run
    return li;
  }

  // showHelp offers, when nothing or little is found: the nearest words of
  // the index, the query on the other languages' search pages (the
  // glossary's names in that language where the query named a term), and
  // the services.
  function showHelp(q, p, suggestions, none) {
    if (!help) return;
    help.hidden = false;
    var here = location.pathname;
    function para(text) { var e = document.createElement("p"); e.textContent = text; help.appendChild(e); return e; }
    function link(href, text, hl) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      if (hl) { a.hreflang = hl; a.lang = hl; }
      return a;
    }
    if (suggestions.length) {
      var e = para((msgs.suggest || "") + " ");
      suggestions.forEach(function (s, i) {
        if (i) e.appendChild(document.createTextNode(", "));
        e.appendChild(link(here + "?q=" + encodeURIComponent(s), s));
      });
    }
    if (!none) return;
    var e2 = para((msgs.other || "") + " ");
    LANGS.filter(function (l) { return l !== lang; }).forEach(function (l, i) {
      var tq = p.terms.length ? p.terms.map(function (t) { return (t[l] && (t[l].abbr || clean(t[l].name).trim())) || ""; }).join(" ") : q;
      if (i) e2.appendChild(document.createTextNode(" · "));
      e2.appendChild(link(here.replace("/" + lang + "/", "/" + l + "/") + "?q=" + encodeURIComponent(tq.trim() || q), tq.trim() || q, l));
    });
    if (services.length) {
      para(msgs.services || "");
      var ul = document.createElement("ul");
      services.forEach(function (s) {
        var li = document.createElement("li");
        li.appendChild(link(s.url, s.name));
        ul.appendChild(li);
      });
      help.appendChild(ul);
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
  else {
    // The search page exists to be searched: the index, its WebAssembly
    // and the word list load while the reader types, not after Enter.
    // Nothing leaves the site: these are its own files.
    load().catch(function () {});
    loadVocab();
    loadTable();
    // The index chunks of the words typed so far, as they are typed.
    var typed = null;
    input.addEventListener("input", function () {
      clearTimeout(typed);
      var q = input.value.trim();
      if (q.length < 2) return;
      typed = setTimeout(function () {
        load().then(function (m) { return m.preload(q); }).catch(function () {});
      }, 150);
    });
  }
})();
