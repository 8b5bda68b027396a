// "Add a row" for a Django formset: copies the formset's empty row, numbers it and counts it
// in the management form. Without JavaScript the page still has its blank rows.
document.querySelectorAll("[data-add-row]").forEach((button) => {
  button.addEventListener("click", () => {
    const prefix = button.dataset.addRow;
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    const template = document.getElementById(`${prefix}-empty`);
    const rows = document.querySelector(`[data-formset="${prefix}"]`);
    const index = Number(total.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const first = rows.lastElementChild.querySelector("input, select, textarea");
    if (first) first.focus();
  });
});
