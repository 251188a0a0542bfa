import type { RequestListener } from "node:http";
import { App, HTTPReceiver, type InstallationStore, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { SlackReachability } from "../services/health-service";
import type { InstallationRepository } from "../services/installation-store";
import { boltLogger } from "./bolt-logger";
import { BotIdentity, type SlackTokenRefused } from "./bot-identity";
import type { SlackDeps } from "./deps";
import { databaseInstallationStore } from "./installation-store";
import { registerListeners } from "./listeners";
import { readManifestScopes } from "./manifest";

/** Where Slack posts commands, interactions and events; Bolt's OAuth pages sit beside it. */
const EVENTS_PATH = "/slack/events";
const OAUTH_PATHS = ["/slack/install", "/slack/oauth_redirect"];
/**
 * How long the start waits for Slack's first word on the token: long enough for a Slack that
 * answers, short enough that a hanging one does not hold the start (requests are served meanwhile).
 */
const FIRST_ANSWER_WAIT_MS = 1_000;
/** One auth.test that hangs longer than this counts as Slack unreachable, and is tried again. */
const AUTH_TEST_TIMEOUT_MS = 10_000;

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  installations: InstallationRepository;
  /** Slack refused the token after the start had gone on without its answer: the app cannot work. */
  onFatal?: ((error: Error) => void) | undefined;
}

/** The Web API client that speaks for a workspace (one token, or the team's installation). */
export type ClientFor = (teamId: string) => Promise<WebClient>;

export interface SlackApp {
  app: App;
  /** Handles POST /slack/events (and the OAuth pages); undefined in Socket Mode. */
  requestListener: RequestListener | undefined;
  /** The paths requestListener serves, with the methods each accepts. */
  routes: Record<string, string[]>;
  eventsPath: string;
  /** Whether Slack has confirmed the bot token, for /healthz. */
  reachability(): SlackReachability;
  /** The Web API client that speaks for a workspace, retrying as Slack asks: for answers. */
  clientFor: ClientFor;
  /** Clients that never retry on their own: the outbox dispatcher decides about 429s and 5xx. */
  deliveryClientFor: ClientFor;
  /** Registers every listener; called once the services exist. */
  listen(deps: SlackDeps): void;
  /**
   * Checks the bot token with Slack in the background and starts the Socket Mode connection.
   * Rejects with SlackTokenRefused when Slack refuses the token; an outage is retried, never thrown.
   */
  start(): Promise<void>;
  /** Stops taking Slack requests and waits (up to `graceMs`) for listeners still running. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Builds the Bolt app for the configured mode. The HTTP server is ours (see http-server.ts): it
 * serves /healthz in every mode and hands Slack's requests to Bolt's receiver.
 */
export function createSlackApp({ config, logger: appLogger, installations, onFatal }: SlackAppOptions): SlackApp {
  if (config.slack.kind === "sandbox") throw new Error("createSlackApp needs Slack credentials or the sandbox's");
  const logger = boltLogger(appLogger);
  // A few quick retries for 5xx; 429s are waited out as Slack's Retry-After says (the client's default).
  const clientOptions = {
    ...(config.slackApiUrl && { slackApiUrl: config.slackApiUrl }),
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
    logger,
  };
  const slack = config.slack;
  const installationStore: InstallationStore | undefined =
    slack.kind === "oauth" ? databaseInstallationStore(installations) : undefined;
  const oauth =
    slack.kind === "oauth"
      ? {
          clientId: slack.clientId,
          clientSecret: slack.clientSecret,
          stateSecret: slack.stateSecret,
          scopes: readManifestScopes(),
          installationStore,
          installerOptions: { directInstall: true, clientOptions },
        }
      : {};
  const botToken = slack.kind === "token" ? slack.botToken : undefined;
  const identity =
    botToken === undefined
      ? undefined
      : new BotIdentity({
          client: new WebClient(botToken, {
            ...clientOptions,
            retryConfig: { retries: 0 },
            timeout: AUTH_TEST_TIMEOUT_MS,
          }),
          botToken,
          onUnreachable: (error, retryInMs) =>
            appLogger.warn({ err: error.message, retryInMs }, "Slack did not answer auth.test; serving meanwhile"),
        });
  // Given `token`, Bolt would run auth.test itself and leave its failure unhandled: see BotIdentity.
  const authorization = identity ? { authorize: identity.authorize } : {};

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.appToken) {
    app = new App({
      ...authorization,
      ...oauth,
      appToken: config.appToken,
      socketMode: true,
      logger,
      logLevel: LogLevel.INFO,
      clientOptions,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: EVENTS_PATH,
      logger,
      processBeforeResponse: false,
      ...oauth,
    });
    app = new App({ ...authorization, receiver, logger, clientOptions });
  }

  let inFlight = 0;
  const idle: (() => void)[] = [];
  app.use(async ({ next }) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      if (inFlight === 0) for (const wake of idle.splice(0)) wake();
    }
  });
  app.error(async (error) => {
    appLogger.error({ err: error.message, code: error.code }, "unhandled Bolt error");
  });

  const deliveryOptions = {
    ...(config.slackApiUrl && { slackApiUrl: config.slackApiUrl }),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logger,
  };
  const clientsOf = (options: typeof clientOptions | typeof deliveryOptions, shared: WebClient | undefined) => {
    const clients = new Map<string, WebClient>();
    const clientFor: ClientFor = async (teamId) => {
      if (!installationStore) return shared ?? new WebClient(botToken, options);
      const cached = clients.get(teamId);
      if (cached) return cached;
      const installation = await installationStore.fetchInstallation({
        teamId,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      const client = new WebClient(installation.bot?.token, options);
      clients.set(teamId, client);
      return client;
    };
    return clientFor;
  };
  const clientFor = clientsOf(clientOptions, installationStore ? undefined : new WebClient(botToken, clientOptions));
  const deliveryClient = installationStore ? undefined : new WebClient(botToken, deliveryOptions);
  const deliveryClientFor = clientsOf(deliveryOptions, deliveryClient);

  return {
    app,
    requestListener: receiver?.requestListener,
    routes: receiver
      ? Object.fromEntries([
          [EVENTS_PATH, ["POST"]],
          ...(installationStore ? OAUTH_PATHS.map((path) => [path, ["GET"]]) : []),
        ])
      : {},
    eventsPath: EVENTS_PATH,
    reachability: () => identity?.reachability ?? "not_checked",
    clientFor,
    deliveryClientFor,
    listen: (deps) => registerListeners(app, deps),
    start: async () => {
      if (identity) {
        const verified = identity.verify();
        const first = await Promise.race([
          verified.then(
            () => undefined,
            (error: unknown) => error,
          ),
          new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), FIRST_ANSWER_WAIT_MS).unref()),
        ]);
        if (first instanceof Error) throw first;
        if (first === "pending") {
          // verify() rejects with SlackTokenRefused only: every other failure is retried.
          verified.catch((error: SlackTokenRefused) => {
            appLogger.error({ slackError: error.slackError }, error.message);
            onFatal?.(error);
          });
        }
      }
      if (config.appToken) await app.start();
    },
    stop: async (graceMs = 10_000) => {
      identity?.stop();
      if (config.appToken) await app.stop();
      if (inFlight === 0) return;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, graceMs);
        idle.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    },
  };
}
