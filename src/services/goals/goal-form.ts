import { TIERS } from "../../domain/partners/partner-rules";
import { requireManager } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { PartnerRecord } from "../records";
import type { Store } from "../store";

/** What the goal use cases run on. */
export interface GoalContext {
  store: Store;
  clock: Clock;
}

/** The Set a goal modal's choices; managers only. */
export async function goalForm(
  context: GoalContext,
  actor: Actor,
): Promise<{ partners: PartnerRecord[]; tiers: readonly string[]; reportingCurrency: string }> {
  requireManager(actor.role, "manage_goals");
  const partners = await context.store.partners.list(actor.workspace.id);
  return { partners, tiers: TIERS, reportingCurrency: actor.workspace.reportingCurrency };
}
