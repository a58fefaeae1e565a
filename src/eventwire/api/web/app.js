"use strict";
// The eventwire page: one dossier request per filter change, drawn with DOM nodes.
// Article text only ever reaches the page as text nodes (append/textContent), never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTERS = ["since", "until", "type", "actor", "query", "story", "bbox"];
let world = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
}

function docLink(documentId, span) {
  if (!documentId) return null;
  let href = "/documents/" + encodeURIComponent(documentId);
  if (Array.isArray(span) && Number.isInteger(span[0]) && Number.isInteger(span[1])) {
    href += `?span=${span[0]}-${span[1]}#focus`;
  }
  return href;
}

function sourceLink(item, label = "source") {
  const href = docLink(item.document, item.span);
  return href ? el("a", { href, class: "cite" }, label) : null;
}

function httpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function range(low, high) {
  if (low === null || low === undefined) return "?";
  const fmt = (n) => Number(n).toLocaleString("en");
  return high === null || high === undefined || high === low ? fmt(low) : `${fmt(low)}–${fmt(high)}`;
}

// --- filters ---

function currentFilters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function restoreFilters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTERS) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  }
}

async function loadStories() {
  const select = document.getElementById("filters").elements.story;
  const wanted = new URLSearchParams(window.location.search).get("story");
  try {
    const response = await fetch("/api/stories?limit=200");
    if (!response.ok) return;
    for (const story of (await response.json()).items) {
      const id = story.id ?? story.story;
      if (id === undefined || id === null) continue;
      const label = story.title ?? story.name ?? story.label ?? String(id);
      select.append(el("option", { value: String(id) }, label));
    }
    if (wanted) select.value = wanted;
  } catch {
    // stories are a convenience; the page works without them
  }
}

// --- loading ---

async function refresh() {
  const params = currentFilters();
  const query = params.toString();
  window.history.replaceState(null, "", query ? `/?${query}` : "/");
  document.getElementById("printable").href = `/api/report?format=html${query ? "&" + query : ""}`;
  document.getElementById("markdown").href = `/api/report?format=md${query ? "&" + query : ""}`;
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  try {
    const [dossier] = await Promise.all([fetchJson(`/api/report?format=json${query ? "&" + query : ""}`),
      loadWorld()]);
    drawMap(dossier.map);
    drawTimeline(dossier.timeline);
    drawDossier(dossier);
    const events = dossier.timeline.filter((e) => e.kind === "event").length;
    status.textContent = `${dossier.sources.length} documents, ${events} events`;
  } catch (error) {
    status.textContent = `Could not load: ${error.message}`;
  }
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = JSON.stringify((await response.json()).detail);
    } catch {
      // keep the status text
    }
    throw new Error(`${response.status} ${detail}`);
  }
  return response.json();
}

async function loadWorld() {
  if (!world) world = (await fetchJson("/static/world.json")).countries;
  return world;
}

// --- map: laid out by the server (eventwire/report/worldmap.py drawing()); drawn here as it is given ---

let mapShown = "";

function drawMap(map) {
  const root = document.getElementById("map");
  root.replaceChildren();
  const layout = map.drawing;
  root.setAttribute("viewBox", layout.view_box.join(" "));
  mapShown = layout.area;
  const land = svg("g", { class: "land" });
  for (const index of layout.countries) {
    const country = world[index];
    const path = svg("path", { d: country.d });
    path.append(svg("title"));
    path.firstChild.textContent = country.name;
    land.append(path);
  }
  root.append(land);
  for (const point of layout.circles) {
    const href = docLink(point.document, point.span);
    const group = href ? svg("a", { href }) : svg("g");
    const circle = svg("circle", { class: `point ${point.kind}`, cx: point.cx, cy: point.cy, r: layout.radius });
    const title = svg("title");
    title.textContent = point.title;
    circle.append(title);
    group.append(circle);
    root.append(group);
    if (point.label) {
      const text = svg("text", { x: point.label.x, y: point.label.y, "font-size": layout.font_size });
      text.textContent = point.label.text;
      root.append(text);
    }
  }
}

function mapArea() {
  // the area shown, in degrees (west,south,east,north), as the server computed it
  return mapShown;
}

// --- timeline ---

function drawTimeline(entries) {
  const list = document.getElementById("timeline");
  list.replaceChildren();
  if (!entries.length) list.append(el("li", { class: "muted" }, "Nothing dated in this selection."));
  let day = null;
  for (const entry of entries) {
    if (entry.date !== day) {
      day = entry.date;
      list.append(el("li", { class: "day" }, day || "undated"));
    }
    list.append(timelineItem(entry));
  }
  drawHistogram(entries);
}

function timelineItem(entry) {
  const item = el("li", { class: `entry ${entry.kind}` });
  item.append(el("span", { class: "badge" }, entry.type || entry.kind));
  if (entry.kind === "event") {
    const who = (entry.actors || []).filter(Boolean).join(", ");
    const whom = (entry.recipients || []).filter(Boolean).join(", ");
    item.append(" ", el("strong", {}, [who, entry.trigger ? `(${entry.trigger})` : ""].filter(Boolean).join(" ")));
    if (whom) item.append(` → ${whom}`);
    if (entry.status && entry.status !== "asserted") {
      item.append(" ", el("span", { class: "status" }, entry.source ? `${entry.status} by ${entry.source}` : entry.status));
    }
    if (entry.reported) item.append(" ", el("span", { class: "muted" }, "(date reported)"));
    item.append(el("div", { class: "evidence" }, entry.text || ""));
  } else {
    item.append(" ", el("strong", {}, entry.text));
    if (entry.incident) {
      item.append(" ", el("a", { class: "unfolded", href: `/incidents/${encodeURIComponent(entry.incident)}` },
        "how it unfolded"));
    }
  }
  const link = sourceLink(entry);
  if (link) item.append(" ", link);
  return item;
}

