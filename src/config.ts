import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const slackUserList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ""),
  )
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must be Slack user ids such as U0123ABCD, comma-separated")));

export const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/partner-hub.db")
    .refine((url) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith("xoxb-", "must start with xoxb-").optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith("xapp-", "must start with xapp-").optional()),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url("must be a URL such as https://slack.com/api/").optional()),
  HUB_ADMINS: slackUserList,
});

export type Env = z.infer<typeof ZEnv>;

export type SlackMode =
  | { kind: "token"; botToken: string; signingSecret: string }
  | { kind: "oauth"; clientId: string; clientSecret: string; stateSecret: string; signingSecret: string }
  | { kind: "sandbox" };

export interface Config {
  port: number;
  databaseUrl: string;
  logLevel: Env["LOG_LEVEL"];
  slack: SlackMode;
  /** Socket Mode instead of HTTP when set. */
  appToken: string | undefined;
  slackApiUrl: string | undefined;
  hubAdmins: string[];
}

export class ConfigError extends Error {}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0] ?? "environment");
  return `${name} ${issue.message}`;
}

function resolveSlackMode(env: Env): SlackMode {
  const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
  const anyOauth = oauth.some((value) => value !== undefined);
  const anySlack = anyOauth || env.SLACK_BOT_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined;
  if (!anySlack) {
    if (env.SLACK_APP_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set");
    return { kind: "sandbox" };
  }
  if (!env.SLACK_SIGNING_SECRET) throw new ConfigError("SLACK_SIGNING_SECRET is required with Slack credentials");
  if (anyOauth) {
    const names = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;
    const missing = names.filter((name) => env[name] === undefined);
    if (missing.length > 0) throw new ConfigError(`${missing.join(", ")} required for OAuth (multi-workspace) mode`);
    // Bolt's Socket Mode receiver would run the OAuth pages on a second server of its own.
    if (env.SLACK_APP_TOKEN) {
      throw new ConfigError(
        "SLACK_APP_TOKEN (Socket Mode) works with SLACK_BOT_TOKEN only, not with OAuth: unset one of them",
      );
    }
    return {
      kind: "oauth",
      clientId: env.SLACK_CLIENT_ID as string,
      clientSecret: env.SLACK_CLIENT_SECRET as string,
      stateSecret: env.SLACK_STATE_SECRET as string,
      signingSecret: env.SLACK_SIGNING_SECRET,
    };
  }
  if (!env.SLACK_BOT_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN is required with SLACK_SIGNING_SECRET");
  return { kind: "token", botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET };
}

/** Reads the environment; throws ConfigError whose message is one line naming the bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(first ? describeIssue(first) : "invalid environment");
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    slack: resolveSlackMode(env),
    appToken: env.SLACK_APP_TOKEN,
    slackApiUrl: env.SLACK_API_URL,
    hubAdmins: env.HUB_ADMINS,
  };
}
