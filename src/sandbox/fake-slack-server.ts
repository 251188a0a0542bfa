import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeFile, UPLOAD_BYTES_LIMIT } from "./fake-slack-file-store";
import type { Failure, RecordedCall } from "./fake-slack-types";
import {
  type MethodArgs,
  type MethodResult,
  parseArgs,
  RateLimitedError,
  readBody,
  SlackError,
  takeToken,
  uploadedBytes,
  writeJson,
  writeRateLimited,
  writeText,
} from "./fake-slack-wire";

/**
 * The fake Slack's HTTP side, on a loopback port: `POST /api/<method>` for the Web API,
 * `POST /response/<id>` for response_urls, `POST /upload/v1/<key>` for the bytes of a file upload
 * and `GET /files-pri/<team>-<file>/<name>` for a file's bytes (its url_private). It records each call, plays the failures a test queued
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
  /** The bytes posted to an upload URL; false when the URL is unknown or used. */
  upload(key: string, bytes: Buffer): boolean;
  /** A file Slack knows, with its bytes. */
  download(id: string): FakeFile | undefined;
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
    const upload = /^\/upload\/v1\/(\w+)$/.exec(url.pathname);
    if (upload?.[1] && req.method === "POST") return this.answerUpload(upload[1], req, res);
    const file = /^\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\/[^/]*$/.exec(url.pathname);
    if (file?.[1] && req.method === "GET") return this.answerFile(file[1], res);
    const raw = ((await readBody(req)) ?? Buffer.alloc(0)).toString("utf8");
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

  /** Slack's upload URL answers 200 with a short text; it needs no token (the URL is the secret). */
  private async answerUpload(key: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const failure = this.endpoints.takeFailure("upload");
    if (failure?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, failure.ms));
    if (failure?.kind === "http") return writeText(res, failure.status, "upstream failure");
    // Generous next to the bytes of the file, for the multipart framing around them.
    const raw = await readBody(req, UPLOAD_BYTES_LIMIT + 64 * 1024);
    if (!raw) return writeText(res, 413, "file too large");
    const bytes = await uploadedBytes(req.headers["content-type"], raw);
    if (!bytes || bytes.length > UPLOAD_BYTES_LIMIT) return writeText(res, 400, "no file in the body");
    if (!this.endpoints.upload(key, bytes)) return writeText(res, 404, "upload url not found");
    writeText(res, 200, `OK - ${bytes.length}`);
  }

  private answerFile(id: string, res: ServerResponse): void {
    const file = this.endpoints.download(id);
    if (!file?.bytes) {
      writeText(res, 404, "file not found");
      return;
    }
    res.writeHead(200, { "content-type": file.mimetype, "content-length": file.bytes.length });
    res.end(file.bytes);
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
