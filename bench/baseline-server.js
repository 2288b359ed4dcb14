// The benchmark's yardstick: a bare node:http server that reads the same rows as
// the app's /events and /events/<slug> with better-sqlite3 and renders equivalent
// HTML with template strings. No framework, no page cache, no client JavaScript;
// it does gzip (zlib's default level, like the app's `compression`) so both send
// the same kind of bytes. Prepared statements and Intl formatters are reused, as
// any hand-written server would; every request still queries the database.
//
//   DATABASE_PATH=/tmp/x/bench.db PORT=4000 node bench/baseline-server.js
import http from "node:http";
import { gzip } from "node:zlib";
import Database from "better-sqlite3";
import MarkdownIt from "markdown-it";

const dbPath = process.env.DATABASE_PATH;
if (!dbPath) {
  console.error("DATABASE_PATH is required");
  process.exit(2);
}
const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
const PAGE_SIZE = 12;
const TYPES = ["webinar", "live-qa", "audio", "video", "workshop"];
const TYPE_NAMES = { webinar: "Webinar", "live-qa": "Live Q&A", audio: "Audio", video: "Video", workshop: "Workshop" };
const LOCALES = [["en", "English"], ["fr", "Français"], ["es", "Español"], ["ar", "العربية"], ["pl", "Polski"]];
const CITY_NAMES = {
  "America/New_York": "New York", "Europe/London": "London", "Europe/Zurich": "Geneva", "Africa/Nairobi": "Nairobi",
  "Asia/Bangkok": "Bangkok", "Asia/Amman": "Amman", "Asia/Dhaka": "Dhaka",
};

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  tokens[idx].tag = `h${Math.min(6, Number(tokens[idx].tag.slice(1)) + 2)}`;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx) => `</h${Math.min(6, Number(tokens[idx].tag.slice(1)) + 2)}>\n`;

const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ESC[c]);
const sqlDate = (date) => date.toISOString().replace("Z", "+00:00");

const q = {
  settings: db.prepare(`SELECT key, value FROM SiteSetting`),
  total: db.prepare(`SELECT COUNT(*) AS n FROM Event e WHERE e.status IN ('published','cancelled')
    AND EXISTS (SELECT 1 FROM Session s WHERE s.eventId = e.id AND s.endsAt >= ?)`),
  page: db.prepare(`SELECT e.id, e.slug, e.type, e.status, e.title, e.summary, e.timeZone, e.primaryLanguageCode,
      MIN(s.startsAt) AS nextStart
    FROM Event e JOIN Session s ON s.eventId = e.id AND s.endsAt >= ?
    WHERE e.status IN ('published','cancelled')
    GROUP BY e.id ORDER BY nextStart, e.id LIMIT ? OFFSET ?`),
  nextSessions: db.prepare(`SELECT eventId, startsAt, endsAt, timeZone FROM Session
    WHERE eventId IN (SELECT value FROM json_each(?)) AND endsAt >= ? ORDER BY startsAt`),
  sessionCounts: db.prepare(`SELECT eventId, COUNT(*) AS n FROM Session WHERE eventId IN (SELECT value FROM json_each(?)) GROUP BY eventId`),
  recordingCounts: db.prepare(`SELECT eventId, COUNT(*) AS n FROM Recording
    WHERE status = 'published' AND eventId IN (SELECT value FROM json_each(?)) GROUP BY eventId`),
  cardTopics: db.prepare(`SELECT et.eventId, t.slug, t.title, t.kind, t.number FROM EventTopic et JOIN Topic t ON t.id = et.topicId
    WHERE et.eventId IN (SELECT value FROM json_each(?)) ORDER BY t.number`),
  cardLanguages: db.prepare(`SELECT eventId, languageCode FROM EventLanguage WHERE eventId IN (SELECT value FROM json_each(?))`),
  translations: db.prepare(`SELECT eventId, title, summary, description FROM EventTranslation
    WHERE locale = ? AND eventId IN (SELECT value FROM json_each(?))`),
  topics: db.prepare(`SELECT slug, title, kind, number, parentId, id FROM Topic ORDER BY number`),
  languages: db.prepare(`SELECT code, name, nativeName FROM Language ORDER BY code`),
  event: db.prepare(`SELECT e.id, e.slug, e.type, e.status, e.title, e.summary, e.description, e.timeZone, e.referenceCities,
      e.cancellationNote, e.isRecorded, e.capacity, e.primaryLanguageCode, sr.slug AS seriesSlug, sr.title AS seriesTitle
    FROM Event e LEFT JOIN Series sr ON sr.id = e.seriesId WHERE e.slug = ? AND e.status IN ('published','cancelled')`),
  eventLanguages: db.prepare(`SELECT el.kind, l.code, l.name, l.nativeName FROM EventLanguage el JOIN Language l ON l.code = el.languageCode
    WHERE el.eventId = ?`),
  eventTopics: db.prepare(`SELECT t.slug, t.title, t.kind, t.number, p.slug AS parentSlug, p.title AS parentTitle
    FROM EventTopic et JOIN Topic t ON t.id = et.topicId LEFT JOIN Topic p ON p.id = t.parentId WHERE et.eventId = ? ORDER BY t.number`),
  speakers: db.prepare(`SELECT es.role, sp.slug, sp.name, sp.affiliation, sp.jobTitle, sp.bio FROM EventSpeaker es
    JOIN Speaker sp ON sp.id = es.speakerId WHERE es.eventId = ? ORDER BY es.sortOrder`),
  sessions: db.prepare(`SELECT s.id, s.title, s.startsAt, s.endsAt, s.timeZone, s.status, s.sequence, l.code, l.name, l.nativeName
    FROM Session s JOIN Language l ON l.code = s.languageCode WHERE s.eventId = ? ORDER BY s.startsAt`),
  recordings: db.prepare(`SELECT id, title, kind, durationSeconds, languageCode FROM Recording
    WHERE eventId = ? AND status = 'published' ORDER BY publishedAt DESC`),
  resources: db.prepare(`SELECT id, title, url, kind, languageCode FROM Resource WHERE eventId = ?`),
};

