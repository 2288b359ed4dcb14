/**
 * What an organiser's save changed, named as the form names its fields ("waitlistEnabled",
 * "support.fr", "questions[0].required"), for the audit log. Short values are kept as
 * old → new; long text (descriptions) and lists only say that they changed.
 */

type FieldChange = { field: string; from?: string | number | boolean | null; to?: string | number | boolean | null };

type Leaf = string | number | boolean | null | string[];

/** Longer strings are named but not copied: the log is not a second copy of every description. */
const SHORT = 80;

function flatten(value: unknown, prefix: string, out: Map<string, Leaf>) {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) {
      // Checkbox groups post their ticked values in page order: the set is what the form says.
      out.set(prefix, [...new Set(value.map((v) => String(v)))].sort());
      return;
    }
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
    return;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (value instanceof Date) out.set(prefix, value.toISOString());
  else if (value === undefined || value === null || value === "") out.set(prefix, null);
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out.set(prefix, value);
  else out.set(prefix, String(value));
}

function isShort(value: Leaf): value is string | number | boolean | null {
  if (Array.isArray(value)) return false;
  return typeof value !== "string" || (value.length <= SHORT && !value.includes("\n"));
}

function same(a: Leaf | undefined, b: Leaf | undefined) {
  const x = a ?? null;
  const y = b ?? null;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
  if (Array.isArray(x) || Array.isArray(y)) {
    // An empty list and a missing one are the same thing to the organiser.
    return (Array.isArray(x) ? x.length === 0 && y === null : false) || (Array.isArray(y) ? y.length === 0 && x === null : false);
  }
  return x === y;
}

/**
 * The fields whose values differ, in the order the "after" form lists them. `secret` fields
 * (private join links) are named without their values.
 */
export function diffFormValues(before: Record<string, unknown>, after: Record<string, unknown>, options: { secret?: string[] } = {}): FieldChange[] {
  const secret = new Set(options.secret ?? []);
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  flatten(before, "", a);
  flatten(after, "", b);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = a.get(field) ?? null;
    const to = b.get(field) ?? null;
    if (same(from, to)) continue;
    changes.push(!secret.has(field) && isShort(from) && isShort(to) ? { field, from, to } : { field });
  }
  return changes;
}
