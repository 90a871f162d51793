// Readout explorer: plain DOM, no build step. Document text is always set with
// textContent or text nodes, never as HTML.
"use strict";

const form = document.getElementById("filters");
const eventsList = document.getElementById("events");
const moreButton = document.getElementById("more");
let nextCursor = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.append(name, value);
  const response = await fetch(`${path}?${query}`, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function filters() {
  const data = new FormData(form);
  const params = {
    pair: data.get("pair").trim(),
    topic: data.get("topic"),
    speaker: data.get("speaker").trim(),
  };
  if (data.get("from")) params.date_from = `${data.get("from")}-01-01`;
  if (data.get("to")) params.date_to = `${data.get("to")}-12-31`;
  return params;
}

function drawTimeline(rows) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const years = rows.filter((r) => r.key !== null);
  if (!years.length) return;
  const width = svg.clientWidth || 800, height = 140, bottom = 18;
  const max = Math.max(...years.map((r) => r.events));
  const step = width / years.length;
  years.forEach((row, i) => {
    const barHeight = ((height - bottom - 12) * row.events) / max;
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", i * step + 2);
    rect.setAttribute("y", height - bottom - barHeight);
    rect.setAttribute("width", Math.max(step - 4, 1));
    rect.setAttribute("height", barHeight);
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${row.key}: ${row.events} events, ${row.statements} statements`;
    rect.append(title);
    const label = document.createElementNS("http://www.w3.org/2000/svg", "text");
    label.setAttribute("x", i * step + step / 2);
    label.setAttribute("y", height - 4);
    label.setAttribute("text-anchor", "middle");
    label.textContent = row.key;
    svg.append(rect, label);
  });
}

async function showSource(statement) {
  const documentRecord = await getJSON(`/v1/documents/${statement.document_id}`);
  const text = documentRecord.text;
  const mark = el("mark", { id: "highlight" }, text.slice(statement.start, statement.end));
  const pre = document.getElementById("source-text");
  pre.replaceChildren(
    document.createTextNode(text.slice(0, statement.start)),
    mark,
    document.createTextNode(text.slice(statement.end)),
  );
  document.getElementById("source-title").textContent = documentRecord.title || `Document ${documentRecord.id}`;
  document.getElementById("source-meta").textContent =
    [documentRecord.publisher, documentRecord.published, documentRecord.url].filter(Boolean).join(" · ");
  document.getElementById("source").hidden = false;
  mark.scrollIntoView({ block: "center" });
}

async function toggleStatements(item, event) {
  const existing = item.querySelector(".statements");
  if (existing) { existing.remove(); return; }
  const detail = await getJSON(`/v1/events/${event.id}`);
  const list = el("ul", { class: "statements" });
  for (const statement of detail.statements) {
    const button = el("button", { class: "statement", type: "button", "data-statement": statement.id },
      el("span", { class: "speaker" }, statement.speaker.name), ": ",
      statement.kind === "direct" ? `“${statement.text}”` : statement.text);
    button.addEventListener("click", () => showSource(statement).catch(showError));
    list.append(el("li", {}, button));
  }
  if (!detail.statements.length) list.append(el("li", { class: "meta" }, "No statements recorded."));
  item.append(list);
}

function renderEvent(event) {
  const who = event.participants.map((p) => p.name).join(", ") || "participants unknown";
  const head = el("button", { class: "event-head", type: "button", "data-event": event.id },
    `${event.date || "undated"} · ${event.type.replace("_", " ")} · ${event.countries.join("–")}`);
  const meta = el("div", { class: "meta" },
    `${who}${event.location ? " · " + event.location : ""} · ${event.sources.length} source(s)` +
    (event.topics.length ? ` · ${event.topics.join(", ")}` : ""));
  const item = el("li", {}, head, meta);
  head.addEventListener("click", () => toggleStatements(item, event).catch(showError));
  return item;
}

function showError(error) { document.getElementById("error").textContent = error.message; }

async function loadEvents(append = false) {
  const params = { ...filters(), limit: 50 };
  if (append && nextCursor) params.cursor = nextCursor;
  const page = await getJSON("/v1/events", params);
  if (!append) eventsList.replaceChildren();
  page.items.forEach((event) => eventsList.append(renderEvent(event)));
  nextCursor = page.next_cursor;
  moreButton.hidden = !nextCursor;
  document.getElementById("count").textContent = `(${eventsList.children.length}${nextCursor ? "+" : ""})`;
}

async function refresh() {
  document.getElementById("error").textContent = "";
  document.getElementById("source").hidden = true;
  const stats = await getJSON("/v1/stats/year", filters());
  drawTimeline(stats.items);
  await loadEvents(false);
}

async function start() {
  const topics = await getJSON("/v1/topics", { limit: 500 });
  const select = form.elements.topic;
  for (const topic of topics.items) select.append(el("option", { value: topic.slug }, topic.label));
  const speakers = await getJSON("/v1/speakers", { limit: 500 });
  const list = document.getElementById("speakers");
  for (const speaker of speakers.items) list.append(el("option", { value: speaker.name }));
  await refresh();
  document.body.dataset.ready = "true";
}

form.addEventListener("submit", (e) => { e.preventDefault(); refresh().catch(showError); });
moreButton.addEventListener("click", () => loadEvents(true).catch(showError));
start().catch(showError);
