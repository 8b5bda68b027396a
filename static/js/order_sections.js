// The order page folds the sections that do not matter in the order's stage. Following a link
// to one (the section index, or a #fragment in the address) opens it first.
(function () {
  function openTarget(hash) {
    if (!hash || hash.length < 2) return;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    var details = target && (target.closest ? target.closest("details") : null);
    if (details && !details.open) details.open = true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (link) openTarget(link.getAttribute("href"));
  });
  window.addEventListener("hashchange", function () { openTarget(location.hash); });
  openTarget(location.hash);
})();
