/**
 * The program's JSON columns, read defensively: a value written by hand or by an older version
 * reads as empty (or drops its odd entries) rather than failing every screen that shows it.
 */

export function parseJson(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of a JSON object whose values pass `read` (null drops the entry). */
export function recordEntries<T>(json: string | null, read: (value: Record<string, unknown>) => T | null) {
  const parsed = parseJson(json);
  const result: Record<string, T> = {};
  if (!isRecord(parsed)) return result;
  for (const [key, value] of Object.entries(parsed)) {
    const entry = isRecord(value) ? read(value) : null;
    if (entry !== null) result[key] = entry;
  }
  return result;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
