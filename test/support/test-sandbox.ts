import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type Sandbox, startSandbox } from "../../src/sandbox/sandbox";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestSandbox {
  sandbox: Sandbox;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  url: string;
  stop(): Promise<void>;
}

/** The sandbox as `npm start` runs it, on port 0 and a fresh database, its fake Slack kept in memory. */
export async function startTestSandbox(): Promise<TestSandbox> {
  const database = await createTestDatabase();
  const config = loadConfig({ PORT: "0", DATABASE_URL: database.url, LOG_LEVEL: "silent" });
  const sandbox = await startSandbox(config, createLogger("silent"), { slackState: false });
  return {
    sandbox,
    database,
    url: `http://127.0.0.1:${sandbox.port}`,
    stop: async () => {
      await sandbox.stop();
      await database.drop();
    },
  };
}
