// The report form: show the fields of each finding's kind, add and remove findings
// without losing what was typed, send the form only once, point to the errors of a refused
// save, warn before leaving with unsaved text and keep a copy of it in this browser.
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
    leaving = false;
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
      button.disabled = false;
    });
  });

  // The error summary of a refused save gets the focus; its links put the cursor in the field.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    Array.prototype.forEach.call(summary.querySelectorAll("[data-error-link]"), function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target && typeof target.focus === "function") {
          event.preventDefault();
          var card = target.closest("[data-finding]");
          if (card) {
            card.hidden = false;
          }
          target.scrollIntoView({ block: "center" });
          target.focus();
        }
      });
    });
  }

  // Unsaved text: a warning before leaving the page, and a copy kept in this browser
  // (per report and user) until the portal has it, offered back after a crash or a lost connection.
  var dirty = false;
  var leaving = false;
  var draftKey = form.dataset.draftKey;
  var storage = null;
  try {
    storage = window.localStorage;
  } catch (error) {
    storage = null; // private mode or storage switched off: the leave warning still works
  }

  function saveableFields() {
    return form.querySelectorAll(
      "textarea[name], select[name], input[name]:not([type=hidden]):not([type=file]):not([type=submit])"
    );
  }

  function fieldKey(input) {
    return input.type === "checkbox" || input.type === "radio" ? input.name + "=" + input.value : input.name;
  }

  function fieldValue(input) {
    return input.type === "checkbox" || input.type === "radio" ? input.checked : input.value;
  }

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(saveableFields(), function (input) {
      values[fieldKey(input)] = fieldValue(input);
    });
    return { values: values, total: totalForms ? totalForms.value : "0", version: form.dataset.version, at: Date.now() };
  }

  function readStored() {
    if (!storage || !draftKey) {
      return null;
    }
    try {
      return JSON.parse(storage.getItem(draftKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeStored(data) {
    if (storage && draftKey) {
      try {
        storage.setItem(draftKey, JSON.stringify(data));
      } catch (error) {
        // storage full: the leave warning still protects the text
      }
    }
  }

  function forget() {
    if (storage && draftKey) {
      storage.removeItem(draftKey);
    }
  }

  var timer = null;
  function markDirty() {
    dirty = true;
    form.dataset.dirty = "1";
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (!leaving) {
        writeStored(snapshot());
      }
    }, 400);
  }
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);

  function differsFromPage(stored) {
    var current = snapshot().values;
    return Object.keys(stored.values).some(function (key) {
      var value = stored.values[key];
      if (value === "" || value === false) {
        return false;
      }
      return current[key] !== value;
    });
  }

  function restore(stored) {
    var wanted = parseInt(stored.total, 10) || 0;
    while (addButton && totalForms && parseInt(totalForms.value, 10) < wanted) {
      addButton.click();
    }
    Array.prototype.forEach.call(saveableFields(), function (input) {
      var key = fieldKey(input);
      if (!(key in stored.values)) {
        return;
      }
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = stored.values[key];
      } else {
        input.value = stored.values[key];
      }
      input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
      if (input.name.slice(-7) === "-DELETE" && input.checked) {
        input.closest("[data-finding]").hidden = true;
      }
    });
    markDirty();
  }

  var stored = readStored();
  var banner = document.getElementById("draft-restore");
  if (stored) {
    if (stored.sent && stored.version !== form.dataset.version) {
      forget(); // the portal saved it: the page shows the newer version
    } else if (!differsFromPage(stored)) {
      forget();
    } else if (banner) {
      var text = banner.querySelector("[data-restore-text]");
      var when = new Date(stored.at).toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "th-TH");
      text.textContent = text.dataset.template.replace("%(when)s", when);
      banner.hidden = false;
      banner.querySelector("[data-restore]").addEventListener("click", function () {
        restore(stored);
        banner.hidden = true;
      });
      banner.querySelector("[data-discard]").addEventListener("click", function () {
        forget();
        banner.hidden = true;
      });
    }
  }

  window.addEventListener("beforeunload", function (event) {
    if (dirty && !leaving) {
      event.preventDefault();
      event.returnValue = form.dataset.leaveWarning || "";
      return event.returnValue;
    }
    return undefined;
  });

  // Uploading an attachment reloads the page: ask first when the report has unsaved changes.
  var uploadForm = document.getElementById("attachment-form");
  if (uploadForm) {
    uploadForm.addEventListener("submit", function (event) {
      if (dirty && !window.confirm(uploadForm.dataset.unsavedWarning)) {
        event.preventDefault();
        return;
      }
      leaving = true; // asked already (the text stays in this browser's copy)
    });
  }

  // One click sends the form once; the server refuses a second submission as well.
  form.addEventListener("submit", function (event) {
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = "1";
    leaving = true;
    window.clearTimeout(timer);
    var sending = snapshot();
    sending.sent = true;
    writeStored(sending); // kept until the next page shows the portal saved it
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
        button.disabled = true;
      });
    }, 0);
  });
})();
