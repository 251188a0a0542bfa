import { canAssignRoles } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { WorkspaceRecord } from "../records";
import type { Store } from "../store";

/** What the rule use cases run on. */
export interface RulesContext {
  store: Store;
}

/**
 * The program's rules of engagement: the settings they are built from (so they never disagree
 * with what the app enforces) and the admins' own text, when they wrote one.
 */
export interface ProgramRules {
  protectionDays: number;
  /** Working days a registration may wait before managers are reminded; 0: never. */
  approvalReminderDays: number;
  companyValues: string[];
  shoutoutAllowance: number;
  celebrateFirstWin: boolean;
  celebrateRecordMonth: boolean;
  /** The admins' own text; null when they wrote none. */
  custom: string | null;
  /** The reader may change them (admins). */
  canEdit: boolean;
}

export function rulesOf(workspace: WorkspaceRecord, actor: Actor): ProgramRules {
  return {
    protectionDays: workspace.protectionDays,
    approvalReminderDays: workspace.approvalReminderDays,
    companyValues: workspace.companyValues,
    shoutoutAllowance: workspace.shoutoutAllowance,
    celebrateFirstWin: workspace.celebrateFirstWin,
    celebrateRecordMonth: workspace.celebrateRecordMonth,
    custom: workspace.programRules,
    canEdit: canAssignRoles(actor.role),
  };
}

/**
 * `/hub rules`, the launcher's and the registration modal's Program rules: everyone may read
 * them, Slack Connect guests included, since they are the terms partners register deals under.
 */
export function showRules(actor: Actor): ProgramRules {
  return rulesOf(actor.workspace, actor);
}

/** The rules as stored now: read again after a change, never from the actor's copy of before. */
export async function currentRules(context: RulesContext, actor: Actor): Promise<ProgramRules> {
  const workspace = await context.store.workspaces.findById(actor.workspace.id);
  return rulesOf(workspace ?? actor.workspace, actor);
}
