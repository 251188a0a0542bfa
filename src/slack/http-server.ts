import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger";

export interface HttpServerOptions {
  port: number;
  /** Interface to listen on; all of them unless set (the sandbox keeps to loopback). */
  host?: string | undefined;
  /** Bolt's receiver: POST /slack/events and the OAuth install pages. */
  slackListener: RequestListener | undefined;
  health: () => Promise<{ ok: boolean; database: string }>;
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

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
        const health = await options.health();
        sendJson(res, health.ok ? 200 : 503, { ok: health.ok, database: health.database });
        return;
      }
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      if (options.slackListener) {
        options.slackListener(req, res);
        return;
      }
      sendJson(res, 404, { ok: false, error: "not_found" });
    } catch (error) {
      options.logger.error({ err: (error as Error).message, url: req.url }, "http request failed");
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
