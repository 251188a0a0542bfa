import { isDomainError } from "../../domain/shared/domain-error";
import { scrubSecrets } from "../../logger";
import type { SlackDeps } from "../deps";
import { errorSentence } from "../views/error-sentences";
import { DATABASE_DOWN_MESSAGE, refusalMessage, UNEXPECTED_ERROR_MESSAGE } from "../views/error-views";
import type { Message } from "../views/message";

/** Turns whatever a listener threw into the short ephemeral answer the person sees. */
export async function replyToError(error: unknown, deps: SlackDeps, where: string): Promise<Message> {
  if (isDomainError(error)) return refusalMessage(errorSentence(error));
  const detail = scrubSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
  deps.logger.error({ where, err: detail }, "listener failed");
  const health = await deps.services.health.check();
  return health.ok ? UNEXPECTED_ERROR_MESSAGE : DATABASE_DOWN_MESSAGE;
}
