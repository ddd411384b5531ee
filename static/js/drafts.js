// Drafts: keep unsaved text across a reload, and warn before leaving with unsaved changes.
// Progressive enhancement only: without this file the edit form saves as usual, and an edit
// that crossed someone else's is merged by the server either way.
(function () {
  "use strict";

  var PREFIX = "coalition:";

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(PREFIX + key) || "null");
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch (error) {
      // Storage full or refused (private browsing): the form still works.
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(PREFIX + key);
      window.sessionStorage.removeItem(PREFIX + "saving:" + key);
    } catch (error) {
      // Nothing kept, nothing to forget.
    }
  }

  // After a save succeeded, the draft page opens: what this browser kept is saved now.
  function clearAfterSave() {
    var page = document.querySelector("[data-draft-page]");
    if (!page) {
      return;
    }
    var key = page.getAttribute("data-draft-page");
    try {
      if (window.sessionStorage.getItem(PREFIX + "saving:" + key)) {
        forget(key);
      }
    } catch (error) {
      // No session storage: the kept text is offered again next time, harmlessly.
    }
  }

  function setUpEditor(form) {
    var key = form.getAttribute("data-draft-key");
    var text = form.querySelector("textarea[name=text]");
    var base = form.querySelector("input[name=base_revision]");
    var notice = document.getElementById("restored-notice");
    var discard = document.getElementById("discard-restored");
    var savedText = document.getElementById("saved-text");
    var shown = { text: text.value, base: base.value };
    var submitting = false;
    try {
      window.sessionStorage.removeItem(PREFIX + "saving:" + key);
    } catch (error) {
      // Nothing to do.
    }

    var kept = read(key);
    // On the merge view the form holds the server's merge: never replace it.
    if (!form.hasAttribute("data-merging") && kept && kept.text !== text.value) {
      // The kept text goes back with the revision it was written from, so saving it after
      // someone else's save goes through the merge instead of overwriting their words.
      text.value = kept.text;
      base.value = kept.base;
      if (notice) {
        notice.hidden = false;
      }
    } else if (kept && kept.text === text.value) {
      forget(key);
    }

    text.addEventListener("input", function () {
      write(key, { text: text.value, base: base.value });
    });

    if (discard) {
      discard.addEventListener("click", function () {
        text.value = savedText ? savedText.content.textContent : shown.text;
        base.value = form.getAttribute("data-saved-base") || shown.base;
        shown = { text: text.value, base: base.value };
        forget(key);
        notice.hidden = true;
        text.focus();
      });
    }

    form.addEventListener("submit", function () {
      submitting = true;
      try {
        window.sessionStorage.setItem(PREFIX + "saving:" + key, "1");
      } catch (error) {
        // Without it the kept text is simply offered again.
      }
    });

    window.addEventListener("beforeunload", function (event) {
      if (submitting || text.value === shown.text) {
        return undefined;
      }
      event.preventDefault();
      event.returnValue = form.getAttribute("data-leave-warning") || "";
      return event.returnValue;
    });
  }

  // On the draft page: words selected in the text become the comment's passage.
  function setUpQuoting() {
    var button = document.getElementById("quote-selection");
    var text = document.getElementById("draft-text");
    var quote = document.getElementById("comment-quote");
    if (!button || !text || !quote) {
      return;
    }
    button.hidden = false;
    var selected = "";
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (selection && selection.rangeCount && text.contains(selection.anchorNode)) {
        selected = selection.toString().trim();
      }
    });
    button.addEventListener("click", function () {
      if (selected) {
        quote.value = selected;
      }
      quote.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    clearAfterSave();
    setUpQuoting();
    var form = document.getElementById("draft-editor");
    if (form) {
      setUpEditor(form);
    }
  });
})();
