import { requireManager } from "../../domain/partners/roles";
import type { ApplicationStatus, SelectionCriterion } from "../../domain/program/program-types";
import type { Actor } from "../access-service";
import type { ApplicationRecord } from "../program/program-store";
import type { ApplicationContext } from "./application-context";

/** As many as one Slack message lists; older ones stay in the audit log and the database. */
export const MAX_LISTED_APPLICATIONS = 50;
/** The managers' Home shows the few waiting longest; the list command shows the rest. */
export const HOME_PENDING_APPLICATIONS = 5;
/** More than any workspace has waiting at once: the Home needs the oldest of them all. */
const ALL_PENDING = 1_000;

/** `/partner applications [pending|approved|declined]`: newest first, with the criteria to score them by. */
export async function listApplications(
  context: ApplicationContext,
  actor: Actor,
  filter: { status?: ApplicationStatus } = {},
): Promise<{ applications: ApplicationRecord[]; criteria: SelectionCriterion[] }> {
  requireManager(actor.role, "review_applications");
  const { store } = context;
  const [applications, config] = await Promise.all([
    store.applications.list(actor.workspace.id, {
      ...(filter.status && { status: filter.status }),
      limit: MAX_LISTED_APPLICATIONS,
    }),
    store.programConfig.get(actor.workspace.id),
  ]);
  return { applications, criteria: config.criteria };
}

/** The managers' Home: the applications waiting longest, oldest first. Nobody else sees any. */
export async function pendingApplications(context: ApplicationContext, actor: Actor): Promise<ApplicationRecord[]> {
  requireManager(actor.role, "review_applications");
  const waiting = await context.store.applications.list(actor.workspace.id, { status: "pending", limit: ALL_PENDING });
  return waiting
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
    .slice(0, HOME_PENDING_APPLICATIONS);
}
