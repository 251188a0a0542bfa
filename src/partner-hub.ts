import type { Config } from "./config";
import { createDb, type Db, dialectOf } from "./data/database";
import { migrate } from "./data/migrator";
import { createStore } from "./data/prisma-store";
import { PrismaInstallationRepository } from "./data/repositories/installation-repository";
import { startJobs } from "./jobs/scheduler";
import { createLogger, type Logger } from "./logger";
import { createServices, type Services } from "./services";
import type { Clock } from "./services/clock";
import type { Store } from "./services/store";
import { createSlackApp } from "./slack/app";
import { SlackDealNotifier } from "./slack/deal-notifier";
import { type HttpServerOptions, startHttpServer } from "./slack/http-server";

export interface StartOptions {
  /** Routes served before Slack's on the same port (the sandbox's page and its API). */
  extraRoutes?: HttpServerOptions["extraRoutes"];
  host?: string;
  /** Tests move time (protection periods, reminders) by injecting the clock. */
  clock?: Clock;
  /** Run scheduled jobs (default true); tests run them by hand. */
  jobs?: boolean;
}

export interface PartnerHub {
  port: number;
  db: Db;
  /** The repositories, for callers outside Slack (the sandbox, seeds) that must not touch Prisma. */
  store: Store;
  services: Services;
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
  const store = createStore(db);
  const slack = createSlackApp({ config, logger, installations: new PrismaInstallationRepository(db) });
  const notifier = new SlackDealNotifier(slack.clientFor, logger);
  const services = createServices(store, {
    hubAdmins: config.hubAdmins,
    notifier,
    ...(options.clock && { clock: options.clock }),
  });
  slack.listen({ services, logger });
  const http = await startHttpServer({
    port: config.port,
    slackListener: slack.requestListener,
    health: () => services.health.check(),
    extraRoutes: options.extraRoutes,
    host: options.host,
    logger,
  });
  await slack.start();
  const jobs = options.jobs === false ? undefined : startJobs(services, logger);
  logger.info({ port: http.port, transport: config.appToken ? "socket" : "http" }, "Partner Hub is listening");

  let stopping: Promise<void> | undefined;
  return {
    port: http.port,
    db,
    store,
    services,
    stop: () => {
      stopping ??= (async () => {
        await jobs?.stop();
        await http.close();
        await slack.stop();
        await db.$disconnect();
        logger.info("Partner Hub stopped");
      })();
      return stopping;
    },
  };
}
