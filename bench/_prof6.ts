process.env.DATABASE_URL = `file:/tmp/schedprof/s.db`;
const { loadSchedulingAssistant } = await import("../app/utils/scheduling.server.ts");
const { encode } = await import("turbo-stream");
const date = new Date(Date.now() + 17 * 86400000).toISOString().slice(0, 10);
for (const weighting of ["audience", "cities"] as const) {
  const data = await loadSchedulingAssistant({ eventId: "bench-event", date, durationMinutes: 90, zone: "Europe/London", locale: "en", weighting });
  const enc = async () => { const s = encode({ assistant: data }); let n = 0; const r = s.getReader(); for (;;) { const { done, value } = await r.read(); if (done) break; n += value.length; } return n; };
  for (let i = 0; i < 5; i++) await enc();
  const t = performance.now(); let n = 0;
  for (let i = 0; i < 30; i++) n = await enc();
  console.log(weighting, "turbo-stream", ((performance.now() - t) / 30).toFixed(2), "ms", n, "chars");
}
