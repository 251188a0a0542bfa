import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Logger } from "../logger";
import type { PageAssets } from "./page-assets";
import { type SandboxDriver, SandboxError } from "./sandbox-driver";

/**
 * The sandbox page's routes, served before Slack's on the app's own port:
 *   GET  /                       the page (and /sandbox/page.js, /sandbox/page.css)
 *   GET  /sandbox/state          what one person sees: ?user=U..&channel=C..&thread=ts
 *   GET  /sandbox/files/<id>     an uploaded file's bytes (the fake Slack's), for image blocks
 *   GET  /sandbox/events         server-sent events: "change" whenever the fake Slack changes
 *   POST /sandbox/command        { user, channel, text }             a slash command
 *   POST /sandbox/message        { user, channel, text, threadTs? }  a message (or thread reply)
 *   POST /sandbox/action         { user, target, actionId, ... }     block_actions
 *   POST /sandbox/submit         { user, viewId, entered }           view_submission
 *   POST /sandbox/close          { user, viewId, all }               Cancel / X
 *   POST /sandbox/app-opened     { user, tab }                       app_home_opened
 *   POST /sandbox/shortcut       { user, callbackId, channel?, ts? } a global or message shortcut
 *   POST /sandbox/run-jobs       { user }                            the scheduled jobs, now (admins)
 */

const ZUser = z.string().regex(/^[UW][A-Z0-9]+$/);
const ZEntered = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));
const ZValue = z.union([z.string(), z.array(z.string())]).optional();

const ZCommand = z.object({ user: ZUser, channel: z.string(), text: z.string().max(4_000) });
const ZMessage = z.object({
  user: ZUser,
  channel: z.string(),
  text: z.string().max(40_000),
  threadTs: z.string().optional(),
});
const ZAction = z.object({
  user: ZUser,
  target: z.discriminatedUnion("where", [
    z.object({ where: z.literal("message"), channel: z.string(), ts: z.string() }),
    z.object({ where: z.literal("modal"), entered: ZEntered }),
    z.object({ where: z.literal("home") }),
  ]),
  actionId: z.string(),
  blockId: z.string().optional(),
  value: ZValue,
});
const ZSubmit = z.object({ user: ZUser, viewId: z.string(), entered: ZEntered });
const ZClose = z.object({ user: ZUser, viewId: z.string(), all: z.boolean() });
const ZAppOpened = z.object({ user: ZUser, tab: z.enum(["home", "messages"]) });
const ZRunJobs = z.object({ user: ZUser });
const ZShortcut = z.object({
  user: ZUser,
  callbackId: z.string(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});

const BODY_LIMIT = 1_000_000;
const HEARTBEAT_MS = 20_000;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
}

/**
 * An uploaded file, as the page's <img> asks for it. The bytes are whatever the app uploaded:
 * only the image types the fake recognised by their signature are shown inline; the rest is a
 * download that can run nothing on this origin.
 */
