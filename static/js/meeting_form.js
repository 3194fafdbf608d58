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

// The quarter and kind chosen above the form travel with it, so a choice made without pressing
// "Choose" is refused by the server instead of silently making the meeting the form was built for;
// the page says at once that the choice is not applied yet.
(function () {
  "use strict";

  var chooser = document.getElementById("period-form");
  var form = document.getElementById("meeting-form");
  if (!chooser || !form) {
    return;
  }
  var note = document.getElementById("kind-not-applied");
  var pairs = [
    [chooser.querySelector("[name=period]"), document.getElementById("chosen-period")],
    [chooser.querySelector("[name=kind]"), document.getElementById("chosen-kind")]
  ];

  function sync() {
    var differs = false;
    pairs.forEach(function (pair) {
      if (pair[0] && pair[1]) {
        pair[1].value = pair[0].value;
        differs = differs || pair[0].value !== pair[1].dataset.formValue;
      }
    });
    if (note) {
      note.classList.toggle("d-none", !differs);
    }
  }

  pairs.forEach(function (pair) {
    if (pair[0]) {
      pair[0].addEventListener("change", sync);
    }
  });
  sync();
})();
