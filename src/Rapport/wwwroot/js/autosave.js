// Autosave for notes taken during a conversation. Every box with data-autosave inside a form with
// data-autosave-url is sent as it changes. Until the server confirms, the text is kept in this
// browser (localStorage), so a dropped connection or a closed tab loses nothing: it is sent again
// when the connection returns or the page is opened again. Without this file the form still saves.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  var url = form.getAttribute("data-autosave-url");
  var status = document.querySelector("[data-autosave-status]");
  var token = (document.querySelector('meta[name="antiforgery-token"]') || {}).content || "";
  var timers = {};
  var pending = {};
  // Boxes changed somewhere else: not sent again until the person chooses to keep theirs.
  var conflicts = {};

  function key(target) { return "rapport:draft:" + url + ":" + target; }
  function say(text, state) { if (status) { status.textContent = text; status.setAttribute("data-state", state); } }
  function valueOf(field) { return field.type === "checkbox" ? (field.checked ? "true" : "false") : field.value; }
  function store(target, text) { try { localStorage.setItem(key(target), text); } catch (e) { /* full or blocked */ } }
  function stored(target) { try { return localStorage.getItem(key(target)); } catch (e) { return null; } }
  function forget(target, text) { try { if (localStorage.getItem(key(target)) === text) localStorage.removeItem(key(target)); } catch (e) { /* ignore */ } }

  function box(target) { return form.querySelector('[data-autosave="' + target + '"]'); }

  // The notice under a box from the server (409): what the box now says elsewhere, and "Keep mine".
  function showConflict(target, html) {
    var field = box(target);
    if (!field) return;
    var holder = form.querySelector('[data-conflict-for="' + target + '"]');
    if (!holder) {
      holder = document.createElement("div");
      holder.setAttribute("data-conflict-for", target);
      field.parentNode.insertBefore(holder, field.nextSibling);
    }
    holder.innerHTML = html;
  }

  function send(target) {
    var text = stored(target);
    if (text === null) return Promise.resolve(true);
    if (conflicts[target] !== undefined) return Promise.resolve(false);
    pending[target] = true;
    var field = box(target);
    var body = new URLSearchParams();
    body.set("target", target);
    body.set("text", text);
    // The version and the box as this page last saw them: the server refuses to overwrite a box changed elsewhere.
    body.set("Opened.Version", form.getAttribute("data-version") || "0");
    body.set("Opened.Fields", (field && field.getAttribute("data-opened")) || "");
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "RequestVerificationToken": token }, body: body })
      .then(function (response) {
        delete pending[target];
        var version = response.headers.get("X-Version");
        var opened = response.headers.get("X-Opened");
        if (version) form.setAttribute("data-version", version);
        if (response.ok) {
          if (field && opened) field.setAttribute("data-opened", opened);
          forget(target, text);
          return true;
        }
        if (response.status === 409) {
          conflicts[target] = opened || "";
          say("A note was changed somewhere else: see below it. Your text is kept.", "error");
          return response.text().then(function (html) { showConflict(target, html); return false; });
        }
        if (response.status === 401 || response.status === 403) { say("You are signed out: sign in again; your notes are kept on this device.", "error"); return false; }
        say("Not saved (" + response.status + "): kept on this device.", "error");
        return false;
      })
      .catch(function () {
        delete pending[target];
        say("Offline: your notes are kept on this device and sent when the connection is back.", "offline");
        return false;
      });
  }

  function flush() {
    var targets = [];
    try {
      Object.keys(localStorage).forEach(function (k) {
        var prefix = "rapport:draft:" + url + ":";
        if (k.indexOf(prefix) === 0) targets.push(k.substring(prefix.length));
      });
    } catch (e) { return; }
    if (targets.length === 0) return;
    say("Saving…", "saving");
    Promise.all(targets.map(send)).then(function (results) {
      if (results.every(Boolean) && Object.keys(pending).length === 0) say("All notes saved.", "saved");
    });
  }

  var fields = form.querySelectorAll("[data-autosave]");
  Array.prototype.forEach.call(fields, function (field) {
    var target = field.getAttribute("data-autosave");
    // A draft still on this device is newer than what the server sent: show it and send it.
    var draft = stored(target);
    if (draft !== null) {
      if (field.type === "checkbox") field.checked = draft === "true"; else field.value = draft;
    }
    var handler = function () {
      store(target, valueOf(field));
      say("Saving…", "saving");
      clearTimeout(timers[target]);
      timers[target] = setTimeout(function () {
        send(target).then(function (ok) { if (ok && Object.keys(pending).length === 0) say("All notes saved.", "saved"); });
      }, 600);
    };
    field.addEventListener(field.type === "checkbox" ? "change" : "input", handler);
  });

  // "Keep mine": save the person's text over the other change, now that they have seen it.
  form.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-keep-mine]") : null;
    if (!button) return;
    var target = button.getAttribute("data-keep-mine");
    var field = box(target);
    if (field && conflicts[target]) field.setAttribute("data-opened", conflicts[target]);
    delete conflicts[target];
    var holder = form.querySelector('[data-conflict-for="' + target + '"]');
    if (holder) holder.parentNode.removeChild(holder);
    if (field) store(target, valueOf(field));
    say("Saving…", "saving");
    send(target).then(function (ok) { if (ok && Object.keys(pending).length === 0) say("All notes saved.", "saved"); });
  });

  window.addEventListener("online", flush);
  setInterval(function () { if (navigator.onLine !== false) flush(); }, 10000);
  flush();

  // The timer: time left against the agreed length, from the later of the planned start and the person's start.
  // Before that it leaves the server's "Starts in ..." until the start comes; once ended it has no end to count to.
  var timer = document.querySelector("[data-timer-end]");
  if (timer && timer.getAttribute("data-timer-end")) {
    var end = new Date(timer.getAttribute("data-timer-end")).getTime();
    var startAttr = timer.getAttribute("data-timer-start");
    var start = startAttr ? new Date(startAttr).getTime() : 0;
    // Counted on the server's clock (as the page said it), so a device whose clock is off still counts right.
    var nowAttr = timer.getAttribute("data-timer-now");
    var offset = nowAttr ? new Date(nowAttr).getTime() - Date.now() : 0;
    var tick = function () {
      var now = Date.now() + offset;
      if (now < start) return;
      var minutes = Math.round((end - now) / 60000);
      timer.textContent = minutes >= 0 ? minutes + " min left" : -minutes + " min over the agreed time";
      timer.setAttribute("data-state", minutes < 0 ? "over" : minutes <= 5 ? "soon" : "ok");
    };
    tick();
    setInterval(tick, 15000);
  }
})();
