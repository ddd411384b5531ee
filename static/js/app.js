// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Ask before destructive actions marked with data-confirm.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Bring keyboard and screen-reader focus to a form's error summary.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
