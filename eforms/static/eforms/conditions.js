// Show a field only while the field it depends on has the value its definition names (the server
// applies the same rule, so without this script every field is simply shown).
(function () {
  function valueOf(form, name) {
    const checked = form.querySelector(`[name="${name}"]:checked`);
    if (checked) return checked.value;
    const input = form.querySelector(`[name="${name}"]`);
    return input && input.type !== "radio" ? input.value : "";
  }
  function refresh(form) {
    form.querySelectorAll("[data-show-if]").forEach((element) => {
      const expected = element.dataset.showEquals === "true" ? "yes" : element.dataset.showEquals === "false" ? "no" : element.dataset.showEquals;
      const target = element.closest(".field") || element;
      target.hidden = valueOf(form, element.dataset.showIf) !== expected;
    });
  }
  document.querySelectorAll("form").forEach((form) => {
    if (!form.querySelector("[data-eform]")) return;
    form.addEventListener("change", () => refresh(form));
    refresh(form);
  });
})();
