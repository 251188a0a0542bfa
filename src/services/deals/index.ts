import type { DealEditDraft } from "../../domain/deals/deal-edit";
import type { DealDraft } from "../../domain/deals/deal-input";
import type { Decision } from "../../domain/deals/registration";
import type { Stage } from "../../domain/deals/stages";
import type { Actor } from "../access-service";
import type { DealRecord } from "../records";
import { answerInfo } from "./answer-info";
import { remindApprovals } from "./approval-reminders";
import { changeDealStage, markDealWon } from "./change-deal-stage";
import type { DealContext } from "./deal-context";
import { decideExtension, requestExtension, sweepProtection } from "./deal-protection";
import {
  approvalContextOf,
  type DealListOptions,
  dealCardRef,
  dealForMessage,
  dealHistory,
  getDeal,
  homeDeals,
  listDeals,
} from "./deal-queries";
import { dealForDecision, decideDeal } from "./decide-deal";
import { editDeal, editForm } from "./edit-deal";
import { findDeals } from "./find-deals";
import { registerDeal, registrationForm } from "./register-deal";
import { type ConflictResolution, conflictOf, resolveConflict } from "./resolve-conflict";
import { resubmitDeal, resubmitForm } from "./resubmit-deal";

/** The deal use cases, bound to their store and clock: what listeners and jobs call. */
export function createDealUseCases(context: DealContext) {
  return {
    registrationForm: (actor: Actor, channelId?: string | null) => registrationForm(context, actor, channelId),
    register: (actor: Actor, draft: DealDraft, idempotencyKey: string, channelId: string | null) =>
      registerDeal(context, actor, draft, idempotencyKey, channelId),
    get: (actor: Actor, dealId: number) => getDeal(context, actor, dealId),
    history: (actor: Actor, dealId: number) => dealHistory(context, actor, dealId),
    list: (actor: Actor, options: DealListOptions) => listDeals(context, actor, options),
    findDeals: (actor: Actor, text: string, page: number) => findDeals(context, actor, text, page),
    home: (actor: Actor) => homeDeals(context, actor),
    cardRef: (deal: DealRecord) => dealCardRef(context, deal),
    forMessage: (workspaceId: number, dealId: number) => dealForMessage(context, workspaceId, dealId),
    approvalContextOf: (workspaceId: number, dealId: number) => approvalContextOf(context, workspaceId, dealId),
    forDecision: (actor: Actor, dealId: number) => dealForDecision(context, actor, dealId),
    decide: (actor: Actor, dealId: number, decision: Decision, note?: string) =>
      decideDeal(context, actor, dealId, decision, note),
    conflictOf: (actor: Actor, dealId: number) => conflictOf(context, actor, dealId),
    resolveConflict: (actor: Actor, dealId: number, input: ConflictResolution) =>
      resolveConflict(context, actor, dealId, input),
    answerInfo: (actor: Actor, dealId: number, answer: string) => answerInfo(context, actor, dealId, answer),
    editForm: (actor: Actor, dealId: number) => editForm(context, actor, dealId),
    editDeal: (actor: Actor, dealId: number, draft: DealEditDraft) => editDeal(context, actor, dealId, draft),
    resubmitForm: (actor: Actor, dealId: number) => resubmitForm(context, actor, dealId),
    resubmitDeal: (actor: Actor, dealId: number, draft: DealDraft) => resubmitDeal(context, actor, dealId, draft),
    changeStage: (actor: Actor, dealId: number, to: Stage, input?: { amountMinor?: number; lostReason?: string }) =>
      changeDealStage(context, actor, dealId, to, input),
    markWon: (actor: Actor, dealId: number, amountText: string) => markDealWon(context, actor, dealId, amountText),
    requestExtension: (actor: Actor, dealId: number) => requestExtension(context, actor, dealId),
    decideExtension: (actor: Actor, dealId: number, approve: boolean) =>
      decideExtension(context, actor, dealId, approve),
    sweepProtection: () => sweepProtection(context),
    remindApprovals: () => remindApprovals(context),
  };
}

export type DealUseCases = ReturnType<typeof createDealUseCases>;
