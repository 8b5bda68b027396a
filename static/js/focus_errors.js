// After a failed submit the page comes back with an error summary (a refused form drawn again)
// or an error message (an action refused, back on the object's page): take keyboard and screen
// reader users to the first of them instead of leaving them at the top of the page.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();
});
