import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import type { Config } from "./config";
import { createDb, type Db, dialectOf } from "./data/database";
import { migrate } from "./data/migrator";
import { createStore } from "./data/prisma-store";
import { PrismaInstallationRepository } from "./data/repositories/installation-repository";
import { PrismaSystemInfo } from "./data/repositories/system-info";
import type { RetryPolicy } from "./domain/outbox/delivery-policy";
import { startJobs } from "./jobs/scheduler";
import { createLogger, type Logger } from "./logger";
import { createServices, type Services } from "./services";
import type { Clock } from "./services/clock";
import type { Store } from "./services/store";
import { createSlackApp } from "./slack/app";
import { type HttpServerOptions, startHttpServer } from "./slack/http-server";
import { SlackIdentities } from "./slack/identity/slack-identities";
import { OutboxDispatcher } from "./slack/outbox/outbox-dispatcher";
import { createRenderers } from "./slack/outbox/renderers";

/** The app's version, from package.json (src/ and dist/ both sit one level below it). */
const APP_VERSION = (() => {
  try {
    return String(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
  } catch {
    return "unknown";
  }
})();

export interface StartOptions {
  /** Routes served before Slack's on the same port (the sandbox's page and its API). */
  extraRoutes?: HttpServerOptions["extraRoutes"];
  host?: string;
  /** Tests move time (protection periods, reminders) by injecting the clock. */
  clock?: Clock;
  /** Run scheduled jobs (default true); tests run them by hand. */
  jobs?: boolean;
  /** Deliver the outbox (default true); false plays an instance that dies before it posts. */
  dispatcher?: boolean;
  /** Tests shorten the waits between delivery attempts and the lease of a claim. */
  retryPolicy?: RetryPolicy;
  outboxLeaseMs?: number;
  outboxSweepMs?: number;
  /** A pause after each post in a conversation (see DispatcherOptions.laneSpacingMs); the bench compares. */
  outboxLaneSpacingMs?: number;
  /** Called when Slack refuses the bot token after the start went on without its answer (main exits). */
  onFatal?: (error: Error) => void;
}

export interface PartnerHub {
  port: number;
  db: Db;
  /** The repositories, for callers outside Slack (the sandbox, seeds) that must not touch Prisma. */
  store: Store;
  services: Services;
  /** Delivers what the app owes Slack; undefined when started without it. */
  dispatcher: OutboxDispatcher | undefined;
  /** Graceful: stop taking requests, let in-flight ones finish, close the database. */
  stop(): Promise<void>;
}

/** Applies pending migrations, then composes and starts the app: what `npm start` runs. */
export async function startPartnerHub(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<PartnerHub> {
  const migration = await migrate(config.databaseUrl);
  logger.info({ dialect: dialectOf(config.databaseUrl), applied: migration.applied }, "database ready");
  return composePartnerHub(config, createDb(config.databaseUrl), logger, options);
}

/** The composition root: db -> repositories -> services -> slack app -> http server -> jobs. */
export async function composePartnerHub(
  config: Config,
  db: Db,
  logger: Logger,
  options: StartOptions = {},
): Promise<PartnerHub> {
  let dispatcher: OutboxDispatcher | undefined;
  const store = createStore(db, { onOutboxWrite: () => dispatcher?.wake() });
  const slack = createSlackApp({
    config,
    logger,
    installations: new PrismaInstallationRepository(db),
    onFatal: options.onFatal,
  });
  const services = createServices(store, {
    hubAdmins: config.hubAdmins,
    system: new PrismaSystemInfo(db, dialectOf(config.databaseUrl)),
    version: APP_VERSION,
    clock: options.clock,
    retryPolicy: options.retryPolicy,
    outboxLeaseMs: options.outboxLeaseMs,
  });
  const instance = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  if (options.dispatcher !== false) {
    dispatcher = new OutboxDispatcher({
      delivery: services.outbox,
      renderers: createRenderers(services),
      clientFor: slack.deliveryClientFor,
      logger,
      owner: instance,
      ...(options.outboxSweepMs && { sweepMs: options.outboxSweepMs }),
      ...(options.outboxLaneSpacingMs !== undefined && { laneSpacingMs: options.outboxLaneSpacingMs }),
    });
  }
  slack.listen({
    services,
    logger,
    identities: new SlackIdentities(slack.clientFor),
    outboxLastSweepAt: () => dispatcher?.lastSweepAt ?? null,
  });
  const http = await startHttpServer({
    port: config.port,
    slackListener: slack.requestListener,
    slackRoutes: slack.routes,
    eventsPath: slack.eventsPath,
    health: () => services.health.report(slack.reachability()),
    extraRoutes: options.extraRoutes,
    host: options.host,
    logger,
  });
  try {
    await slack.start();
  } catch (error) {
    await http.close();
    await slack.stop();
    throw error;
  }
  dispatcher?.start();
  const jobs = options.jobs === false ? undefined : startJobs(services, logger, instance);
  logger.info({ port: http.port, transport: config.appToken ? "socket" : "http" }, "Partner Hub is listening");

  let stopping: Promise<void> | undefined;
  return {
    port: http.port,
    db,
    store,
    services,
    dispatcher,
    stop: () => {
      stopping ??= (async () => {
        await jobs?.stop();
        await http.close();
        await slack.stop();
        await dispatcher?.stop();
        await db.$disconnect();
        logger.info("Partner Hub stopped");
      })();
      return stopping;
    },
  };
}
