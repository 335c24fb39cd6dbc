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

  // Buttons with data-confirm ask before a destructive action.
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-confirm]") : null;
    if (target && !window.confirm(target.getAttribute("data-confirm"))) event.preventDefault();
  });
})();
