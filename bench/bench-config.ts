import { type Config, loadConfig } from "../src/config";

/**
 * The app's configuration for a benchmark: as test/support/harness.ts starts it, against the fake
 * Slack at `apiUrl`, on `databaseUrl`, quiet, with no configured admins.
 */
export function benchHubConfig(
  apiUrl: string,
  databaseUrl: string,
  secrets: { botToken: string; signingSecret: string } = {
    botToken: "xoxb-bench-token",
    signingSecret: "bench-signing-secret",
  },
): Config {
  return loadConfig({
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: secrets.botToken,
    SLACK_SIGNING_SECRET: secrets.signingSecret,
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: "silent",
    HUB_ADMINS: "",
  });
}