const formatters = new Map();
function formatter(kind, zone) {
  const key = `${kind}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    const options = {
      date: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
      time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
      zoneShort: { timeZoneName: "short" },
      zoneLong: { timeZoneName: "long" },
    }[kind];
    f = new Intl.DateTimeFormat("en", { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}
const zoneName = (kind, zone, date) => formatter(kind, zone).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zone;
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

function when(startsAt, endsAt, zone) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return {
    date: formatter("date", zone).format(start),
    time: `${formatter("time", zone).format(start)}–${formatter("time", zone).format(end)}`,
    abbr: zoneName("zoneShort", zone, start),
    long: zoneName("zoneLong", zone, start),
  };
}

function readSettings() {
  const out = { siteName: "Learning Events", referenceCities: Object.keys(CITY_NAMES).slice(0, 5) };
  for (const row of q.settings.all()) {
    try {
      const value = JSON.parse(row.value);
      if (row.key === "siteName") out.siteName = value;
      if (row.key === "referenceCities" && Array.isArray(value)) out.referenceCities = value;
    } catch {
      // a bad row keeps the default, as in the app
    }
  }
  return out;
}

function viewerZone(req) {
  const match = /(?:^|;\s*)tz=([^;]+)/.exec(req.headers.cookie ?? "");
  if (!match) return null;
  try {
    const zone = decodeURIComponent(match[1]);
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

function layout({ title, description, path, siteName, body }) {
  const switcher = LOCALES.map(([code, name]) =>
    `<li><a lang="${code}" hreflang="${code}"${code === "en" ? ' aria-current="true"' : ""} href="${esc(path)}?lng=${code}">${esc(name)}</a></li>`).join("");
  return `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${esc(title)}</title><meta name="description" content="${esc(description)}"><link rel="stylesheet" href="/app.css"></head><body>`
    + `<a class="skip-link" href="#main">Skip to main content</a><header class="site-header"><a class="site-name" href="/events">${esc(siteName)}</a>`
    + `<nav aria-label="Main"><ul class="nav-list"><li><a aria-current="page" href="/events">Events</a></li><li><a href="/settings">Time zone</a></li></ul></nav>`
    + `<nav aria-label="Language" class="language-switcher"><ul class="nav-list">${switcher}</ul></nav></header>`
    + `<main id="main" tabindex="-1">${body}</main><footer class="site-footer"><p>Learning events for child protection practitioners.</p></footer></body></html>`;
}

function renderCatalogue(req, url) {
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const now = sqlDate(new Date());
  const settings = readSettings();
  const total = q.total.get(now).n;
  const rows = q.page.all(now, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const ids = JSON.stringify(rows.map((r) => r.id));
  const next = new Map();
  for (const s of q.nextSessions.all(ids, now)) if (!next.has(s.eventId)) next.set(s.eventId, s);
  const sessionCounts = new Map(q.sessionCounts.all(ids).map((r) => [r.eventId, r.n]));
  const recordingCounts = new Map(q.recordingCounts.all(ids).map((r) => [r.eventId, r.n]));
  const translations = new Map(q.translations.all("en", ids).map((r) => [r.eventId, r]));
  const topics = new Map();
  for (const t of q.cardTopics.all(ids)) (topics.get(t.eventId) ?? topics.set(t.eventId, []).get(t.eventId)).push(t);
  const languages = new Map();
  for (const l of q.cardLanguages.all(ids)) (languages.get(l.eventId) ?? languages.set(l.eventId, []).get(l.eventId)).push(l.languageCode);
  const allTopics = q.topics.all();
  const allLanguages = q.languages.all();
  const zone = viewerZone(req);

  const cards = rows.map((e) => {
    const tr = translations.get(e.id);
    const session = next.get(e.id);
    const w = session ? when(session.startsAt, session.endsAt, zone ?? session.timeZone) : null;
    const count = sessionCounts.get(e.id) ?? 0;
    const langs = [e.primaryLanguageCode, ...(languages.get(e.id) ?? [])].map((c) => languageNames.of(c) ?? c).join(" · ");
    const tags = (topics.get(e.id) ?? []).slice(0, 3).map((t, i) =>
      `<span>${i ? ", " : ""}<a href="/events?topic=${esc(t.slug)}">${t.kind === "pillar" ? `Pillar ${t.number}` : `Standard ${t.number}: ${esc(t.title)}`}</a></span>`).join("");
    return `<li><article class="event-card"><p class="card-meta"><a class="badge" href="/events?type=${e.type}">${esc(TYPE_NAMES[e.type] ?? e.type)}</a>`
      + (e.status === "cancelled" ? `<span class="badge badge-cancelled">Cancelled</span>` : "")
      + (recordingCounts.get(e.id) ? `<span class="badge badge-recording">Recording available</span>` : "")
      + `</p><h2 class="card-title"><a href="/events/${esc(e.slug)}">${esc(tr?.title ?? e.title)}</a></h2>`
      + (w ? `<p class="card-when"><time>${esc(w.date)}</time>, ${esc(w.time)} <abbr title="${esc(w.long)}">${esc(w.abbr)}</abbr>${count > 1 ? ` · ${count} sessions` : ""}</p>` : "")
      + `<p class="card-summary">${esc(tr?.summary || e.summary)}</p><p class="card-tags"><span class="visually-hidden">Languages: </span>${esc(langs)}${tags ? " — " : ""}${tags}</p></article></li>`;
  }).join("");

  const pillars = allTopics.filter((t) => t.kind === "pillar");
  const topicOptions = pillars.map((p) => `<optgroup label="Pillar ${p.number}"><option value="${esc(p.slug)}">All of pillar ${p.number}: ${esc(p.title)}</option>`
    + allTopics.filter((t) => t.parentId === p.id).map((t) => `<option value="${esc(t.slug)}">Standard ${t.number}: ${esc(t.title)}</option>`).join("")
    + `</optgroup>`).join("");
  const form = `<form method="get" action="/events" class="filters" role="search" aria-label="Filter events">`
    + `<div class="field field-wide"><label for="filter-q">Search</label><input id="filter-q" type="search" name="q" value="" maxlength="200" placeholder="Title, speaker or keyword"></div>`
    + `<div class="field"><label for="filter-type">Type</label><select id="filter-type" name="type"><option value="">Any type</option>${TYPES.map((t) => `<option value="${t}">${esc(TYPE_NAMES[t])}</option>`).join("")}</select></div>`
    + `<div class="field"><label for="filter-topic">Topic</label><select id="filter-topic" name="topic"><option value="">Any topic</option>${topicOptions}</select></div>`
    + `<div class="field"><label for="filter-language">Language</label><select id="filter-language" name="language"><option value="">Any language</option>`
    + allLanguages.map((l) => `<option value="${esc(l.code)}" lang="${esc(l.code)}">${esc(l.nativeName)}</option>`).join("")
    + `</select></div><div class="filter-actions"><button type="submit">Apply filters</button><a href="/events">Clear filters</a></div></form>`;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pagination = `<nav aria-label="Pages" class="pagination">${page > 1 ? `<a rel="prev" href="/events?page=${page - 1}">Previous</a>` : ""}`
    + `<span>Page ${page} of ${pageCount}</span>${page < pageCount ? `<a rel="next" href="/events?page=${page + 1}">Next</a>` : ""}</nav>`;
  const body = `<div class="catalogue"><h1>Upcoming events</h1><p class="lead">Webinars, live Q&amp;As, audio and video on the Child Protection Minimum Standards.</p>`
    + `<nav aria-label="When" class="tabs"><a href="/events" aria-current="page">Upcoming</a><a href="/events?when=past">Past</a></nav>${form}`
    + `<p role="status" class="result-count">${total} events</p><ol class="event-list">${cards}</ol>${pagination}`
    + `<p class="feed-link"><a href="/calendar.ics">Subscribe to this calendar</a></p></div>`;
  return layout({ title: "Upcoming events", description: "Webinars and learning events", path: "/events", siteName: settings.siteName, body });
}

const encodeQuery = (pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
const compactUtc = (iso) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function renderEvent(req, slug, origin) {
  const e = q.event.get(slug);
  if (!e) return null;
  const settings = readSettings();
  const tr = q.translations.all("en", JSON.stringify([e.id]))[0];
  const supported = q.eventLanguages.all(e.id);
  const topics = q.eventTopics.all(e.id);
  const speakers = q.speakers.all(e.id);
  const sessions = q.sessions.all(e.id);
  const recordings = q.recordings.all(e.id);
  const resources = q.resources.all(e.id);
  const zone = viewerZone(req) ?? e.timeZone;
  let cities = settings.referenceCities;
  try {
    if (e.referenceCities) cities = JSON.parse(e.referenceCities);
  } catch {
    // fall back to the site's cities
  }
  const title = tr?.title ?? e.title;
  const summary = tr?.summary || e.summary;
  const nowMs = Date.now();
  const eventUrl = `${origin}/events/${e.slug}`;

  const sessionItems = sessions.map((s, index) => {
    const w = when(s.startsAt, s.endsAt, zone);
    const start = new Date(s.startsAt);
    const past = new Date(s.endsAt).getTime() < nowMs;
    const cancelled = s.status === "cancelled" || e.status === "cancelled";
    const cityLine = cities.map((cz, i) => `<span class="city-time">${i ? '<span aria-hidden="true"> · </span>' : ""}<bdi><span dir="ltr">${esc(formatter("time", cz).format(start))}</span> ${esc(CITY_NAMES[cz] ?? cz.split("/").pop())}</bdi></span>`).join("");
    const calTitle = s.title ? `${title} — ${s.title}` : title;
    const details = `${summary}\n\n${formatter("date", e.timeZone).format(start)}, ${formatter("time", e.timeZone).format(start)} (${zoneName("zoneLong", e.timeZone, start)})\nEvent page: ${eventUrl}`;
    const google = `https://calendar.google.com/calendar/render?${encodeQuery([["action", "TEMPLATE"], ["text", calTitle], ["dates", `${compactUtc(s.startsAt)}/${compactUtc(s.endsAt)}`], ["details", details], ["location", eventUrl]])}`;
    const outlook = `https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&${encodeQuery([["subject", calTitle], ["startdt", new Date(s.startsAt).toISOString()], ["enddt", new Date(s.endsAt).toISOString()], ["body", details], ["location", eventUrl]])}`;
    return `<li class="session${cancelled ? " is-cancelled" : ""}"><h3>${esc(s.title ?? `Session ${index + 1}`)}${cancelled ? '<span class="badge badge-cancelled">Cancelled</span>' : past ? '<span class="badge">Past</span>' : ""}</h3>`
      + `<p class="session-when"><time datetime="${start.toISOString()}"><span class="session-date">${esc(w.date)}</span> <span class="session-time">${esc(w.time)}</span></time> <span class="session-zone">(${esc(w.long)})</span></p>`
      + `<p class="session-language">Held in ${esc(s.nativeName)}</p><p class="reference-line" aria-label="The same time in other cities">${cityLine}</p>`
      + (!cancelled && !past ? `<ul class="calendar-links" aria-label="Add to calendar"><li><a href="/events/${esc(e.slug)}/sessions/${esc(s.id)}.ics" download>Download calendar file (.ics)</a></li>`
        + `<li><a href="${esc(google)}" rel="noopener noreferrer" target="_blank">Google Calendar</a></li><li><a href="${esc(outlook)}" rel="noopener noreferrer" target="_blank">Outlook</a></li></ul>` : "")
      + `</li>`;
  }).join("");

  const speakerItems = speakers.map((sp) => `<li><strong>${esc(sp.name)}</strong>${sp.role !== "speaker" ? `<span class="role"> · ${esc(sp.role)}</span>` : ""}<br><span class="affiliation">${esc([sp.jobTitle, sp.affiliation].filter(Boolean).join(", "))}</span></li>`).join("");
  const languageLine = `Held in ${esc(languageNames.of(e.primaryLanguageCode))}` + supported.map((l) => `<span> · ${esc(l.kind)}: ${esc(languageNames.of(l.code))}</span>`).join("");
  const topicItems = topics.map((t) => `<li><a href="/events?topic=${esc(t.slug)}">${t.kind === "pillar" ? `Pillar ${t.number}: ${esc(t.title)}` : `Standard ${t.number}: ${esc(t.title)}`}</a></li>`).join("");
  const body = `<article class="event-page"><p class="breadcrumb"><a href="/events">All events</a></p>`
    + `<p class="card-meta"><span class="badge">${esc(TYPE_NAMES[e.type] ?? e.type)}</span>${e.seriesTitle ? `<span class="series">${esc(e.seriesTitle)}</span>` : ""}</p>`
    + `<h1>${esc(title)}</h1>${e.status === "cancelled" ? `<div class="notice notice-cancelled" role="note"><strong>This event is cancelled.</strong> ${esc(e.cancellationNote)}</div>` : ""}`
    + `<p class="lead">${esc(summary)}</p>`
    + `<section aria-labelledby="sessions-heading"><h2 id="sessions-heading">When</h2><p class="zone-note">Times are shown in your time zone: ${esc(zoneName("zoneLong", zone, new Date()))}. `
    + `<a href="/settings?returnTo=${encodeURIComponent(`/events/${e.slug}`)}">Change time zone</a></p><ol class="sessions">${sessionItems}</ol></section>`
    + `<section aria-labelledby="about-heading"><h2 id="about-heading">About this event</h2><div class="prose">${md.render(tr?.description || e.description)}</div></section>`
    + (speakers.length ? `<section aria-labelledby="speakers-heading"><h2 id="speakers-heading">Speakers</h2><ul class="speakers">${speakerItems}</ul></section>` : "")
    + `<section aria-labelledby="details-heading" class="details"><h2 id="details-heading">Details</h2><dl><dt>Languages</dt><dd>${languageLine}</dd>`
    + (topics.length ? `<dt>Topics</dt><dd><ul class="inline-list">${topicItems}</ul></dd>` : "")
    + (e.isRecorded ? `<dt>Recording</dt><dd>This event will be recorded.</dd>` : "") + `</dl></section>`
    + (recordings.length ? `<section aria-labelledby="recordings-heading"><h2 id="recordings-heading">Recordings</h2><ul>${recordings.map((r) => `<li>${esc(r.title || title)} · ${esc(languageNames.of(r.languageCode))}${r.durationSeconds ? ` · ${Math.round(r.durationSeconds / 60)} minutes` : ""}</li>`).join("")}</ul></section>` : "")
    + (resources.length ? `<section aria-labelledby="resources-heading"><h2 id="resources-heading">Resources</h2><ul>${resources.map((r) => `<li><a href="${esc(r.url)}" rel="noopener noreferrer" hreflang="${esc(r.languageCode)}">${esc(r.title)}</a></li>`).join("")}</ul></section>` : "")
    + `</article>`;
  return layout({ title, description: summary, path: `/events/${e.slug}`, siteName: settings.siteName, body });
}

function send(req, res, status, html) {
  const headers = { "Content-Type": "text/html; charset=utf-8", Vary: "Accept-Encoding", "Cache-Control": "no-store" };
  const body = Buffer.from(html);
  if (body.length >= 1024 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    gzip(body, (error, zipped) => {
      if (error) {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(status, { ...headers, "Content-Encoding": "gzip", "Content-Length": zipped.length }).end(zipped);
    });
    return;
  }
  res.writeHead(status, { ...headers, "Content-Length": body.length }).end(body);
}

const server = http.createServer((req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET") return void res.writeHead(405).end();
    if (url.pathname === "/events") return send(req, res, 200, renderCatalogue(req, url));
    const match = /^\/events\/([a-z0-9-]+)$/.exec(url.pathname);
    if (match) {
      const html = renderEvent(req, match[1], `http://${req.headers.host ?? "localhost"}`);
      return html ? send(req, res, 200, html) : send(req, res, 404, "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>");
    }
    if (url.pathname === "/healthz") return void res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    res.writeHead(404).end();
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`Baseline ready on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    db.close();
    process.exit(0);
  });
}
