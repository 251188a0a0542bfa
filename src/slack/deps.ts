import type { Logger } from "../logger";
import type { Services } from "../services";

/** What every listener may use: the services (never the database) and a logger. */
export interface SlackDeps {
  services: Services;
  logger: Logger;
  /** When this instance's outbox dispatcher last looked for work (/hub status). */
  outboxLastSweepAt?: () => Date | null;
}
