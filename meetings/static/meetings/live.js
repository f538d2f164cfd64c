// The meeting's live part: one WebSocket that brings the group's messages, vote tallies and changes
// to the speakers' queue. It reconnects by itself and, on each connection, asks for the messages it
// missed. Every action also works as a plain form without this script.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.WebSocket) { return; }
  var state = document.querySelector("[data-live-state]");
  var thread = document.getElementById("thread");
  var group = thread ? thread.dataset.group : null;
  var last = {};
  if (thread) { last[group] = parseInt(thread.dataset.last || "0", 10); }
  var socket = null, delay = 500, refreshing = null;

  function say(text) { if (state) { state.textContent = text; } }

  function append(message) {
    if (!thread || String(message.group) !== group || message.id <= (last[group] || 0)) { return; }
    last[group] = message.id;
    thread.dataset.last = String(message.id);
    var item = document.createElement("li"), at = document.createElement("span"),
      who = document.createElement("strong"), text = document.createElement("span");
    item.dataset.id = String(message.id);
    at.className = "muted"; at.textContent = message.at;
    who.textContent = message.author;
    text.className = "text"; text.textContent = message.text;
    item.append(at, " ", who, ": ", text);
    thread.appendChild(item);
    item.scrollIntoView({block: "nearest"});
  }

  function tally(payload) {
    var list = document.querySelector('[data-tally="' + payload.id + '"]');
    if (!list) { return; }
    Object.keys(payload.tally).forEach(function (choice) {
      var cell = list.querySelector('[data-choice="' + choice + '"]');
      if (cell) { cell.textContent = String(payload.tally[choice]); }
    });
  }

  // A vote opened or closed, a speaker called: the page's live sections are read again from the server.
  function refresh() {
    if (!root.dataset.refresh) { return; }
    clearTimeout(refreshing);
    refreshing = setTimeout(function () {
      fetch(root.dataset.refresh, {credentials: "same-origin"}).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live-part]").forEach(function (part) {
          var replacement = fresh.getElementById(part.id);
          if (replacement) { part.replaceWith(document.importNode(replacement, true)); }
        });
      });
    }, 150);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
    socket.onopen = function () {
      delay = 500;
      say("");
      root.dataset.connected = "1";
      if (thread) { socket.send(JSON.stringify({type: "since", after: last})); }
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.event === "message") { append(data.payload); }
      else if (data.event === "tally") { tally(data.payload); }
      else if (data.event === "motion" || data.event === "speakers") { refresh(); }
      else if (data.event === "error") { say(data.payload.message); }
      else if (data.event === "synced") { root.dataset.synced = "1"; }
    };
    socket.onclose = function (event) {
      root.dataset.connected = "";
      if (event.code === 4403 || event.code === 4401) { say(root.dataset.refused || ""); return; }
      say(root.dataset.reconnecting || "");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    };
  }

  var form = document.getElementById("say");
  if (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("[name=text]");
      if (!socket || socket.readyState !== WebSocket.OPEN || !field.value.trim()) { return; }
      event.preventDefault();
      socket.send(JSON.stringify({type: "message", group: group, text: field.value}));
      field.value = "";
      field.focus();
    });
  }
  connect();
})();
