// Polls the import's status while a task works on it; reloads the page when the task ends,
// so the preview, the errors or the result appear. Leaving and coming back starts it again.
(function () {
  var box = document.getElementById("import-progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (!state.running) { window.location.reload(); return; }
        document.getElementById("import-bar").value = state.percent;
        document.getElementById("import-count").textContent = state.done + " / " + state.total;
        document.getElementById("import-phase").textContent = state.phase || state.status_label;
        document.getElementById("import-status").textContent = state.status_label;
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
