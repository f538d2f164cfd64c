// Filters the procedure chooser while the officer types, without a round trip. The same filter
// runs on the server when the form is submitted, so the page works without this script too.
(function () {
  "use strict";
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }
  document.querySelectorAll("form[data-chooser]").forEach(function (form) {
    var table = document.querySelector(form.getAttribute("data-chooser"));
    var count = document.querySelector("[data-chooser-count]");
    var query = form.querySelector("[name=q]"), level = form.querySelector("[name=level]"),
      field = form.querySelector("[name=field]");
    function apply() {
      var terms = fold(query.value).split(" ").filter(Boolean), shown = 0;
      table.querySelectorAll("tbody tr[data-folded]").forEach(function (row) {
        var ok = terms.every(function (term) { return row.dataset.folded.indexOf(term) !== -1; }) &&
          (!level.value || row.dataset.level.split(" ").indexOf(level.value) !== -1) &&
          (!field.value || row.dataset.field === field.value);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = count.textContent.replace(/\d+\s*$/, String(shown)); }
    }
    [query, level, field].forEach(function (input) { input.addEventListener("input", apply); });
    // A value typed before this deferred script ran, or restored by the browser's Back, filters too.
    apply();
  });
})();
