import type { Logger } from "../logger";
import type { Services } from "../services";
import type { SlackIdentities } from "./identity/slack-identities";

/** What every listener may use: the services (never the database) and a logger. */
export interface SlackDeps {
  services: Services;
  logger: Logger;
  /** Settles the installation and who is internal before a request reaches the services. */
  identities: SlackIdentities;
  /** When this instance's outbox dispatcher last looked for work (/hub status). */
  outboxLastSweepAt?: () => Date | null;
}
