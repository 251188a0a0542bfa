import type { Decision } from "../domain/deals/registration";
import type { DealRecord } from "./records";

/** Where the messages about a deal ended up, so later updates can find them. */
export type DealMessageRefs = Partial<Pick<DealRecord, "channelId" | "messageTs" | "approvalChannel" | "approvalTs">>;

/**
 * How the deal service tells people what happened; implemented by the Slack layer. Called after
 * the change is committed. A failure to notify never undoes or repeats the change: implementations
 * log and swallow delivery errors.
 */
export interface DealNotifier {
  /** Posts the deal's own message and the approval request; returns where they went. */
  registered(
    deal: DealRecord,
    context: { approvalsChannel: string | null; conflict: DealRecord | null },
  ): Promise<DealMessageRefs>;
  decided(deal: DealRecord, decision: Decision, by: string): Promise<void>;
  /** Brings the deal's own message and its approval message up to date. */
  redraw(deal: DealRecord): Promise<void>;
  stageChanged(deal: DealRecord, by: string): Promise<void>;
  extensionRequested(deal: DealRecord, by: string, approvalsChannel: string | null): Promise<void>;
  extensionDecided(deal: DealRecord, approved: boolean, by: string): Promise<void>;
  reminder(deal: DealRecord): Promise<void>;
  expired(deal: DealRecord): Promise<void>;
}
