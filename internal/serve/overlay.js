// The live preview's overlay (ruqsat serve only: layouts/baseof.html loads
// it when Hugo runs as a server). It listens to /_ruqsat/events and, while
// the rule data has lint problems, shows them over the last good page, in
// the page's language: file:line:column, what is wrong and how to fix it.
// Styles are set through the DOM, which the checker pages' CSP allows.
(() => {
  "use strict";
  const lang = ["ru", "kk", "en"].includes(document.documentElement.lang) ? document.documentElement.lang : "ru";
  const words = {
    ru: { title: "Правила не прошли проверку: показана последняя удачная сборка", fix: "Как исправить", close: "Скрыть" },
    kk: { title: "Қағидалар тексеруден өтпеді: соңғы сәтті жинақ көрсетілген", fix: "Қалай түзетуге болады", close: "Жасыру" },
    en: { title: "The rules did not pass lint: this is the last good build", fix: "How to fix", close: "Hide" },
  }[lang];
  let box = null;
  function style(el, css) { for (const k in css) el.style[k] = css[k]; return el; }
  function el(tag, text) { const e = document.createElement(tag); if (text) e.textContent = text; return e; }
  function show(problems) {
    if (box) box.remove();
    box = style(el("section"), { position: "fixed", top: "0", left: "0", right: "0", maxHeight: "60vh", overflow: "auto", zIndex: "2147483647",
      background: "#fff4f4", color: "#1a1a1a", borderBottom: "4px solid #b00020", padding: "1rem 1.5rem", font: "15px/1.5 system-ui, sans-serif", boxShadow: "0 2px 12px rgba(0,0,0,.25)" });
    box.id = "ruqsat-overlay";
    box.setAttribute("role", "alert");
    box.lang = lang;
    const h = style(el("h2", words.title), { margin: "0 0 .5rem", fontSize: "1.1rem", color: "#b00020" });
    const hide = style(el("button", words.close), { float: "right", font: "inherit" });
    hide.type = "button";
    hide.addEventListener("click", () => { box.remove(); box = null; });
    box.append(hide, h);
    const list = style(el("ul"), { margin: "0", paddingLeft: "1.2rem" });
    for (const p of problems) {
      const li = style(el("li"), { marginBottom: ".5rem" });
      li.className = "ruqsat-problem";
      const where = style(el("code", p.file + ":" + p.line + ":" + p.column), { fontWeight: "bold" });
      li.append(where, document.createTextNode(" " + p.code + ": " + (p.message[lang] || p.message.en)));
      if (p.fix && p.fix[lang]) {
        li.append(el("br"), style(el("span", words.fix + ": " + p.fix[lang]), { color: "#444" }));
      }
      list.append(li);
    }
    box.append(list);
    document.body.prepend(box);
  }
  const es = new EventSource("/_ruqsat/events");
  es.onmessage = (e) => {
    const st = JSON.parse(e.data);
    document.documentElement.dataset.ruqsatLint = st.problems.length ? "problems" : "clean";
    if (st.problems.length) show(st.problems);
    else if ("ruqsatWaiting" in document.documentElement.dataset) location.reload(); // the site is built now
    else if (box) { box.remove(); box = null; }
  };
})();
