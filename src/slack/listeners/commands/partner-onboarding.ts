import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { type Token, wordsOnly } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { onboardingMessage, onboardingOverviewMessage } from "../../views/onboarding-views";
import { readerTimeZone } from "../../views/slack-date";
import type { CommandInvocation } from "./command-runner";

const ONBOARDING_USAGE =
  "Usage: `/partner onboarding` (your company's checklist), or `/partner onboarding Acme` (managers)";

/** One partner's checklist: the reader's own without a name, a named one for managers. */
export async function onboardingAnswer(
  deps: SlackDeps,
  actor: Actor,
  partnerName?: string,
  note?: string,
): Promise<Message> {
  const view = await deps.services.onboarding.show(actor, partnerName);
  return onboardingMessage(view, readerTimeZone(actor), note);
}

/**
 * `/partner onboarding [name]`: members see their own company's checklist; managers without a
 * name see everyone onboarding, stuck ones first.
 */
export async function partnerOnboarding(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message> {
  const { actor } = invocation;
  const words = wordsOnly(rest, ONBOARDING_USAGE);
  if (words.length > 0) return onboardingAnswer(deps, actor, words.join(" "));
  if (actor.role === "member") return onboardingAnswer(deps, actor);
  const rows = await deps.services.onboarding.overview(actor);
  return onboardingOverviewMessage(rows, readerTimeZone(actor));
}
