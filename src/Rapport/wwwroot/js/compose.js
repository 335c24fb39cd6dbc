// Composing a message: a live character count (LinkedIn's limit shown), the mail link kept in step
// with the edited text, a copy button, and a question before a message with unfilled fields leaves
// by mail link or copy. The page works without it. The composer is swapped in again when a template
// is picked, so the form is found afresh after each swap.
(function () {
  "use strict";

  function unfilled(form) {
    var body = form.querySelector("[data-mail-body]");
    var subject = form.querySelector("[data-mail-subject]");
    var text = (subject ? subject.value + "\n" : "") + body.value;
    return (body.getAttribute("data-unfilled") || "").split(" ").filter(function (name) {
      return name && text.indexOf("[" + name + "]") >= 0;
    }).map(function (name) { return "[" + name + "]"; });
  }

  // True when the message may go: nothing unfilled, or the person says it may.
  function mayGo(form) {
    var left = unfilled(form);
    return left.length === 0 || window.confirm("The message still has " + left.join(", ") + " in brackets. Send it like that?");
  }

  function start() {
    var form = document.querySelector("form.compose");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var body = form.querySelector("[data-mail-body]");
    var subject = form.querySelector("[data-mail-subject]");
    var count = form.querySelector("[data-count-for]");
    var channel = form.querySelector("select[name='Channel']");
    var limit = parseInt(form.getAttribute("data-linkedin-limit"), 10) || 200;
    var mailto = document.querySelector("[data-mailto]");

    function update() {
      var length = body.value.length;
      var linkedIn = channel && channel.value === "LinkedIn";
      count.textContent = length + " characters" + (linkedIn ? " of " + limit + " LinkedIn allows" : "");
      count.setAttribute("data-over", linkedIn && length > limit ? "true" : "false");
      if (mailto) {
        var url = "mailto:" + mailto.getAttribute("data-mailto") + "?subject=" + encodeURIComponent(subject ? subject.value : "") + "&body=" + encodeURIComponent(body.value);
        var tooLong = url.length > parseInt(mailto.getAttribute("data-mailto-max"), 10);
        mailto.setAttribute("href", tooLong ? "#" : url);
        mailto.setAttribute("aria-disabled", tooLong ? "true" : "false");
        mailto.textContent = tooLong ? "Too long for a mail link: copy it" : "Open in my mail app";
      }
    }
    body.addEventListener("input", update);
    if (subject) subject.addEventListener("input", update);
    if (channel) channel.addEventListener("change", update);
    update();
  }

  document.addEventListener("click", function (event) {
    var form = document.querySelector("form.compose");
    if (!form || !event.target.closest) return;
    var link = event.target.closest("[data-mailto]");
    if (link && !mayGo(form)) {
      event.preventDefault();
      return;
    }
    var button = event.target.closest("[data-copy]");
    if (!button || !mayGo(form)) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    var subject = form.querySelector("[data-mail-subject]");
    var text = (subject && subject.value ? subject.value + "\n\n" : "") + source.value;
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy the message"; }, 2000); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { source.select(); });
    } else {
      source.select();
    }
  });

  // htmx carries the old element's style attribute over to the new one with the same id, and the
  // browser may have left an empty one: setting it breaks the Content-Security-Policy, so drop it first.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "composer") {
      event.detail.target.querySelectorAll("[style]").forEach(function (element) { element.removeAttribute("style"); });
    }
  });
  document.addEventListener("htmx:afterSettle", start);
  start();
})();
