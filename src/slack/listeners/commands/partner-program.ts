import { DomainError } from "../../../domain/shared/domain-error";
import type { ProgramSection } from "../../../domain/shared/error-codes";
import type { SlackDeps } from "../../deps";
import { type Token, wordsOnly } from "../../parse/command-text";
import type { Message } from "../../views/message";
import { programEditModal } from "../../views/program-edit-modal";
import { graceSetMessage, programMessage } from "../../views/program-views";
import type { CommandInvocation } from "./command-runner";

const PROGRAM_USAGE =
  "Usage: `/partner program` shows the program; admins: `/partner program grace 30`, or `/partner program edit criteria|checks|onboarding|tiers` (also: the Edit buttons)";

/** What admins may type after `edit`: the sections' own names and the words people use for them. */
const SECTION_WORDS: Record<string, ProgramSection> = {
  criteria: "criteria",
  checks: "dueDiligence",
  diligence: "dueDiligence",
  duediligence: "dueDiligence",
  "due-diligence": "dueDiligence",
  onboarding: "onboarding",
  steps: "onboarding",
  tiers: "tiers",
};

/**
 * `/partner program`: the lists (managers read, admins edit). `grace <days>` sets the demotion
 * grace; `edit <section>` opens the same editor as the section's Edit button.
 */
export async function partnerProgram(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const { actor, body, client } = invocation;
  const [first, second, ...more] = wordsOnly(rest, PROGRAM_USAGE).map((word) => word.toLowerCase());
  if (more.length > 0) throw new DomainError("usage", { text: PROGRAM_USAGE });
  if (first === undefined) return programMessage(await deps.services.programConfig.show(actor));
  if (first === "grace") {
    if (second === undefined) throw new DomainError("usage", { text: PROGRAM_USAGE });
    const config = await deps.services.programConfig.setGraceDays(actor, second);
    return graceSetMessage(config.demotionGraceDays);
  }
  const section = second === undefined ? undefined : SECTION_WORDS[second];
  if (first === "edit" && section !== undefined) {
    const text = await deps.services.programConfig.editText(actor, section);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: programEditModal(section, text, actor.workspace.reportingCurrency),
    });
    return null;
  }
  throw new DomainError("usage", { text: PROGRAM_USAGE });
}
