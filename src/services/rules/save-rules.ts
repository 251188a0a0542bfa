import { requireAdmin } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import { currentRules, type ProgramRules, type RulesContext } from "./show-rules";

/** Leaves room in one Slack section (3,000) for the heading the rules are shown under. */
export const MAX_RULES_LENGTH = 2_900;

/** The text as it will be kept: line ends unified, blank edges dropped; empty means none. */
export function normalizeRulesText(text: string): string | null {
  const cleaned = text.replace(/\r\n?/g, "\n").replaceAll(String.fromCharCode(0), "").trim();
  return cleaned === "" ? null : cleaned;
}

/** Admins only: refused before the edit modal opens, so nobody types rules they can't save. */
export function editRulesForm(actor: Actor): { text: string | null } {
  requireAdmin(actor.role, "edit_rules");
  return { text: actor.workspace.programRules };
}

/**
 * The edit modal's Save: the admins' own rules, shown below those built from the settings; an
 * empty text removes them. Audited with the text before and after; saving the same text is no change.
 */
export async function saveRules(
  context: RulesContext,
  actor: Actor,
  typed: string,
): Promise<{ rules: ProgramRules; changed: boolean }> {
  requireAdmin(actor.role, "edit_rules");
  const text = normalizeRulesText(typed);
  if (text !== null && text.length > MAX_RULES_LENGTH) {
    throw new DomainError("rules_too_long", { max: MAX_RULES_LENGTH, length: text.length });
  }
  const changed = await writeRules(context, actor, text);
  return { rules: await currentRules(context, actor), changed };
}

/** Writes the rules text and its audit entry together; false (and nothing written) when it is unchanged. */
export async function writeRules(context: RulesContext, actor: Actor, text: string | null): Promise<boolean> {
  const workspaceId = actor.workspace.id;
  return context.store.transaction(async (tx) => {
    // The text before, read in the transaction: the audit entry says what this change replaced.
    const previous = (await tx.workspaces.findById(workspaceId))?.programRules ?? null;
    if (previous === text) return false;
    await tx.workspaces.setProgramRules(workspaceId, text, false);
    await tx.audit.record({
      workspaceId,
      actor: actor.userId,
      action: "rules.update",
      data: { text, previous },
    });
    return true;
  });
}
