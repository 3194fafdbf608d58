// The report form: show the fields of each finding's kind, add and remove findings
// without losing what was typed, and send the form only once.
// Without this script every field shows and findings are removed with their delete box.
(function () {
  "use strict";

  var FIELDS = {
    shortfall: ["problems", "causes", "measures", "categories"],
    best_practice: ["title", "what_done", "achieved"]
  };

  var form = document.getElementById("report-form");
  if (!form) {
    return;
  }
  var findings = document.getElementById("findings");
  var template = document.getElementById("finding-template");
  var addButton = document.getElementById("add-finding");
  var totalForms = form.querySelector("input[name$='-TOTAL_FORMS']");

  function wrapperOf(card, name) {
    var input = card.querySelector("[name$='-" + name + "']");
    if (!input) {
      return null;
    }
    var prefix = input.name.slice(0, input.name.length - name.length);
    return card.querySelector("[id='div_id_" + prefix + name + "']") || input.closest(".mb-3");
  }

  function showKind(card) {
    var select = card.querySelector("select[data-finding-kind]");
    var kind = select ? select.value : "";
    Object.keys(FIELDS).forEach(function (fieldKind) {
      FIELDS[fieldKind].forEach(function (name) {
        var wrapper = wrapperOf(card, name);
        if (wrapper) {
          // An unchosen kind shows everything, so nothing is ever hidden by mistake.
          wrapper.hidden = kind !== "" && kind !== fieldKind;
        }
      });
    });
  }

  function setUp(card) {
    var deleteBox = card.querySelector("input[name$='-DELETE']");
    var removeButton = card.querySelector("[data-remove-finding]");
    if (deleteBox && removeButton) {
      var deleteWrapper = deleteBox.closest(".mb-3") || deleteBox.parentElement;
      deleteWrapper.hidden = true;
      removeButton.hidden = false;
      removeButton.addEventListener("click", function () {
        deleteBox.checked = true;
        card.hidden = true;
      });
      if (deleteBox.checked) {
        card.hidden = true;
      }
    }
    var select = card.querySelector("select[data-finding-kind]");
    if (select) {
      select.addEventListener("change", function () {
        showKind(card);
      });
    }
    showKind(card);
  }

  Array.prototype.forEach.call(findings.querySelectorAll("[data-finding]"), setUp);

  if (template && addButton && totalForms) {
    addButton.hidden = false;
    addButton.addEventListener("click", function () {
      var index = parseInt(totalForms.value, 10);
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
      var card = holder.firstElementChild;
      findings.appendChild(card);
      totalForms.value = String(index + 1);
      setUp(card);
      var first = card.querySelector("select, input:not([type=hidden]), textarea");
      if (first) {
        first.focus();
      }
    });
  }

  // Coming back with the browser's back button shows the page as it was left: usable again.
  window.addEventListener("pageshow", function () {
    delete form.dataset.sent;
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
      button.disabled = false;
    });
  });

  // Uploading an attachment reloads the page: ask first when the report has unsaved changes.
  var markDirty = function () {
    form.dataset.dirty = "1";
  };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  var uploadForm = document.getElementById("attachment-form");
  if (uploadForm) {
    uploadForm.addEventListener("submit", function (event) {
      if (form.dataset.dirty && !window.confirm(uploadForm.dataset.unsavedWarning)) {
        event.preventDefault();
      }
    });
  }

  // One click sends the form once; the server refuses a second submission as well.
  form.addEventListener("submit", function (event) {
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
        button.disabled = true;
      });
    }, 0);
  });
})();
