"use strict";
// Live alerts: the latest from /api/alerts, then new ones as server-sent events, without a reload.
// Alert text comes from articles: it only ever reaches the page through textContent.

(function () {
  const panel = document.createElement("section");
  panel.id = "alerts-panel";
  const heading = document.createElement("h2");
  heading.textContent = "Alerts";
  const feedLink = document.createElement("a");
  feedLink.href = "/alerts.atom";
  feedLink.textContent = "Atom";
  feedLink.className = "feed";
  heading.append(" ", feedLink);
  const list = document.createElement("ol");
  list.id = "alerts";
  panel.append(heading, list);

  function item(alert) {
    const li = document.createElement("li");
    li.className = "alert";
    li.dataset.id = alert.id;
    const when = document.createElement("time");
    when.textContent = (alert.created || "").replace("T", " ").replace("Z", "");
    const text = document.createElement("span");
    text.className = "title";
    text.textContent = alert.title;
    li.append(when, " ", text);
    if (alert.documents && alert.documents.length) {
      const link = document.createElement("a");
      link.href = "/documents/" + encodeURIComponent(alert.documents[0]);
      link.className = "cite";
      link.textContent = "source";
      li.append(" ", link);
    }
    return li;
  }

  function add(alert, first) {
    if (list.querySelector(`li[data-id="${CSS.escape(alert.id)}"]`)) return;
    if (first) list.prepend(item(alert));
    else list.append(item(alert));
    while (list.children.length > 50) list.lastElementChild.remove();
  }

  async function start() {
    const main = document.querySelector("main") || document.body;
    main.prepend(panel);
    let after = 0;
    try {
      const answer = await fetch("/api/alerts?limit=20");
      const data = await answer.json();
      for (const alert of data.items) {
        add(alert, false);
        after = Math.max(after, alert.seq);
      }
    } catch (error) {
      // no alerts yet (or the server is older): the stream still starts
    }
    const stream = new EventSource(`/api/alerts/stream?after=${after}`);
    stream.addEventListener("alert", (event) => add(JSON.parse(event.data), true));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
