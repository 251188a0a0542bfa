import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../domain/program/program-types";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { type Token, wordsOnly } from "../../parse/command-text";
import { applicationListMessage } from "../../views/application-views";
import type { Message } from "../../views/message";
import { readerTimeZone } from "../../views/slack-date";
import type { CommandInvocation } from "./command-runner";

const APPLICATIONS_USAGE = "Usage: `/partner applications [pending|approved|declined|all]` (pending by default)";

function isStatus(word: string): word is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(word);
}

/** `/partner applications [status]`: managers' list, pending ones with their Review button. */
export async function partnerApplications(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message> {
  const { actor } = invocation;
  const words = wordsOnly(rest, APPLICATIONS_USAGE);
  const word = (words[0] ?? "pending").toLowerCase();
  if (words.length > 1 || !(word === "all" || isStatus(word))) {
    throw new DomainError("usage", { text: APPLICATIONS_USAGE });
  }
  const list = await deps.services.applications.list(actor, word === "all" ? {} : { status: word });
  return applicationListMessage(list, word, readerTimeZone(actor));
}
