// Composing a message: a live character count (LinkedIn's limit shown), the mail link kept in step
// with the edited text, and a copy button. The page works without it.
(function () {
  "use strict";
  var form = document.querySelector("form.compose");
  if (!form) return;
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    var text = (subject && subject.value ? subject.value + "\n\n" : "") + source.value;
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy the message"; }, 2000); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { source.select(); });
    } else {
      source.select();
    }
  });
})();
