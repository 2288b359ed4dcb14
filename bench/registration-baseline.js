// The registration burst's yardstick: a bare node:http server that answers the registration
// form's POST with one INSERT into the same Registration table (same schema, indexes and WAL
// file as the app's) through better-sqlite3, then a 303 to a manage-like URL. No framework, no
// validation, no seat count, no outbox row, no transaction of its own: what is left of a
// registration when every invariant is taken away, so app/baseline is their whole cost.
//
//   DATABASE_PATH=/tmp/x/registration-baseline.db PORT=4001 node bench/registration-baseline.js
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import { URLSearchParams } from "node:url";
import Database from "better-sqlite3";

const dbPath = process.env.DATABASE_PATH;
if (!dbPath) {
  console.error("DATABASE_PATH is required");
  process.exit(2);
}
const db = new Database(dbPath, { fileMustExist: true, timeout: 5000 });
db.pragma("journal_mode = WAL");
const sqlDate = (date) => date.toISOString().replace("Z", "+00:00");
const insert = db.prepare(`INSERT INTO Registration (id, sessionId, name, email, emailNormalized, organisation, country,
  timeZone, locale, accessibilityNeeds, answers, status, manageTokenHash, consentPrivacyAt, createdAt, updatedAt)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 'confirmed', ?, ?, ?, ?)`);

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  if (req.method !== "POST") {
    res.writeHead(405).end();
    return;
  }
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const id = randomUUID();
      const email = form.get("email") ?? "";
      const now = sqlDate(new Date());
      insert.run(id, form.get("sessionId"), form.get("name"), email, email.trim().toLowerCase(), form.get("organisation") ?? "",
        form.get("country") ?? "", form.get("timeZone"), form.get("locale"), form.get("accessibilityNeeds") ?? "",
        createHash("sha256").update(id).digest("hex"), now, now, now);
      res.writeHead(303, { location: `/manage/${id}?registered=1`, "cache-control": "private, no-store" }).end();
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 4001), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => (db.close(), process.exit(0))));
