// A live character count under every field with a data-max-length (inspection_portal/fields.py).
// The browser's maxlength would silently cut a pasted text; this shows how much is left, or how
// much to shorten, and the server refuses a text that is too long, keeping it for correction.
(function () {
  "use strict";

  // Django's JavaScript catalogue (/jsi18n/, or the admin's) gives the Thai.
  var gettext = window.gettext || function (text) { return text; };
  var counted = 0;

  function format(template, n, max) {
    return template.replace("%(n)s", n.toLocaleString()).replace("%(max)s", max.toLocaleString());
  }

  function setUp(field) {
    if (field.dataset.counted) {
      return;
    }
    field.dataset.counted = "1";
    var max = parseInt(field.getAttribute("data-max-length"), 10);
    var counter = document.createElement("div");
    counted += 1;
    counter.id = (field.id || "field-" + counted) + "-count";
    counter.className = "form-text char-count";
    field.insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);

    function update() {
      var length = field.value.length;
      var over = length > max;
      counter.textContent = over
        ? format(gettext("%(n)s characters too long (at most %(max)s): shorten it"), length - max, max)
        : format(gettext("%(n)s characters left (of %(max)s)"), max - length, max);
      counter.classList.toggle("text-danger", over);
      counter.classList.toggle("fw-bold", over);
      // Announced only when crossing the limit, not on every keystroke.
      counter.setAttribute("aria-live", over ? "polite" : "off");
    }
    field.addEventListener("input", update);
    update();
  }

  function scan(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll("[data-max-length]"), setUp);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    // Fields added later (a new finding card) are counted too.
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType === 1) {
            scan(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
