import {
  countByMonth,
  FIRST_WIN_KEY,
  isRecordMonth,
  MILESTONE_KINDS,
  type MilestoneKind,
  monthKey,
} from "../../domain/recognition/milestones";
import type { DealRecord } from "../records";
import type { Store } from "../store";
import { celebrationMessage } from "./shoutout-messages";

/** More won deals than any partner closes; the count only has to see them all. */
const ALL_WON = 100_000;

/**
 * Called inside the transaction that made `deal` won: celebrates the partner's first won deal and
 * a record month, each claimed once (a retry, a second instance or a second win finds it claimed),
 * in the partner's channel, else the celebrations channel, else the approvals channel.
 */
export async function celebrateDealWon(tx: Store, deal: DealRecord, now: Date): Promise<void> {
  const workspace = await tx.workspaces.find(deal.teamId);
  const partner = await tx.partners.findById(deal.workspaceId, deal.partnerId);
  if (!workspace || !partner) return;
  const channel = partner.homeChannel ?? workspace.celebrationsChannel ?? workspace.approvalsChannel;
  if (channel === null || !(workspace.celebrateFirstWin || workspace.celebrateRecordMonth)) return;
  const { deals } = await tx.deals.list(
    { workspaceId: deal.workspaceId, partnerId: deal.partnerId, stages: ["won"] },
    { offset: 0, limit: ALL_WON },
  );
  const due: { kind: MilestoneKind; key: string }[] = [];
  if (workspace.celebrateFirstWin && deals.length === 1)
    due.push({ kind: MILESTONE_KINDS.firstWin, key: FIRST_WIN_KEY });
  const month = monthKey(deal.closedAt ?? now, workspace.timezone);
  const byMonth = countByMonth(
    deals.map((won) => won.closedAt ?? won.updatedAt),
    workspace.timezone,
  );
  if (workspace.celebrateRecordMonth && isRecordMonth(byMonth, month)) {
    due.push({ kind: MILESTONE_KINDS.recordMonth, key: month });
  }
  for (const { kind, key } of due) {
    const milestone = { workspaceId: deal.workspaceId, partnerId: deal.partnerId, kind, key };
    if (await tx.milestones.claim({ ...milestone, at: now })) {
      await tx.outbox.enqueue([celebrationMessage(milestone, channel)]);
    }
  }
}
