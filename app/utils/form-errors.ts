/**
 * Form schemas give their messages as translation keys, optionally followed by "|" and JSON
 * parameters ("adminEvents.errors.gap|{"time":"02:30"}"). Isomorphic: forms use it in the browser.
 */
export function translateError(t: (key: string, params?: Record<string, unknown>) => string, message: string): string {
  const bar = message.indexOf("|");
  if (bar === -1) return message.startsWith("admin") ? t(message) : message;
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(message.slice(bar + 1)) as Record<string, unknown>;
  } catch {
    // A malformed parameter list still shows the message itself.
  }
  return t(message.slice(0, bar), params);
}
