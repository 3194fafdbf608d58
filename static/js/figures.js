// The figure rows of each finding on the report form: "Add a figure row" copies the finding's last
// row, empty, under the next index. Without this script, saving the report gives one more empty row.
(function () {
  "use strict";

  function showButtons(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-add-figure]"), function (button) {
      button.hidden = false;
    });
  }

  function addRow(fieldset) {
    var total = fieldset.querySelector("input[name$='-figures-TOTAL_FORMS']");
    var rows = fieldset.querySelectorAll("[data-figure-row]");
    if (!total || !rows.length) {
      return;
    }
    var index = parseInt(total.value, 10);
    var row = rows[rows.length - 1].cloneNode(true);
    var pattern = /-figures-\d+-/g;
    Array.prototype.forEach.call(row.querySelectorAll("[name], [id], [for]"), function (element) {
      ["name", "id", "for"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) {
          element.setAttribute(attribute, value.replace(pattern, "-figures-" + index + "-"));
        }
      });
      if (element.matches("input:not([type=checkbox]):not([type=hidden]), textarea")) {
        element.value = "";
      }
      if (element.matches("input[type=hidden][name$='-id'], input[type=hidden][name$='-finding']")) {
        element.value = "";
      }
      element.classList.remove("is-invalid");
    });
    Array.prototype.forEach.call(row.querySelectorAll(".invalid-feedback, .text-danger"), function (error) {
      error.remove();
    });
    Array.prototype.forEach.call(row.querySelectorAll("input[type=checkbox]"), function (box) {
      var wrapper = box.closest("[class*='col-']");
      if (wrapper) {
        wrapper.remove();
      }
    });
    rows[rows.length - 1].after(row);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden])");
    if (first) {
      first.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-figure]");
    if (button) {
      addRow(button.closest("[data-figures]"));
    }
  });
  showButtons(document);
  // Findings added by report_form.js come from a template whose buttons are still hidden.
  var findings = document.getElementById("findings");
  if (findings && window.MutationObserver) {
    new MutationObserver(function () {
      showButtons(findings);
    }).observe(findings, { childList: true });
  }
})();
