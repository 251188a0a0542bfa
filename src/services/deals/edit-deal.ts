import {
  type DealEditDraft,
  type DealEditProblems,
  type FieldChange,
  validateDealEdit,
} from "../../domain/deals/deal-edit";
import { canManageProgram } from "../../domain/partners/roles";
import { localDate } from "../../domain/shared/calendar";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { fireOnboardingEvent } from "../onboarding/fire-onboarding-event";
import { celebrateDealWon } from "../recognition/celebrate-milestones";
import type { DealRecord } from "../records";
import type { DealPatch } from "../store";
import { changeDeal, type DealContext } from "./deal-context";
import { cardThreadMessage, redrawMessages } from "./deal-messages";
import { getDeal } from "./deal-queries";
import { isUndecided } from "./deal-rivals";

export type { DealEditField } from "../../domain/deals/deal-edit";

export type EditDealResult =
  | { kind: "invalid"; errors: DealEditProblems }
  | { kind: "edited"; deal: DealRecord; changes: FieldChange[] };

/** The deal to prefill the Edit modal with: managers may edit any deal, partner members their company's. */
export async function editForm(context: DealContext, actor: Actor, dealId: number): Promise<DealRecord> {
  const deal = await getDeal(context, actor, dealId);
  if (!canManageProgram(actor.role) && actor.member.partnerId !== deal.partnerId) {
    throw new DomainError("forbidden", { action: "edit_deals" });
  }
  return deal;
}

/**
 * Changes what the modal changed, as one event listing each field's old and new value. The card
 * is redrawn (and the approval request while a manager still has to decide on it, since it shows
 * the amount and stage); a deal edited to won is celebrated as Mark won would.
 */
export async function editDeal(
  context: DealContext,
  actor: Actor,
  dealId: number,
  draft: DealEditDraft,
): Promise<EditDealResult> {
  const deal = await editForm(context, actor, dealId);
  const now = context.clock();
  const checked = validateDealEdit(deal, draft, { today: localDate(now, actor.workspace.timezone) });
  if (!checked.ok) return { kind: "invalid", errors: checked.errors };
  const { changes } = checked;
  if (changes.length === 0) throw new DomainError("edit_unchanged");
  const { closedAt, ...fields } = checked.patch;
  const patch: DealPatch = { ...fields, ...(closedAt !== undefined && { closedAt: closedAt === "now" ? now : null }) };
  const toWon = patch.stage === "won" && deal.stage !== "won";
  const updated = await changeDeal(
    context,
    deal,
    { stage: deal.stage, status: deal.status },
    patch,
    { actor: actor.userId, type: "edited", data: { changes } },
    (changed, eventId) => [
      ...redrawMessages(changed, eventId, { approval: isUndecided(changed) }),
      cardThreadMessage(changed, eventId, { type: "edited", by: actor.userId, changes }),
    ],
    toWon
      ? async (tx, changed) => {
          await celebrateDealWon(tx, changed, now);
          await fireOnboardingEvent(tx, actor.workspace, changed.partnerId, "deal_won", actor.userId, now);
        }
      : undefined,
  );
  if (!updated) throw new DomainError("stale");
  return { kind: "edited", deal: updated, changes };
}
