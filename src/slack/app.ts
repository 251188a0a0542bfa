import type { RequestListener } from "node:http";
import { App, HTTPReceiver, type InstallationStore, LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { InstallationRepository } from "../services/installation-store";
import { boltLogger } from "./bolt-logger";
import type { SlackDeps } from "./deps";
import { databaseInstallationStore } from "./installation-store";
import { registerListeners } from "./listeners";
import { readManifestScopes } from "./manifest";

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  installations: InstallationRepository;
}

/** The Web API client that speaks for a workspace (one token, or the team's installation). */
export type ClientFor = (teamId: string) => Promise<WebClient>;

export interface SlackApp {
  app: App;
  /** Handles POST /slack/events (and the OAuth pages); undefined in Socket Mode. */
  requestListener: RequestListener | undefined;
  /** The Web API client that speaks for a workspace, retrying as Slack asks: for answers. */
  clientFor: ClientFor;
  /** Clients that never retry on their own: the outbox dispatcher decides about 429s and 5xx. */
  deliveryClientFor: ClientFor;
  /** Registers every listener; called once the services exist. */
  listen(deps: SlackDeps): void;
  /** Starts the Socket Mode connection; HTTP needs nothing more than requestListener. */
  start(): Promise<void>;
  /** Stops taking Slack requests and waits (up to `graceMs`) for listeners still running. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Builds the Bolt app for the configured mode. The HTTP server is ours (see http-server.ts): it
 * serves /healthz in every mode and hands Slack's requests to Bolt's receiver.
 */
export function createSlackApp({ config, logger: appLogger, installations }: SlackAppOptions): SlackApp {
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
  const token = slack.kind === "token" ? { token: slack.botToken } : {};

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.appToken) {
    app = new App({
      ...token,
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
      endpoints: "/slack/events",
      logger,
      processBeforeResponse: false,
      ...oauth,
    });
    app = new App({ ...token, receiver, logger, clientOptions });
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
  const botToken = slack.kind === "token" ? slack.botToken : undefined;
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
  const clientFor = clientsOf(clientOptions, app.client);
  const deliveryClient = installationStore ? undefined : new WebClient(botToken, deliveryOptions);
  const deliveryClientFor = clientsOf(deliveryOptions, deliveryClient);

  return {
    app,
    requestListener: receiver?.requestListener,
    clientFor,
    deliveryClientFor,
    listen: (deps) => registerListeners(app, deps),
    start: async () => {
      if (config.appToken) await app.start();
    },
    stop: async (graceMs = 10_000) => {
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
