/**
 * Block Kit arrives as untyped JSON (whatever the app sent); these readers take a field as the
 * shape a renderer needs, or an empty one, so a malformed block renders as less, never throws.
 */

export type Json = Record<string, unknown>;

export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((entry) => typeof entry === "object" && entry !== null) as Json[]) : [];
}

export function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
