import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger";
import type { Health } from "../services/health-service";

/** Slack refuses requests signed more than 5 minutes from its clock; so do we, both ways. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
const HEALTH_METHODS = ["GET", "HEAD"];

export interface HttpServerOptions {
  port: number;
  /** Interface to listen on; all of them unless set (the sandbox keeps to loopback). */
  host?: string | undefined;
  /** Bolt's receiver: POST /slack/events and the OAuth install pages. */
  slackListener: RequestListener | undefined;
  /** The paths slackListener serves and the methods each accepts; anything else is not Bolt's. */
  slackRoutes: Record<string, string[]>;
  /** The path Slack posts its signed requests to. */
  eventsPath: string;
  health: () => Promise<Health>;
  /** Extra routes tried before Slack's (the sandbox's page); return true when handled. */
  extraRoutes?: ((req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>) | undefined;
  logger: Logger;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Bolt refuses a stale timestamp but not one from the future, which a replay could use once the
 * clock catches up; anything but whole seconds is no timestamp Slack sends. A missing header is
 * left to Bolt, which refuses it.
 */
function signedInTheFuture(req: IncomingMessage): boolean {
  const header = req.headers["x-slack-request-timestamp"];
  if (header === undefined) return false;
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return true;
  return Number(header) > Math.floor(Date.now() / 1000) + MAX_CLOCK_SKEW_SECONDS;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { logger } = options;
  // Scanners and browsers knock on every port: answering them is routine, not an error.
  const refuse = (req: IncomingMessage, res: ServerResponse, path: string, allowed?: string[]) => {
    logger.debug({ method: req.method, path }, allowed ? "method not allowed" : "no such path");
    if (allowed) sendJson(res, 405, { ok: false, error: "method_not_allowed" }, { allow: allowed.join(", ") });
    else sendJson(res, 404, { ok: false, error: "not_found" });
    req.resume();
  };
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const method = (req.method ?? "GET").toUpperCase();
      if (path === "/healthz") {
        if (!HEALTH_METHODS.includes(method)) return refuse(req, res, path, HEALTH_METHODS);
        const health = await options.health();
        sendJson(res, health.ok ? 200 : 503, health);
        return;
      }
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      const allowed = options.slackListener ? options.slackRoutes[path] : undefined;
      if (!options.slackListener || !allowed) return refuse(req, res, path);
      if (!allowed.includes(method)) return refuse(req, res, path, allowed);
      if (path === options.eventsPath && signedInTheFuture(req)) {
        logger.warn({ path }, "refused a request whose timestamp is not within 5 minutes of ours");
        res.writeHead(401);
        res.end();
        req.resume();
        return;
      }
      options.slackListener(req, res);
    } catch (error) {
      logger.error({ err: (error as Error).message, url: req.url }, "http request failed");
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: "internal_error" });
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
