// The admin's export page: the "select all" box, bound here rather than by an inline
// handler, which the Content-Security-Policy forbids (see templates/admin/import_export/export.html).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var toggle = document.getElementById("select-all-toggle");
  if (toggle && typeof window.onSelectToggleChange === "function") {
    toggle.addEventListener("change", window.onSelectToggleChange);
  }
});
