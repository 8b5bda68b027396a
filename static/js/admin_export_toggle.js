// django-import-export's export page wires "Select all" with an inline onchange handler, which
// the Content-Security-Policy forbids; the same handler, bound from this file.
document.addEventListener("change", (event) => {
  if (event.target.matches(".select-toggle") && typeof onSelectToggleChange === "function") {
    onSelectToggleChange(event);
  }
});
