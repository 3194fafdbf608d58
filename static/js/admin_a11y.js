// Django admin, as axe checks it (tests/browser/test_accessibility.py):
// - the two-box selector's search icons carry an aria-label, which a plain span may not have:
//   they are images with a name;
// - an autocomplete box (select2) is named by the field's own label, not only by its current choice,
//   which is empty until something is chosen;
// - a tabular inline's boxes are named by their column's heading.
(function () {
  "use strict";

  function nameIcons(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".help-tooltip[aria-label]:not([role])"), function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function nameAutocompletes(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select.admin-autocomplete"), function (select) {
      var label = select.id && document.querySelector("label[for='" + select.id + "']");
      var container = select.nextElementSibling;
      var box = container && container.querySelector(".select2-selection[role=combobox]");
      if (!label || !box || box.dataset.named) {
        return;
      }
      label.id = label.id || select.id + "-label";
      box.setAttribute("aria-labelledby", (label.id + " " + (box.getAttribute("aria-labelledby") || "")).trim());
      var shown = box.querySelector(".select2-selection__rendered[role=textbox]");
      if (shown) {
        shown.setAttribute("aria-labelledby", label.id);
      }
      box.dataset.named = "1";
    });
  }

  // A tabular inline's boxes have no label of their own: they are named by their column's heading.
  function nameTabularFields(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".tabular tbody td"), function (cell) {
      var headings = cell.closest("table").querySelectorAll("thead th");
      var heading = headings[cell.cellIndex];
      var text = heading ? heading.textContent.trim() : "";
      if (!text) {
        return;
      }
      Array.prototype.forEach.call(cell.querySelectorAll("input:not([type=hidden]), select, textarea"), function (box) {
        if (!box.labels || !box.labels.length) {
          box.setAttribute("aria-label", text);
        }
      });
    });
  }

  function fix() {
    nameIcons(document);
    nameAutocompletes(document);
    nameTabularFields(document);
  }

  window.addEventListener("load", function () {
    window.setTimeout(fix, 0);
  });
  document.addEventListener("formset:added", function () {
    window.setTimeout(fix, 0);
  });
})();
