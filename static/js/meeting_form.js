// The meeting form: send it only once (as the report form does; the server refuses a second
// sending of the same form too, by its one-time token).
(function () {
  "use strict";

  var form = document.getElementById("meeting-form");
  if (!form) {
    return;
  }

  // One click sends the form once; the server refuses a second submission as well.
  form.addEventListener("submit", function (event) {
    if (event.defaultPrevented) {
      return;
    }
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
