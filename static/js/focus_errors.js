// After a failed submit the page comes back with an error summary: take keyboard and screen
// reader users to it instead of leaving them at the top of the page.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();
});
