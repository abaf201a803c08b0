// Enhancement of includes/forms/error_summary.html (GOV.UK's pattern); the form works without it.
// Focus the summary where the browser ignored `autofocus`, and let a link in it move the focus
// to its field with the label in view, not just scroll to the bare input.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  if (document.activeElement !== summary) summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    var label = document.querySelector("label[for='" + field.id + "']");
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
