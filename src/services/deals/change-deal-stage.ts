import { parseAmount } from "../../domain/deals/currency";
import { checkStageChange, type Stage } from "../../domain/deals/stages";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { fireOnboardingEvent } from "../onboarding/fire-onboarding-event";
import { celebrateDealWon } from "../recognition/celebrate-milestones";
import type { DealRecord } from "../records";
import { changeDeal, type DealContext } from "./deal-context";
import { cardThreadMessage, redrawMessages } from "./deal-messages";
import { getDeal } from "./deal-queries";
import { isUndecided } from "./deal-rivals";

/** Moves a deal to another stage; won may correct the amount, lost needs a reason. */
export async function changeDealStage(
  context: DealContext,
  actor: Actor,
  dealId: number,
  to: Stage,
  input: { amountMinor?: number; lostReason?: string } = {},
): Promise<DealRecord> {
  const deal = await getDeal(context, actor, dealId);
  checkStageChange(deal, to, input);
  const closing = to === "won" || to === "lost";
  const corrected = to === "won" && input.amountMinor !== undefined && input.amountMinor !== deal.amountMinor;
  const updated = await changeDeal(
    context,
    deal,
    { stage: deal.stage },
    {
      stage: to,
      ...(closing && { closedAt: context.clock() }),
      ...(to === "won" && input.amountMinor !== undefined && { amountMinor: input.amountMinor }),
      ...(to === "lost" && { lostReason: input.lostReason?.trim() ?? null }),
    },
    {
      actor: actor.userId,
      type: "stage_changed",
      data: {
        from: deal.stage,
        to,
        ...(corrected && { amountMinor: { from: deal.amountMinor, to: input.amountMinor } }),
        ...(to === "lost" && { reason: input.lostReason?.trim() }),
      },
    },
    (changed, eventId) => [
      // While a manager still has to decide, the approval request shows the stage and amount too.
      ...redrawMessages(changed, eventId, { approval: isUndecided(changed) }),
      cardThreadMessage(changed, eventId, { type: "stage", by: actor.userId }),
    ],
    to === "won"
      ? async (tx, changed) => {
          await celebrateDealWon(tx, changed, context.clock());
          await fireOnboardingEvent(tx, actor.workspace, changed.partnerId, "deal_won", actor.userId, context.clock());
        }
      : undefined,
  );
  if (!updated) throw new DomainError("stale");
  return updated;
}

/** Won, with the final amount as the person typed it (in the deal's currency). */
export async function markDealWon(
  context: DealContext,
  actor: Actor,
  dealId: number,
  amountText: string,
): Promise<DealRecord> {
  const deal = await getDeal(context, actor, dealId);
  const parsed = parseAmount(amountText, deal.currency);
  if (!parsed.ok) throw DomainError.of(parsed.problem);
  return changeDealStage(context, actor, dealId, "won", { amountMinor: parsed.minor });
}
