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
   */
  restart(): Promise<Sandbox>;
  stop(): Promise<void>;
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
    restart: async () => {
      const port = running.sandbox.port;
      await running.sandbox.stop();
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
