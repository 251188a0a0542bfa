import { checkResolutionReason, decide, protectionEnd } from "../../domain/deals/registration";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { OutboxDraft } from "../outbox/outbox-message";
import type { DealRecord } from "../records";
import type { DealExpectation, DealPatch, Store } from "../store";
import type { DealContext } from "./deal-context";
import { redrawMessages, tellPartnerMessages } from "./deal-messages";
import { getDeal } from "./deal-queries";
import { liveRivals, sameIds } from "./deal-rivals";
import { alreadyDecided, requireDecider } from "./decide-deal";

export interface ConflictView {
  deal: DealRecord;
  /** Other partners' registrations that stand in the way now, oldest first; [] when none. */
  rivals: DealRecord[];
}

export interface ConflictResolution {
  /** "this": approve the deal and reject every rival; "existing": keep the rivals, reject the deal. */
  keep: "this" | "existing";
  /** The rivals the manager saw: if they changed meanwhile, nothing is decided. */
  rivalIds: number[];
  reason: string;
}

/** The deal and its rivals side by side, for the manager who resolves the conflict. */
export async function conflictOf(context: DealContext, actor: Actor, dealId: number): Promise<ConflictView> {
  requireDecider(actor);
  const deal = await getDeal(context, actor, dealId);
  return { deal, rivals: await liveRivals(context.store, deal, context.clock()) };
}

/**
 * Decides a conflict in one transaction under the workspace lock: the rivals are recomputed and
 * must be the ones the manager saw, so a registration added or decided meanwhile is never rejected
 * (or left protected) unseen. Every deal touched gets its event, its redrawn messages and a word
 * to its partner.
 */
export async function resolveConflict(
  context: DealContext,
  actor: Actor,
  dealId: number,
  input: ConflictResolution,
): Promise<ConflictView> {
  requireDecider(actor);
  await getDeal(context, actor, dealId);
  const reason = checkResolutionReason(input.reason);
  const now = context.clock();
  const decided = { decidedBy: actor.userId, decidedAt: now };
  return context.store.transaction(async (tx) => {
    await tx.workspaces.lock(actor.workspace.id);
    const deal = await tx.deals.findById(actor.workspace.id, dealId);
    if (!deal) throw new DomainError("deal_not_found", { id: dealId });
    alreadyDecided(deal, () => decide(deal.status, input.keep === "this" ? "approve" : "reject", reason));
    const rivals = await liveRivals(tx, deal, now);
    const rivalIds = rivals.map((rival) => rival.id);
    if (rivals.length === 0 || !sameIds(rivalIds, input.rivalIds)) throw new DomainError("conflict_changed");
    // The note on the approval card names the rival even once the conflict is decided.
    const conflictDealId = deal.conflictDealId ?? (rivals[0] as DealRecord).id;

    if (input.keep === "existing") {
      const rejected = await applyChange(
        tx,
        now,
        deal,
        { status: deal.status },
        { status: "rejected", decisionNote: reason, conflictDealId, ...decided },
        { actor: actor.userId, type: "conflict_kept_existing", data: { rivalIds, reason } },
        (changed, eventId) => [
          ...redrawMessages(changed, eventId, { approval: true }),
          ...tellPartnerMessages(changed, eventId, { type: "decision", decision: "reject", by: actor.userId }),
          // The rivals' approval cards carried the same conflict note.
          ...rivals.flatMap((rival) => rivalRedraw(rival, eventId)),
        ],
      );
      return { deal: rejected, rivals };
    }

    const approved = await applyChange(
      tx,
      now,
      deal,
      { status: deal.status },
      {
        status: "approved",
        protectedUntil: protectionEnd(now, actor.workspace.protectionDays),
        decisionNote: null,
        conflictDealId,
        ...decided,
      },
      { actor: actor.userId, type: "conflict_won", data: { rivalIds, reason } },
      (changed, eventId) => [
        ...redrawMessages(changed, eventId, { approval: true }),
        ...tellPartnerMessages(changed, eventId, { type: "decision", decision: "approve", by: actor.userId }),
      ],
    );
    const losers: DealRecord[] = [];
    for (const rival of rivals) {
      losers.push(
        await applyChange(
          tx,
          now,
          rival,
          { status: rival.status },
          {
            status: "rejected",
            protectedUntil: null,
            extensionRequestedAt: null,
            decisionNote: reason,
            conflictDealId: rival.conflictDealId ?? deal.id,
            ...decided,
          },
          { actor: actor.userId, type: "conflict_lost", data: { winnerDealId: deal.id, reason } },
          (changed, eventId) => [
            ...redrawMessages(changed, eventId, { approval: true }),
            ...tellPartnerMessages(changed, eventId, {
              type: "conflict_lost",
              winnerDealId: deal.id,
              by: actor.userId,
            }),
          ],
        ),
      );
    }
    return { deal: approved, rivals: losers };
  });
}

/** One deal's change inside the resolution's transaction; a deal changed meanwhile undoes it all. */
async function applyChange(
  tx: Store,
  now: Date,
  deal: DealRecord,
  expected: DealExpectation,
  patch: DealPatch,
  event: { actor: string; type: string; data: object },
  messages: (changed: DealRecord, eventId: number) => OutboxDraft[],
): Promise<DealRecord> {
  const changed = await tx.deals.update(deal.id, expected, patch);
  if (!changed) throw new DomainError("conflict_changed");
  const eventId = await tx.deals.addEvent({ at: now, dealId: deal.id, ...event });
  await tx.outbox.enqueue(messages(changed, eventId));
  return changed;
}

/** A rival's messages redrawn after another deal's event: keyed by both, so each is drawn once. */
function rivalRedraw(rival: DealRecord, eventId: number): OutboxDraft[] {
  return redrawMessages(rival, eventId, { approval: true }).map((draft) => ({
    ...draft,
    dedupeKey: `${draft.dedupeKey}:deal-${rival.id}`,
  }));
}
