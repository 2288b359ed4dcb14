// The fan-out's mail server: smtp-server on 127.0.0.1 that accepts every message, keeps only
// its Message-ID, and discards the rest. A child process of the benchmark, so parsing SMTP does
// not compete with the sender on one event loop. The parent asks over IPC:
//   { type: "stats" }  → { type: "stats", received, distinct, duplicates, bytes }
//   { type: "reset" }  → { type: "reset" }  (forget everything: the next phase starts at 0)
// and is told { type: "ready", port } once it listens.
import { SMTPServer } from "smtp-server";

let received = 0;
let bytes = 0;
let ids = new Map();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 25 * 1024 * 1024,
  onData(stream, _session, callback) {
    // The header block is all we look at; the body is read and dropped.
    let head = "";
    let inHead = true;
    stream.on("data", (chunk) => {
      bytes += chunk.length;
      if (!inHead) return;
      head += chunk.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end >= 0) {
        head = head.slice(0, end);
        inHead = false;
      }
    });
    stream.on("end", () => {
      received += 1;
      const match = /^Message-ID:[ \t]*(.*(?:\r\n[ \t].*)*)/im.exec(head);
      const id = match ? match[1].replace(/\r\n[ \t]+/g, " ").trim() : `(none ${received})`;
      ids.set(id, (ids.get(id) ?? 0) + 1);
      callback();
    });
  },
});

server.listen(0, "127.0.0.1", () => {
  process.send({ type: "ready", port: server.server.address().port });
});
process.on("message", (message) => {
  if (message.type === "stats") {
    process.send({ type: "stats", received, distinct: ids.size, duplicates: received - ids.size, bytes });
  } else if (message.type === "reset") {
    received = 0;
    bytes = 0;
    ids = new Map();
    process.send({ type: "reset" });
  }
});
process.on("disconnect", () => process.exit(0));
