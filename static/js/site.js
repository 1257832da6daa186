// Small progressive enhancements; every page works without them.
document.addEventListener("click", function (ev) {
  var b = ev.target.closest && ev.target.closest("[data-print]");
  if (b) { window.print(); }
});

// The law on the reader's own date. The build decided statuses, current
// editions and amounts in tenge on the day it ran; here the same rules
// (rules.Set.StatusOn in Go) run again on today's date in Astana, so a
// page built last year does not call a repealed act "in force" or show
// last year's fee in tenge.
(function () {
  var cfgEl = document.getElementById("ruqsat-dates");
  if (!cfgEl) { return; }
  var cfg;
  try { cfg = JSON.parse(cfgEl.textContent); } catch (e) { return; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // Today in Astana (UTC+5), whatever the device's time zone.
  var now = new Date();
  var astana = new Date(now.getTime() + (now.getTimezoneOffset() + 300) * 60000);
  var today = astana.getFullYear() + "-" + pad(astana.getMonth() + 1) + "-" + pad(astana.getDate());

  // A date as the build writes it (legalfmt.FormatDateIn): in Kazakh the
  // month takes the case of the phrase around it (kase: "abl" for
  // «… бастап»; the pattern's own form, attributive, by default).
  function formatDate(iso, kase) {
    var p = iso.split("-");
    var months = (kase && cfg.month_cases && cfg.month_cases[kase]) || cfg.months;
    return cfg.pattern.replace("{d}", String(+p[2])).replace("{m}", months[+p[1] - 1]).replace("{y}", p[0]);
  }
  function formatKZT(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }
  function status(d) {
    if (d.repealed !== undefined && (!d.to || d.to <= today)) { return "repealed"; }
    if (d.fromExact !== undefined && d.from > today) { return "coming"; }
    if (d.unknown !== undefined) { return "unknown"; }
    return "in-force";
  }

  document.querySelectorAll("[data-status]").forEach(function (el) {
    var labels = cfg.labels[el.dataset.status] || {};
    var st = status(el.dataset);
    if (labels[st]) { el.textContent = labels[st]; }
    el.dataset.now = st;
  });
  document.querySelectorAll("[data-show-from],[data-show-until]").forEach(function (el) {
    var from = el.dataset.showFrom, until = el.dataset.showUntil;
    el.hidden = !((!from || from <= today) && (!until || today < until));
  });

  // Amounts in tenge at the MCI of today's year; none when the table has
  // no value for it (the MCI is set for each year).
  var rate = 0, rateFrom = "";
  (cfg.mci || []).forEach(function (m) { if (m.from <= today) { rate = m.kzt; rateFrom = m.from; } });
  if (rateFrom.slice(0, 4) !== today.slice(0, 4)) { rate = 0; }
  document.querySelectorAll("[data-mci]").forEach(function (el) {
    var mci = parseFloat(el.dataset.mci);
    if (!rate) {
      el.textContent = "(" + cfg.mci_year_unknown + ")";
      return;
    }
    var small = document.createElement("small");
    small.textContent = "(" + cfg.mci_at.replace("%s", formatKZT(rate)).replace("%s", formatDate(rateFrom, "abl")) + ")";
    el.textContent = "= " + formatKZT(Math.round(mci * rate)) + " ₸ ";
    el.appendChild(small);
  });

  document.querySelectorAll("time[data-today]").forEach(function (el) {
    el.setAttribute("datetime", today);
    el.textContent = formatDate(today);
  });
})();
