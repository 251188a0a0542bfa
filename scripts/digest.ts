/**
 * A channel's weekly digest from the command line.
 *
 *   npm run digest -- --channel C0123            # prints the digest as it would look now (last 7 days)
 *   npm run digest -- --channel C0123 --now      # posts it now, once per local day
 *   npm run digest -- --channel C0123 --team T0  # when the database holds several workspaces
 *
 * --now claims a run by hand (period "manual:<local date>", like the sandbox's "Run scheduled jobs
 * now") and enqueues its post in the same transaction. With Slack credentials this process then
 * runs an outbox dispatcher of its own until that post is sent (or failed), and exits: other
 * instances running at the same time are harmless, the outbox's leases let exactly one of them post
 * it. Without credentials (the sandbox) it only enqueues and exits: the running sandbox's
 * dispatcher posts it within seconds (it sweeps every 2 s); if no sandbox runs, its next start does.
 * The channel must be subscribed (`/hub digest here`).
 */
import { ConfigError, loadConfig } from "../src/config";
import { createDb, dialectOf } from "../src/data/database";
import { migrate } from "../src/data/migrator";
import { createStore } from "../src/data/prisma-store";
import { PrismaInstallationRepository } from "../src/data/repositories/installation-repository";
import { PrismaSystemInfo } from "../src/data/repositories/system-info";
import { manualPeriodKey } from "../src/domain/digest/schedule";
import { isDomainError } from "../src/domain/shared/domain-error";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { createSlackApp } from "../src/slack/app";
import { OutboxDispatcher } from "../src/slack/outbox/outbox-dispatcher";
import { createRenderers } from "../src/slack/outbox/renderers";
import { digestMessage } from "../src/slack/views/digest-view";

const DELIVERY_LIMIT_MS = 120_000;
const USAGE = "usage: npm run digest -- --channel <id> [--now] [--team <T>]";

interface Options {
  channel: string;
  now: boolean;
  team: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  let channel: string | undefined;
  let team: string | undefined;
  let now = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--channel") channel = value();
    else if (flag === "--team") team = value();
    else if (arg === "--now") now = true;
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (!channel) throw new Error(USAGE);
  return { channel, now, team };
}

/** What a person reads in Block Kit, line by line: headers, sections, fields and context. */
function readable(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(readable);
  if (typeof node !== "object" || node === null) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "text" && typeof value === "string") lines.push(value);
    else if (key !== "accessory") lines.push(...readable(value));
  }
  return lines;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  await migrate(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  let dispatcher: OutboxDispatcher | undefined;
  const store = createStore(db, { onOutboxWrite: () => dispatcher?.wake() });
  try {
    const services = createServices(store, {
      hubAdmins: config.hubAdmins,
      system: new PrismaSystemInfo(db, dialectOf(config.databaseUrl)),
      version: "digest-cli",
    });
    const teams = options.team
      ? [options.team]
      : (await db.workspace.findMany({ select: { teamId: true } })).map((w) => w.teamId);
    if (teams.length !== 1) {
      console.error(
        teams.length === 0
          ? "No workspace in this database yet."
          : `Several workspaces: pass --team (${teams.join(", ")}).`,
      );
      return 1;
    }
    const workspace = await store.workspaces.find(teams[0] as string);
    if (!workspace) {
      console.error(`No workspace for team ${teams[0]}.`);
      return 1;
    }
    if (!options.now) {
      const content = await services.digest.previewFor(workspace.id, options.channel);
      const message = digestMessage(content);
      console.log(readable(message.blocks ?? []).join("\n") || message.text);
      return 0;
    }

    const subscription = await store.digests.find(workspace.id, options.channel);
    const { claimed } = await services.digest.runNow(workspace.id, options.channel);
    const key = `digest:${subscription?.id}:${manualPeriodKey(new Date(), subscription?.timezone ?? workspace.timezone)}`;
    if (!claimed) console.log(`Today's digest for ${options.channel} was run by hand already (${key}).`);
    if (config.slack.kind === "sandbox") {
      if (claimed) console.log(`Queued ${key}: the running sandbox posts it within seconds.`);
      return 0;
    }
    const slack = createSlackApp({ config, logger, installations: new PrismaInstallationRepository(db) });
    dispatcher = new OutboxDispatcher({
      delivery: services.outbox,
      renderers: createRenderers(services),
      clientFor: slack.deliveryClientFor,
      logger,
      owner: `digest-cli:${process.pid}`,
    });
    dispatcher.start();
    const until = Date.now() + DELIVERY_LIMIT_MS;
    for (;;) {
      const row = await db.outboxMessage.findUnique({ where: { dedupeKey: key } });
      if (!row) {
        console.error(`No outbox row ${key}.`);
        return 1;
      }
      if (row.status === "sent") {
        console.log(`Posted ${key} to ${row.sentChannel} (ts ${row.sentTs}).`);
        return 0;
      }
      if (row.status !== "pending") {
        console.error(`The digest was not posted: ${row.status}${row.lastError ? ` (${row.lastError})` : ""}.`);
        return 1;
      }
      if (Date.now() > until) {
        console.error(`Still pending after ${DELIVERY_LIMIT_MS / 1000} s; a running instance will post it.`);
        return 1;
      }
      await sleep(200);
    }
  } finally {
    await dispatcher?.stop();
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isDomainError(error, "digest_not_subscribed")) {
      console.error("That channel gets no digest: subscribe it first with /hub digest here.");
    } else if (isDomainError(error, "usage")) console.error(error.params.text);
    else if (isDomainError(error)) console.error(`Refused: ${error.code} ${JSON.stringify(error.params ?? {})}`);
    else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
