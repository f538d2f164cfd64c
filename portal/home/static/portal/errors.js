// Moves the keyboard and screen-reader focus to a page's error summary, so that a person on a phone
// sees at once what went wrong instead of a form that looks unchanged (GOV.UK's error summary).
(function () {
  "use strict";
  var summary = document.querySelector("[data-focus-on-load]");
  function focusSummary() {
    summary.focus();
    summary.scrollIntoView({block: "start"});
  }
  if (summary) {
    focusSummary();
    // A fragment in the address is scrolled to after this script: take the focus back once loaded.
    window.addEventListener("load", function () { window.requestAnimationFrame(focusSummary); });
  }
  // A link in the summary puts the focus in the input it names, not only the page at it.
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.scrollIntoView({block: "center"});
        target.focus();
      }
    });
  });
})();
