import { createServer } from "node:http";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestSandbox {
  /** The running sandbox; a new one after restart(). */
  sandbox: Sandbox;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  url: string;
  /**
   * Stops the sandbox and starts it again on the same port and database, as a developer restarting
   * `npm start` does, so pages already open can be seen to reconnect. The fake Slack starts empty.
   * For `unavailableMs` in between, the port answers 503 as a sandbox that is still starting does.
   */
  restart(options?: { unavailableMs?: number }): Promise<Sandbox>;
  stop(): Promise<void>;
}

/** What the sandbox's routes answer while it starts or stops (sandbox-routes.ts), for `ms` on `port`. */
async function answerUnavailable(port: number, ms: number): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(503, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ ok: false, notice: "The sandbox is starting or stopping." }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The sandbox as `npm start` runs it, on port 0 and a fresh database, its fake Slack kept in memory. */
export async function startTestSandbox(): Promise<TestSandbox> {
  const database = await createTestDatabase();
  const start = (port: number) =>
    startSandbox(
      loadConfig({ PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: "silent" }),
      createLogger("silent"),
      { slackState: false },
    );
  const first = await start(0);
  const running: TestSandbox = {
    sandbox: first,
    database,
    url: `http://127.0.0.1:${first.port}`,
    restart: async ({ unavailableMs = 0 } = {}) => {
      const port = running.sandbox.port;
      await running.sandbox.stop();
      if (unavailableMs > 0) await answerUnavailable(port, unavailableMs);
      running.sandbox = await start(port);
      return running.sandbox;
    },
    stop: async () => {
      await running.sandbox.stop();
      await database.drop();
    },
  };
  return running;
}
