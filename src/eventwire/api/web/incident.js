"use strict";
// The incident page's chart and map, drawn from the JSON the server embedded in #incident-data.
// Step chart: Observable Plot (vendor/plot); map: Leaflet + markercluster (vendor/), basemap from
// /static/world.json (the project's own outlines, x = lon, y = -lat): no tiles, no network.
// Article text only ever reaches the page through textContent or attributes, never as HTML.

function incidentData() {
  const node = document.getElementById("incident-data");
  return node ? JSON.parse(node.textContent) : { points: [], markers: [] };
}

function pointLabel(p) {
  const amount = (p.vague ? "at least " : "") + p.value;
  const who = p.claimant ? `, ${p.claimant}` : "";
  return `${p.field} ${amount} (${p.outlet || "no outlet"}, ${p.published}${who}${p.hedged ? ", hedged" : ""})`;
}

function drawChart(points) {
  const holder = document.getElementById("toll-chart");
  if (!holder || !points.length || typeof Plot === "undefined") return;
  const dated = points.map((p) => ({ ...p, day: new Date(p.published + "T00:00:00Z") }));
  const chart = Plot.plot({
    width: Math.max(320, holder.clientWidth || 640), height: 260, marginRight: 90,
    x: { type: "utc", label: "published", ticks: "day", tickFormat: "%e %b" }, y: { grid: true, zero: true, label: "people" },
    color: { type: "categorical" },
    marks: [
      Plot.line(dated, { x: "day", y: "value", z: "field", stroke: "field", curve: "step-after" }),
      Plot.dot(dated, { x: "day", y: "value", fill: "field", r: 5, href: "link", title: pointLabel,
                        ariaLabel: pointLabel }),
      Plot.text(dated, Plot.selectLast({ x: "day", y: "value", z: "field", text: "field", fill: "field",
                                         dx: 8, textAnchor: "start" })),
    ],
  });
  // Plot puts a <style> element in its SVG; the page's CSP allows no inline style, and incident.css has
  // the same rules, so it goes before the chart is attached.
  chart.querySelectorAll("style").forEach((s) => s.remove());
  chart.classList.add("toll-chart");
  holder.replaceChildren(chart);
}

function rings(d) {
  // "M x y L x y ... Z" paths, absolute: one ring per subpath, as Leaflet [lat, lon] pairs
  return d.split("M").filter(Boolean).map((part) => part.replace(/Z/g, "").split("L").map((pair) => {
    const [x, y] = pair.trim().split(/\s+/).map(Number);
    return [-y, x];
  }));
}

async function drawBasemap(map) {
  const response = await fetch("/static/world.json");
  if (!response.ok) return;
  const world = await response.json();
  const style = { className: "country", interactive: false, weight: 0.7, color: "#9a9385", fillColor: "#f4f1e8",
                  fillOpacity: 1 };
  for (const country of world.countries) {
    L.polygon(rings(country.d).map((ring) => [ring]), style).addTo(map);
  }
}

function popupContent(marker) {
  const box = document.createElement("div");
  const name = document.createElement("strong");
  name.textContent = marker.name;
  const link = document.createElement("a");
  link.href = marker.link;
  link.className = "evidence";
  link.textContent = marker.title;
  box.append(name, document.createElement("br"), link);
  return box;
}

function drawMap(data) {
  const holder = document.getElementById("incident-map");
  if (!holder || typeof L === "undefined") return;
  const map = L.map(holder, { worldCopyJump: false, minZoom: 1, maxZoom: 12 });
  const show = () => { holder.dataset.zoom = String(map.getZoom()); };
  map.on("zoomend", show);
  const where = data.markers.map((m) => [m.lat, m.lon]);
  // the view is set before any layer is added, so the clusters are made once, at the zoom shown
  if (where.length) map.fitBounds(where, { padding: [30, 30], maxZoom: 6, animate: false });
  else if (data.place && data.place.lat != null) map.setView([data.place.lat, data.place.lon], 5);
  else map.setView([20, 0], 1);
  drawBasemap(map).then(() => { holder.dataset.basemap = "ready"; });
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  for (const m of data.markers) {
    cluster.addLayer(L.marker([m.lat, m.lon], { title: m.name, alt: m.name }).bindPopup(() => popupContent(m)));
  }
  map.addLayer(cluster);
  show();
}

document.addEventListener("DOMContentLoaded", () => {
  const data = incidentData();
  drawChart(data.points);
  drawMap(data);
  document.body.dataset.drawn = "yes";
});
