// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // htmx requests carry the antiforgery token in a header (plain forms carry the hidden field).
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="antiforgery-token"]');
    if (meta && event.detail.verb !== "get") {
      event.detail.headers["RequestVerificationToken"] = meta.getAttribute("content");
    }
  });

  // A time zone picker marked data-detect-time-zone="true" (a first view) starts at the browser's own zone.
  document.addEventListener("DOMContentLoaded", function () {
    var picker = document.querySelector('select[data-detect-time-zone="true"]');
    if (!picker) return;
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) return;
    for (var i = 0; i < picker.options.length; i++) {
      if (picker.options[i].value === zone) { picker.value = zone; break; }
    }
  });

  // A checkbox with data-select-all="name" ticks or clears every checkbox of that name in its form.
  document.addEventListener("change", function (event) {
    var all = event.target.closest ? event.target.closest("[data-select-all]") : null;
    if (!all || !all.form) return;
    var boxes = all.form.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute("data-select-all") + '"]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
  });

  // A channel picker marked data-subject-channels shows its form's subject field only for the channels listed
  // (a LinkedIn note has no subject line); without this the page shows it as saved.
  document.addEventListener("change", function (event) {
    var picker = event.target.closest ? event.target.closest("select[data-subject-channels]") : null;
    var field = picker && picker.form ? picker.form.querySelector("[data-subject-field]") : null;
    if (!field) return;
    field.hidden = picker.getAttribute("data-subject-channels").split(" ").indexOf(picker.value) < 0;
  });

  // Drag and drop reordering for lists marked data-sortable (the up and down buttons do the same without it).
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest ? event.target.closest("[data-sortable] > li") : null;
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
  });
  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var over = event.target.closest ? event.target.closest("[data-sortable] > li") : null;
    if (!over || over === dragged || over.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    over.parentNode.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });
  document.addEventListener("dragend", function () {
    if (!dragged) return;
    var list = dragged.parentNode;
    dragged.classList.remove("dragging");
    dragged = null;
    var body = new URLSearchParams();
    Array.prototype.forEach.call(list.children, function (li) { body.append("order", li.getAttribute("data-id")); });
    // The version the list was shown at: a list changed elsewhere since is answered with 409 and the list as it is.
    if (list.hasAttribute("data-opened-version")) {
      body.append("Opened.Version", list.getAttribute("data-opened-version"));
      body.append("Opened.Fields", list.getAttribute("data-opened-fields") || "");
    }
    var meta = document.querySelector('meta[name="antiforgery-token"]');
    fetch(list.getAttribute("data-sortable"), {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "RequestVerificationToken": meta ? meta.content : "", "HX-Request": "true" }
    }).then(function (response) { return response.ok || response.status === 409 ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var holder = list.closest("#question-list");
        if (holder && window.htmx) { holder.outerHTML = html; window.htmx.process(document.getElementById("question-list")); }
      });
  });

  // Print buttons.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (!button) return;
    event.preventDefault();
    window.print();
  });

  // Buttons with data-confirm ask before a destructive action.
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-confirm]") : null;
    if (target && !window.confirm(target.getAttribute("data-confirm"))) event.preventDefault();
  });

  // Signing out leaves nothing about anyone in this browser's storage.
  document.addEventListener("submit", function (event) {
    if (!event.target.matches('form[action$="/account/sign-out"]')) return;
    try {
      Object.keys(localStorage).filter(function (k) { return k.indexOf("rapport:") === 0; })
        .forEach(function (k) { localStorage.removeItem(k); });
    } catch (e) { /* storage unavailable */ }
  });
})();
