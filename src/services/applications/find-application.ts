import type { ProgramConfig } from "../../domain/program/program-types";
import type { ApplicationRecord } from "../program/program-store";
import type { ApplicationContext } from "./application-context";

/**
 * An application as its Slack messages show it (the card, the applicant's notes), read at
 * delivery; null when it is gone. No actor: the renderers draw what was already decided to send.
 */
export async function applicationForMessage(
  context: ApplicationContext,
  workspaceId: number,
  applicationId: number,
): Promise<{ application: ApplicationRecord; config: ProgramConfig; partnerName: string | null } | null> {
  const { store } = context;
  const application = await store.applications.findById(workspaceId, applicationId);
  if (!application) return null;
  const partner =
    application.partnerId === null ? null : await store.partners.findById(workspaceId, application.partnerId);
  return { application, config: await store.programConfig.get(workspaceId), partnerName: partner?.name ?? null };
}
