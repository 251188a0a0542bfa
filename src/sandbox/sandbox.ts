import { randomBytes } from "node:crypto";
import { DEMO_PEOPLE, describeSeed, isEmptyDatabase, queueDemoApprovalRequests, seedDemo } from "../../prisma/seed";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { type PartnerHub, startPartnerHub } from "../partner-hub";
import { FakeSlack } from "./fake-slack";
import { defaultDirectory, type FakeDirectory } from "./fake-slack-directory";
import { buildPageAssets } from "./page-assets";
import { SandboxDriver } from "./sandbox-driver";
import { runScheduledJobsNow } from "./sandbox-jobs";
import { readSandboxManifest } from "./sandbox-manifest";
import { createSandboxRoutes } from "./sandbox-routes";
import { SlackClientSimulator } from "./slack-client-simulator";
import { SlackStateFile, slackStatePath } from "./slack-state-file";

/**
 * `npm start` without Slack credentials: the real app, pointed at a fake Slack on a loopback
 * port, plus a page on the app's own port that plays the Slack client. The page's actions reach
 * the app as signed requests to its /slack/events, exactly as Slack sends them. An empty database
 * gets the demo data of `npm run seed:demo` at start, so a newcomer has a partner network to try.
 * The fake Slack's messages are saved in a file next to the database (slack-state-file.ts), so a
 * restart shows the channels as they were; a new database starts with empty channels.
 */

export const REAL_SLACK_HINT =
  "To connect a real Slack workspace, see README: create an app at https://api.slack.com/apps from manifest.yml, install it, then set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (add SLACK_APP_TOKEN for Socket Mode) and run npm start again.";

/** The sandbox's admin persona, unless HUB_ADMINS names others. */
const SANDBOX_ADMIN = "U0ADMIN";

export interface SandboxOptions {
  /** Fill an empty database with the demo partner network (default true). */
  seedWhenEmpty?: boolean;
  /**
   * Where the fake Slack keeps its messages between starts (default: next to the database, see
   * slackStatePath); false keeps them in memory only, as tests do.
   */
  slackState?: string | false;
}

export interface Sandbox extends PartnerHub {
  fake: FakeSlack;
  /** The file the fake Slack is saved to; undefined when it is kept in memory only. */
  slackStateFile: string | undefined;
  /** The demo data was created at this start. */
  seeded: boolean;
}

/** Globex's own Slack organization, connected to #partner-globex. */
const GLOBEX_TEAM = "T0GLOBEXDS";

/**
 * The fake Slack's people: the personas plus everyone the demo data mentions, so names resolve.
 * Each partner's channel is a Slack Connect channel with that partner's organization, as in a real
 * partner program, so the app's refusal to route cross-partner content there can be seen.
 */
function sandboxDirectory(): FakeDirectory {
  const directory = defaultDirectory();
  for (const person of DEMO_PEOPLE) {
    if (!directory.users.some((user) => user.id === person.id)) directory.users.push({ ...person });
  }
  for (const channel of directory.channels) {
    if (channel.id === "C0PARTNERB") Object.assign(channel, { isExtShared: true, sharedWith: [GLOBEX_TEAM] });
  }
  return directory;
}

export async function startSandbox(config: Config, logger: Logger, options: SandboxOptions = {}): Promise<Sandbox> {
  const assets = await buildPageAssets();
  const manifest = readSandboxManifest();
  const fake = await new FakeSlack(sandboxDirectory()).start();
  const signingSecret = randomBytes(32).toString("hex");
  const appConfig: Config = {
    ...config,
    slack: { kind: "token", botToken: `xoxb-sandbox-${randomBytes(12).toString("hex")}`, signingSecret },
    slackApiUrl: fake.apiUrl,
    appToken: undefined,
    hubAdmins: config.hubAdmins.length > 0 ? config.hubAdmins : [SANDBOX_ADMIN],
  };

  let driver: SandboxDriver | undefined;
  const routes = createSandboxRoutes(assets, () => driver, logger);
  let hub: PartnerHub;
  try {
    // Anyone who reaches the page can act as the admin: it stays on this machine.
    hub = await startPartnerHub(appConfig, logger, { extraRoutes: routes.handle, host: "127.0.0.1" });
  } catch (error) {
    await fake.stop();
    throw error;
  }

  const empty = await isEmptyDatabase(hub.store);
  const stateFile =
    options.slackState === false
      ? undefined
      : new SlackStateFile(fake, options.slackState ?? slackStatePath(config.databaseUrl), logger);
  // Messages about deals of a database that is gone would only confuse: a new database starts empty.
  if (empty) await stateFile?.discard();
  else await stateFile?.load();
  stateFile?.watch();

  let seeded = false;
  if (options.seedWhenEmpty !== false && empty) {
    const summary = await seedDemo(hub.store, { now: new Date() });
    seeded = true;
    logger.info({ ...summary }, describeSeed(summary));
    // The fake Slack starts empty with a new database: the waiting registrations' requests are owed to #deal-approvals.
    await queueDemoApprovalRequests(hub.store);
  }
  const simulator = new SlackClientSimulator({ appUrl: `http://127.0.0.1:${hub.port}`, signingSecret, fake });
  const jobsInstance = `sandbox:${process.pid}`;
  driver = new SandboxDriver({
    fake,
    simulator,
    store: hub.store,
    access: hub.services.access,
    manifest,
    logger,
    runJobs: () =>
      runScheduledJobsNow({
        services: hub.services,
        digests: hub.store.digests,
        instance: jobsInstance,
        nameOf: (id) => fake.channel(id)?.name ?? fake.user(id)?.realName,
      }),
  });
  logger.info({ port: hub.port, fakeSlack: fake.url }, "sandbox ready");

  let stopping: Promise<void> | undefined;
  return {
    ...hub,
    fake,
    seeded,
    slackStateFile: stateFile?.path,
    stop: () => {
      stopping ??= (async () => {
        routes.close();
        driver?.detach();
        await hub.stop();
        await stateFile?.stop();
        await fake.stop();
      })();
      return stopping;
    },
  };
}
