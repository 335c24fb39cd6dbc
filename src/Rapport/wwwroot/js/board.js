// The board's drag and drop. A card dropped on another column is sent to the same move as its menu's buttons; the
// server decides whether the move is allowed. A refused move (422), or a card moved in another tab since the board
// was shown (409), puts the card back where it was and says why in the live region. After a move the columns are
// read again, so counts, versions, menus and the tasks the rules made are current. Without this file (or without
// SortableJS) each card's menu moves it with a plain form.
(function () {
  "use strict";
  var holder = document.getElementById("board");
  var message = document.getElementById("board-message");
  if (!holder || typeof Sortable === "undefined") return;
  var token = (document.querySelector('meta[name="antiforgery-token"]') || {}).content || "";
  var boardUrl = holder.getAttribute("data-board-url");
  var lists = [];

  function say(text) { if (message) message.textContent = text; }

  function moveUrl() {
    var url = new URL(boardUrl, window.location.href);
    url.searchParams.set("handler", "Move");
    return url.toString();
  }

  // Back to the column and place it came from: order within a column is the time of the last move.
  function putBack(evt) {
    var from = evt.from;
    from.insertBefore(evt.item, from.children[evt.oldIndex] || null);
  }

  function refresh() {
    var board = holder.querySelector(".board");
    var left = board ? board.scrollLeft : 0;
    return fetch(boardUrl, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        holder.innerHTML = html;
        var again = holder.querySelector(".board");
        if (again) again.scrollLeft = left;
        start();
      });
  }

  function dropped(evt) {
    if (evt.from === evt.to) { putBack(evt); return; }
    var card = evt.item;
    var name = (card.querySelector("h3") || card).textContent.trim();
    var body = new FormData();
    body.append("id", card.getAttribute("data-id"));
    body.append("to", evt.to.getAttribute("data-stage"));
    body.append("Opened.Version", card.getAttribute("data-version"));
    body.append("Opened.Fields", card.getAttribute("data-opened"));
    card.setAttribute("aria-busy", "true");
    say("Moving " + name + "…");
    fetch(moveUrl(), { method: "POST", credentials: "same-origin", headers: { "RequestVerificationToken": token, "HX-Request": "true" }, body: body })
      .then(function (response) {
        return response.text().then(function (text) {
          card.removeAttribute("aria-busy");
          if (response.ok) {
            say(text);
            return refresh();
          }
          putBack(evt);
          if (response.status === 422 || response.status === 409) say(text);
          else if (response.status === 404) say(name + " is no longer on your board. Nothing was moved.");
          else say(name + " could not be moved just now. Nothing was moved; try again.");
        });
      })
      .catch(function () {
        card.removeAttribute("aria-busy");
        putBack(evt);
        say(name + " could not be moved: the connection was lost. Nothing was moved.");
      });
  }

  function start() {
    lists.forEach(function (sortable) { sortable.destroy(); });
    lists = [];
    holder.querySelectorAll("ol.board-cards").forEach(function (list) {
      lists.push(Sortable.create(list, {
        group: "board",
        draggable: "li",
        animation: 150,
        // A finger first scrolls the board; holding it still a moment picks the card up.
        delay: 200,
        delayOnTouchOnly: true,
        // The menu, the links and the buttons on a card stay clickable.
        filter: "a, button, summary, input, details ul",
        preventOnFilter: false,
        ghostClass: "board-card-ghost",
        onEnd: dropped,
      }));
    });
  }

  start();
})();
