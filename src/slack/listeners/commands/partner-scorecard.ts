import type { WebClient } from "@slack/web-api";
import { requireManager } from "../../../domain/partners/roles";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { parseArgs } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { scorecardReviewModal } from "../../views/scorecard-review-modal";
import { scorecardMessage } from "../../views/scorecard-view";
import type { CommandInvocation } from "./command-runner";
import { commandChoice, type PartnerChoice } from "./partner-card";

const REVIEW_USAGE = "Usage: `/partner review Acme Resellers`";

/** A partner's scorecard; a member sees only their own company's (the service refuses the rest). */
export async function scorecardAnswer(deps: SlackDeps, actor: Actor, choice: PartnerChoice): Promise<Message> {
  return scorecardMessage(await deps.services.scorecards.show(actor, choice.name, choice.partnerId));
}

/** Opens the quarterly review modal (managers; the service refuses others before anything opens). */
export async function openScorecardReview(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  triggerId: string,
  partnerId: number,
  fromHome: boolean,
): Promise<void> {
  const form = await deps.services.scorecards.reviewForm(actor, partnerId);
  const metadata = { partnerId, partnerName: form.partner.name, quarterLabel: form.quarter.label, fromHome };
  await client.views.open({ trigger_id: triggerId, view: scorecardReviewModal(form, metadata) });
}

/** `/partner scorecard [name]`. */
export async function partnerScorecard(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  return scorecardAnswer(deps, invocation.actor, await commandChoice(deps, invocation, rest));
}

/** `/partner review <name>`: managers open this quarter's review of a partner. */
export async function partnerReview(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const { actor, body, client } = invocation;
  // Before the name is looked up: a member's typo must not answer with other partners' names.
  requireManager(actor.role, "review_scorecards");
  const name = parseArgs(rest).words.join(" ").trim();
  if (name === "") throw new DomainError("usage", { text: `Name the partner company. ${REVIEW_USAGE}` });
  const partner = await deps.services.partners.findByName(actor, name);
  await openScorecardReview(deps, client, actor, body.trigger_id, partner.id, false);
  return null;
}
