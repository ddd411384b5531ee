// The answer page's "my time zone" for an invitee with no zone of their own: offer the
// browser's zone. Progressive enhancement only: without this file the offer stays hidden and
// the page shows the meeting's zone; the server accepts only a name on its zone list.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var offer = document.querySelector("a[data-browser-zone]");
    var zone = browserZone();
    if (!offer || !zone || zone === offer.getAttribute("data-meeting-zone")) {
      return;
    }
    var named = document.createElement("span");
    named.className = "zone";
    named.textContent = "(" + zone + ")";
    offer.href = "?zone=" + encodeURIComponent(zone);
    offer.append(" ", named);
    offer.hidden = false;
  });
})();
