import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

const token = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret" };

describe("loadConfig", () => {
  it("defaults to the sandbox on SQLite, port 3000", () => {
    const config = loadConfig({});
    expect(config.slack).toEqual({ kind: "sandbox" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("file:./data/partner-hub.db");
    expect(config.hubAdmins).toEqual([]);
  });

  it("reads single-workspace credentials, Socket Mode, the API URL and admins", () => {
    const config = loadConfig({
      ...token,
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      PORT: "8080",
      DATABASE_URL: "postgresql://u@db:5432/hub",
      HUB_ADMINS: "U01, U02 W03",
    });
    expect(config.slack).toEqual({ kind: "token", botToken: "xoxb-1", signingSecret: "secret" });
    expect(config.appToken).toBe("xapp-1");
    expect(config.slackApiUrl).toBe("http://127.0.0.1:9/api/");
    expect(config.port).toBe(8080);
    expect(config.hubAdmins).toEqual(["U01", "U02", "W03"]);
  });

  it("reads OAuth (multi-workspace) credentials", () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: "s",
      SLACK_CLIENT_ID: "1.2",
      SLACK_CLIENT_SECRET: "c",
      SLACK_STATE_SECRET: "st",
    });
    expect(config.slack.kind).toBe("oauth");
  });

  it.each([
    [{ PORT: "70000" }, /^PORT /],
    [{ PORT: "abc" }, /^PORT /],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL must start with file:/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL /],
    [{ ...token, SLACK_BOT_TOKEN: "xoxp-1" }, /^SLACK_BOT_TOKEN must start with xoxb-/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_SIGNING_SECRET is required/],
    [{ SLACK_SIGNING_SECRET: "s" }, /^SLACK_BOT_TOKEN is required/],
    [{ ...token, SLACK_API_URL: "not a url" }, /^SLACK_API_URL must be a URL/],
    [{ ...token, SLACK_APP_TOKEN: "xoxb-2" }, /^SLACK_APP_TOKEN must start with xapp-/],
    [{ SLACK_APP_TOKEN: "xapp-1" }, /^SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "1" }, /^SLACK_CLIENT_SECRET, SLACK_STATE_SECRET required/],
    [
      {
        SLACK_SIGNING_SECRET: "s",
        SLACK_CLIENT_ID: "1",
        SLACK_CLIENT_SECRET: "c",
        SLACK_STATE_SECRET: "t",
        SLACK_APP_TOKEN: "xapp-1",
      },
      /^SLACK_APP_TOKEN \(Socket Mode\) works with SLACK_BOT_TOKEN only/,
    ],
    [{ HUB_ADMINS: "U01,dana" }, /^HUB_ADMINS must be Slack user ids/],
  ])("refuses %j with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("stops npm start with one clear line and never echoes the secret", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: "xoxb-very-secret", SLACK_SIGNING_SECRET: "", PORT: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("Configuration error: SLACK_SIGNING_SECRET is required with Slack credentials");
    expect(result.stdout + result.stderr).not.toContain("very-secret");
  });
});
