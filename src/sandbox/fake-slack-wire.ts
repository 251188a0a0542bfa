import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * How the fake Slack reads requests and writes answers the way Slack's Web API does: form or JSON
 * bodies, `{ ok: false, error }` bodies with HTTP 200, and HTTP 429 with a Retry-After header.
 */

export type MethodArgs = Record<string, unknown>;
export type MethodResult = Record<string, unknown>;
/** One Web API method of the fake: its arguments in, its answer out (or a SlackError thrown). */
export type Handler = (args: MethodArgs) => MethodResult;

/** A Web API error: Slack answers HTTP 200 with `{ ok: false, error }`. */
export class SlackError extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/** Slack refuses the call for now: HTTP 429, try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("ratelimited");
  }
}

/** The body's bytes; undefined once it grows past `limit` (the rest is read and dropped). */
export function readBody(req: IncomingMessage, limit = Number.POSITIVE_INFINITY): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}

/**
 * The file in a body posted to an upload URL: @slack/web-api sends multipart/form-data with the
 * bytes in the field "body"; curl and other clients may post the raw bytes.
 */
export async function uploadedBytes(contentType: string | undefined, raw: Buffer): Promise<Buffer | undefined> {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return raw.length > 0 ? raw : undefined;
  try {
    const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
    const part = form.get("body") ?? form.get("file");
    if (part === null) return undefined;
    return typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(await part.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** The Web API takes form bodies (what WebClient sends) and JSON bodies alike. */
export function parseArgs(contentType: string | undefined, raw: string): MethodArgs {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as MethodArgs;
  return Object.fromEntries(new URLSearchParams(raw));
}

/** The token from the Authorization header, or from the body as older clients send it. */
export function takeToken(req: IncomingMessage, args: MethodArgs): string | undefined {
  const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "") || (args.token as string | undefined);
  delete args.token;
  return token;
}

/** The Web API client sends blocks and views as JSON strings inside a form. */
export function jsonArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new SlackError("invalid_blocks_format");
  return parsed;
}

export function jsonObject(value: unknown): Record<string, unknown> {
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null) throw new SlackError("invalid_arguments");
  return parsed as Record<string, unknown>;
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function writeText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(text);
}

/** Slack's 429: Retry-After in whole seconds, and the body every client reads as `ratelimited`. */
export function writeRateLimited(res: ServerResponse, retryAfterSeconds: number): void {
  res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfterSeconds) });
  res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
}