function sendFile(res: ServerResponse, file: { bytes: Buffer; mimetype: string } | undefined): void {
  if (!file) {
    send(res, 404, "text/plain; charset=utf-8", "This file is no longer available.");
    return;
  }
  const image = /^image\/(png|jpeg|gif|webp)$/.test(file.mimetype);
  res.writeHead(200, {
    "content-type": image ? file.mimetype : "application/octet-stream",
    "content-length": file.bytes.length,
    "content-security-policy": "default-src 'none'; sandbox",
    "x-content-type-options": "nosniff",
    // A file id's bytes never change: the page may keep them while it redraws.
    "cache-control": "private, max-age=3600, immutable",
    ...(image ? {} : { "content-disposition": "attachment" }),
  });
  res.end(file.bytes);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new SandboxError(413, "Too much to send at once.");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    throw new SandboxError(400, "The request is not JSON.");
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SandboxError(400, `Bad request: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** A page on another site must not drive the sandbox through the person's browser. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export interface SandboxRoutes {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Ends the live streams, so the server can close. */
  close(): void;
}

export function createSandboxRoutes(
  assets: PageAssets,
  driver: () => SandboxDriver | undefined,
  logger: Logger,
): SandboxRoutes {
  const streams = new Set<ServerResponse>();
  let closed = false;

  const openStream = (req: IncomingMessage, res: ServerResponse, live: SandboxDriver) => {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "close",
    });
    res.write("retry: 1000\n\n: connected\n\n");
    const onChange = (change: unknown) => res.write(`event: change\ndata: ${JSON.stringify(change ?? {})}\n\n`);
    const heartbeat = setInterval(() => res.write(": heartbeat\n\n"), HEARTBEAT_MS);
    live.on("change", onChange);
    streams.add(res);
    const done = () => {
      clearInterval(heartbeat);
      live.off("change", onChange);
      streams.delete(res);
    };
    req.on("close", done);
    res.on("close", done);
  };

  const post = async (path: string, live: SandboxDriver, body: unknown) => {
    switch (path) {
      case "/sandbox/command": {
        const input = parse(ZCommand, body);
        return live.command(input.user, input.channel, input.text);
      }
      case "/sandbox/message": {
        const input = parse(ZMessage, body);
        return live.message(input.user, input.channel, input.text, input.threadTs);
      }
      case "/sandbox/action":
        return live.action(parse(ZAction, body));
      case "/sandbox/submit": {
        const input = parse(ZSubmit, body);
        return live.submit(input.user, input.viewId, input.entered);
      }
      case "/sandbox/close": {
        const input = parse(ZClose, body);
        return live.close(input.user, input.viewId, input.all);
      }
      case "/sandbox/app-opened": {
        const input = parse(ZAppOpened, body);
        return live.openApp(input.user, input.tab);
      }
      case "/sandbox/shortcut": {
        const input = parse(ZShortcut, body);
        const target = input.channel && input.ts ? { channel: input.channel, ts: input.ts } : undefined;
        return live.shortcut(input.user, input.callbackId, target);
      }
      case "/sandbox/run-jobs":
        return live.runScheduledJobs(parse(ZRunJobs, body).user);
      default:
        return undefined;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (req.method === "GET" && (path === "/" || path === "/index.html")) {
      send(res, 200, "text/html; charset=utf-8", assets.html);
      return true;
    }
    if (!path.startsWith("/sandbox/")) return false;
    if (req.method === "GET" && path === "/sandbox/page.js") {
      send(res, 200, "text/javascript; charset=utf-8", assets.js);
      return true;
    }
    if (req.method === "GET" && path === "/sandbox/page.css") {
      send(res, 200, "text/css; charset=utf-8", assets.css);
      return true;
    }
    const live = driver();
    if (!live || closed) {
      sendJson(res, 503, { ok: false, notice: "The sandbox is starting or stopping." });
      return true;
    }
    try {
      if (req.method === "GET" && path === "/sandbox/events") {
        openStream(req, res, live);
        return true;
      }
      const file = /^\/sandbox\/files\/([A-Z0-9]+)$/.exec(path);
      if (req.method === "GET" && file?.[1]) {
        sendFile(res, live.file(file[1]));
        return true;
      }
      if (req.method === "GET" && path === "/sandbox/state") {
        const user = url.searchParams.get("user") ?? "U0ADMIN";
        const state = await live.state(
          user,
          url.searchParams.get("channel") ?? undefined,
          url.searchParams.get("thread") ?? undefined,
        );
        sendJson(res, 200, state);
        return true;
      }
      if (req.method === "POST") {
        if (!sameOrigin(req)) throw new SandboxError(403, "Cross-site requests are refused.");
        const result = await post(path, live, await readJson(req));
        if (result !== undefined) {
          sendJson(res, 200, result);
          return true;
        }
      }
      sendJson(res, 404, { ok: false, notice: "No such sandbox route." });
      return true;
    } catch (error) {
      if (error instanceof SandboxError) {
        sendJson(res, error.status, { ok: false, notice: error.message });
        return true;
      }
      logger.error({ err: (error as Error).message, path }, "sandbox request failed");
      sendJson(res, 500, { ok: false, notice: "The sandbox failed on that; see the server log." });
      return true;
    }
  };

  return {
    handle,
    close: () => {
      closed = true;
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
