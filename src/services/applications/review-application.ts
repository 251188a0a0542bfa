import { requireManager } from "../../domain/partners/roles";
import type { ProgramConfig } from "../../domain/program/program-types";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { ApplicationRecord } from "../program/program-store";
import type { ApplicationContext } from "./application-context";

/** The application as managers may act on it: theirs to see, and still waiting for a decision. */
export async function pendingApplication(
  context: ApplicationContext,
  actor: Actor,
  applicationId: number,
): Promise<ApplicationRecord> {
  requireManager(actor.role, "review_applications");
  const application = await context.store.applications.findById(actor.workspace.id, applicationId);
  if (!application) throw new DomainError("application_not_found", { id: applicationId });
  if (application.status !== "pending") {
    throw new DomainError("application_decided", {
      status: application.status,
      ...(application.decidedBy !== null && { decidedBy: application.decidedBy }),
    });
  }
  return application;
}

/**
 * The Review button: the application with the criteria and checks it is reviewed against. A
 * decided application is refused, so nobody scores one that another manager just approved.
 */
export async function applicationReviewForm(
  context: ApplicationContext,
  actor: Actor,
  applicationId: number,
): Promise<{ application: ApplicationRecord; config: ProgramConfig }> {
  const application = await pendingApplication(context, actor, applicationId);
  return { application, config: await context.store.programConfig.get(actor.workspace.id) };
}
