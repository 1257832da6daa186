// Small progressive enhancements; every page works without them.
document.addEventListener("click", function (ev) {
  var b = ev.target.closest && ev.target.closest("[data-print]");
  if (b) { window.print(); }
});