function drawHistogram(entries) {
  const root = document.getElementById("histogram");
  root.replaceChildren();
  const counts = new Map();
  for (const entry of entries) if (entry.date) counts.set(entry.date, (counts.get(entry.date) || 0) + 1);
  const days = [...counts.keys()].sort();
  if (!days.length) return;
  const most = Math.max(...counts.values());
  const width = 400 / days.length;
  days.forEach((day, i) => {
    const height = (counts.get(day) / most) * 56;
    const bar = svg("rect", { x: i * width + 1, y: 60 - height, width: Math.max(width - 2, 1), height });
    const title = svg("title");
    title.textContent = `${day}: ${counts.get(day)}`;
    bar.append(title);
    root.append(bar);
  });
}

// --- dossier ---

function drawDossier(dossier) {
  document.getElementById("dossier-title").textContent = dossier.title;
  drawFactbox(dossier.factbox);
  drawFigures(dossier.figures);
  drawQuotes(dossier.quotes);
  drawActors(dossier.actors);
  drawSources(dossier.sources);
}

function row(label, ...cells) {
  return el("tr", {}, el("th", {}, label), el("td", {}, ...cells));
}

function drawFactbox(box) {
  const table = document.getElementById("factbox");
  table.replaceChildren();
  const where = box.where.map((p) => p.name + (p.country ? ` (${p.country})` : "")).join("; ");
  const when = box.when.first ? (box.when.last && box.when.last !== box.when.first
    ? `${box.when.first} to ${box.when.last}` : box.when.first) : "unknown";
  const who = box.who.map((w) => w.name + (w.roles.length ? ` (${w.roles.join(", ")})` : "")).join("; ");
  table.append(row("Where", where || "unknown"), row("When", when), row("Who", who || "unknown"));
  for (const line of box.status) table.append(row("Status", line.value || "", " ", sourceLink(line)));
  for (const fact of box.facts) table.append(row(fact.key || "", fact.value || "", " ", sourceLink(fact)));
}

function drawFigures(groups) {
  const root = document.getElementById("figures");
  root.replaceChildren();
  if (!groups.length) root.append(el("p", { class: "muted" }, "No figures reported."));
  for (const group of groups) {
    const head = el("h4", {}, `${group.category} (${group.unit}): ${range(group.low, group.high)}`);
    if (group.disagreement) head.append(" ", el("span", { class: "disagree" }, "sources disagree"));
    const list = el("ul");
    for (const claim of group.claims) {
      const reports = claim.reports > 1 ? ` (in ${claim.reports} reports)` : "";
      list.append(el("li", {}, `“${claim.text}” — ${claim.claimant || "reported"}${reports}`,
        claim.hedged ? el("span", { class: "status" }, "hedged") : null, " ", sourceLink(claim)));
    }
    root.append(head, list);
  }
}

function drawQuotes(speakers) {
  const root = document.getElementById("quotes");
  root.replaceChildren();
  if (!speakers.length) root.append(el("p", { class: "muted" }, "No quotes."));
  for (const speaker of speakers) {
    root.append(el("h4", {}, speaker.speaker, speaker.role ? el("span", { class: "muted" }, ` ${speaker.role}`) : null));
    for (const quote of speaker.quotes) root.append(el("blockquote", {}, quote.text, " ", sourceLink(quote)));
  }
}

function drawActors(actors) {
  const table = document.getElementById("actors");
  table.replaceChildren(el("tr", {}, ...["Actor", "Type", "Role", "Mentions", "Acts", "Targeted"].map((h) => el("th", {}, h))));
  const counts = (c) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ");
  for (const actor of actors) {
    table.append(el("tr", {}, ...[actor.name, actor.type || "", actor.roles.join(", "), actor.mentions,
      counts(actor.as_actor), counts(actor.as_recipient)].map((v) => el("td", {}, v))));
  }
}

function drawSources(sources) {
  const list = document.getElementById("sources");
  list.replaceChildren();
  for (const source of sources) {
    const item = el("li", {}, el("a", { href: docLink(source.id), class: "doc-link" }, source.title || source.id),
      " ", el("span", { class: "muted" }, `${source.published || "undated"} · ${source.events} events · ${source.quotes} quotes`));
    const url = httpUrl(source.url);
    if (url) item.append(" ", el("a", { href: url, rel: "noopener noreferrer nofollow" }, "original"));
    list.append(item);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  restoreFilters();
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  document.getElementById("use-map").addEventListener("click", () => {
    form.elements.bbox.value = mapArea();
    refresh();
  });
  document.getElementById("clear").addEventListener("click", () => {
    form.reset();
    refresh();
  });
  loadStories().then(refresh);
});
