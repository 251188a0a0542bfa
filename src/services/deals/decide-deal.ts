import { type Decision, decide, protectionEnd } from "../../domain/deals/registration";
import { canManageProgram } from "../../domain/partners/roles";
import { localDate } from "../../domain/shared/calendar";
import { DomainError, isDomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { DealRecord } from "../records";
import { changeDeal, type DealContext } from "./deal-context";
import { redrawMessages, tellPartnerMessages } from "./deal-messages";
import { getDeal } from "./deal-queries";
import { liveRivals } from "./deal-rivals";

export function requireDecider(actor: Actor): void {
  if (!canManageProgram(actor.role)) throw new DomainError("forbidden", { action: "decide_deals" });
}

/** The deal a manager is about to decide (to show it in the reason modal); refuses anyone else. */
export async function dealForDecision(context: DealContext, actor: Actor, dealId: number): Promise<DealRecord> {
  requireDecider(actor);
  return getDeal(context, actor, dealId);
}

/**
 * Approve, reject or ask for info. Two managers clicking at once produce one decision: the
 * second is told who decided first and when. Approving while another partner holds or awaits
 * rights to the same customer is refused: that takes resolveConflict, which says who loses. The
 * check runs under the workspace lock, so two rivals approved at once can't both be protected.
 */
export async function decideDeal(
  context: DealContext,
  actor: Actor,
  dealId: number,
  decision: Decision,
  note?: string,
): Promise<DealRecord> {
  requireDecider(actor);
  const deal = await getDeal(context, actor, dealId);
  const status = alreadyDecided(deal, () => decide(deal.status, decision, note));
  const now = context.clock();
  const trimmed = note?.trim() || null;
  const updated = await changeDeal(
    context,
    deal,
    { status: deal.status },
    {
      status,
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: trimmed,
      ...(status === "approved" && { protectedUntil: protectionEnd(now, actor.workspace.protectionDays) }),
    },
    { actor: actor.userId, type: decision, data: { from: deal.status, to: status, note: trimmed } },
    (changed, eventId) => [
      ...redrawMessages(changed, eventId, { approval: true }),
      ...tellPartnerMessages(changed, eventId, { type: "decision", decision, by: actor.userId }),
    ],
    undefined,
    status === "approved"
      ? async (tx) => {
          await tx.workspaces.lock(actor.workspace.id);
          const rivals = await liveRivals(tx, deal, now);
          if (rivals.length > 0) {
            throw new DomainError("conflict_unresolved", { dealId, rivalIds: rivals.map((rival) => rival.id) });
          }
        }
      : undefined,
  );
  if (!updated) {
    const current = await getDeal(context, actor, dealId);
    alreadyDecided(current, () => decide(current.status, decision, note));
    throw new DomainError("registration_changed");
  }
  return updated;
}

/** Domain errors about a decided registration name who decided it and when. */
export function alreadyDecided<T>(deal: DealRecord, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isDomainError(error, "already_decided") && deal.decidedBy && deal.decidedAt) {
      throw new DomainError("already_decided", {
        ...error.params,
        decidedBy: deal.decidedBy,
        decidedOn: localDate(deal.decidedAt, deal.timezone),
      });
    }
    throw error;
  }
}
