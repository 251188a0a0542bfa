import { type Config, ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";
import { type PartnerHub, startPartnerHub } from "./partner-hub";

const SHUTDOWN_DEADLINE_MS = 8_000;

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let hub: PartnerHub;
  if (config.slack.kind === "sandbox") {
    // Imported only here: none of the sandbox loads when Slack credentials are set.
    const { startSandbox, REAL_SLACK_HINT } = await import("./sandbox/sandbox");
    hub = await startSandbox(config, logger);
    console.error(`Partner Hub sandbox: open http://localhost:${hub.port}/`);
    console.error(REAL_SLACK_HINT);
  } else {
    hub = await startPartnerHub(config, logger, {
      onFatal: (error) => {
        console.error(`Partner Hub stopped: ${error.message}`);
        process.exit(1);
      },
    });
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      // A request that never ends must not hold the process until an orchestrator kills it
      // without a word (Docker waits 10 s): give up first, and say so.
      setTimeout(() => {
        logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, "shutdown did not finish in time, exiting");
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      hub.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: (error as Error).message }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

run().catch((error: unknown) => {
  console.error(`Partner Hub failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
