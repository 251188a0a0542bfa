import { capList, capPage, DIGEST_LIST_SIZE } from "../../domain/digest/digest-rules";
import type { GoalLine } from "../goals";
import type { Store } from "../store";
import type { ManagerQueue } from "./digest-content";

/**
 * What waits for a manager now, whatever the week: registrations to decide (waiting longest
 * first), conflicts to resolve, protection extensions asked for, and goals behind pace.
 * Registrations waiting on the partner's answer (info requested) are the partner's move, not theirs.
 */
export async function managerQueue(
  store: Store,
  input: { workspaceId: number; goalsAtRisk: readonly GoalLine[] },
): Promise<ManagerQueue> {
  const first = { offset: 0, limit: DIGEST_LIST_SIZE };
  const base = { workspaceId: input.workspaceId, order: "oldest" as const };
  const [waiting, conflicts, extensions] = await Promise.all([
    store.deals.list({ ...base, statuses: ["pending"] }, first),
    store.deals.list({ ...base, statuses: ["conflict"] }, first),
    store.deals.list({ ...base, statuses: ["approved"], extensionRequested: true }, first),
  ]);
  return {
    waiting: capPage(waiting.deals, waiting.total),
    conflicts: capPage(conflicts.deals, conflicts.total),
    extensionRequests: capPage(extensions.deals, extensions.total),
    goalsAtRisk: capList(input.goalsAtRisk),
  };
}
