import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Failure, RecordedCall } from "./fake-slack-types";
import {
  type MethodArgs,
  type MethodResult,
  parseArgs,
  RateLimitedError,
  readBody,
  SlackError,
  takeToken,
  writeJson,
  writeRateLimited,
  writeText,
} from "./fake-slack-wire";

/**
 * The fake Slack's HTTP side: `POST /api/<method>` for the Web API and `POST /response/<id>` for
 * response_urls, on a loopback port. It records each call, plays the failures a test queued
 * (errors, 429s, HTTP errors, slowness) and turns what a method returns or throws into Slack's
 * answer; what the methods do is not its business.
 */

export interface FakeSlackEndpoints {
  record(call: RecordedCall): void;
  /** The next failure a test queued for `method` ("response_url" for response_url posts). */
  takeFailure(method: string): Failure | undefined;
  /** The method's result, undefined for an unknown method; throws SlackError or RateLimitedError. */
  call(method: string, args: MethodArgs): MethodResult | undefined;
  /** False when the response_url is unknown, expired or used up. */
  postToResponseUrl(id: string, body: Record<string, unknown>): boolean;
  /** Told of every 429 answered. */
  rateLimited(): void;
}

export class FakeSlackServer {
  private server: Server | undefined;
  url = "";

  constructor(private readonly endpoints: FakeSlackEndpoints) {}

  async start(port: number): Promise<string> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        writeJson(res, 500, { ok: false, error: "fatal_error", detail: String(error) });
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url || "http://127.0.0.1");
    const raw = await readBody(req);
    const api = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname);
    if (api?.[1] && req.method === "POST") return this.answerApi(api[1], req, raw, res);
    const response = /^\/response\/(\w+)$/.exec(url.pathname);
    if (response?.[1] && req.method === "POST") return this.answerResponseUrl(response[1], raw, res);
    writeText(res, 404, "not found");
  }

  private async answerApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): Promise<void> {
    const args = parseArgs(req.headers["content-type"], raw);
    const token = takeToken(req, args);
    this.endpoints.record({ method, args, token, at: Date.now() });

    const failure = this.endpoints.takeFailure(method);
    if (failure?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, failure.ms));
    if (failure?.kind === "rateLimited") return this.refuse(res, failure.retryAfterSeconds);
    if (failure?.kind === "http") return writeText(res, failure.status, "upstream failure");
    if (failure?.kind === "error") return writeJson(res, 200, { ok: false, error: failure.error });
    if (!token) return writeJson(res, 200, { ok: false, error: "not_authed" });
    try {
      const result = this.endpoints.call(method, args);
      writeJson(res, 200, result ? { ok: true, ...result } : { ok: false, error: "unknown_method" });
    } catch (error) {
      if (error instanceof RateLimitedError) return this.refuse(res, error.retryAfterSeconds);
      if (!(error instanceof SlackError)) throw error;
      writeJson(res, 200, { ok: false, error: error.error });
    }
  }

  private refuse(res: ServerResponse, retryAfterSeconds: number): void {
    this.endpoints.rateLimited();
    writeRateLimited(res, retryAfterSeconds);
  }

  private async answerResponseUrl(id: string, raw: string, res: ServerResponse): Promise<void> {
    const failure = this.endpoints.takeFailure("response_url");
    if (failure?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, failure.ms));
    if (failure?.kind === "http") return writeText(res, failure.status, "upstream failure");
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    if (!this.endpoints.postToResponseUrl(id, body)) return writeText(res, 404, "expired_url");
    writeText(res, 200, "ok");
  }
}
