import type { KnownBlock, ModalView, SectionBlock } from "@slack/types";
import { formatAmount } from "../../domain/deals/currency";
import type { OnboardingEvent, ProgramConfig, TierRule } from "../../domain/program/program-types";
import type { ProgramSection } from "../../domain/shared/error-codes";
import { ACTIONS, BLOCKS } from "../ids";
import { button, context, divider, header, type Mrkdwn, md, modal, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** `/partner program`: the lists that steer applications, onboarding and tiers, as everyone reads them. */

export const PROGRAM_SECTIONS: readonly ProgramSection[] = ["criteria", "dueDiligence", "onboarding", "tiers"];

export const SECTION_TITLES: Record<ProgramSection, string> = {
  criteria: "Selection criteria",
  dueDiligence: "Due-diligence checks",
  onboarding: "Onboarding steps",
  tiers: "Tier criteria",
};

const SECTION_NOTES: Record<ProgramSection, string> = {
  criteria:
    "Managers score each application 1–5 on these; the score is the weighted mean (weight 0: shown, not counted).",
  dueDiligence: "Every check must be done before an application is approved.",
  onboarding: "A new partner's checklist. Steps marked automatic tick themselves when it happens.",
  tiers: "Over the trailing 12 months; every part must be met. Promotion is automatic, demotion waits for managers.",
};

/** What completes an onboarding step by itself, as a reader would say it. */
export const EVENT_WORDS: Record<OnboardingEvent, string> = {
  agreement_signed: "when the partner agreement is signed (application approved)",
  member_added: "when someone is added to the partner",
  training_completed: "when someone of the partner completes a training",
  deal_registered: "when the partner registers a deal",
  deal_won: "when the partner wins a deal",
};

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "EUR 20,000.00 won · 2 deals won · 1 person trained · win rate 25 %"; parts asking nothing are left out. */
export function tierRuleText(rule: TierRule, currency: string): string {
  const parts: string[] = [];
  if (rule.wonRevenueMinor > 0) parts.push(`${formatAmount(rule.wonRevenueMinor, currency)} won`);
  if (rule.dealsWon > 0) parts.push(`${rule.dealsWon} ${rule.dealsWon === 1 ? "deal" : "deals"} won`);
  if (rule.peopleTrained > 0) {
    parts.push(`${rule.peopleTrained} ${rule.peopleTrained === 1 ? "person" : "people"} trained`);
  }
  if (rule.winRate > 0) parts.push(`win rate ${Math.round(rule.winRate * 100)} %`);
  return parts.length === 0 ? "where every partner starts" : parts.join(" · ");
}

function sectionLines(section: ProgramSection, config: ProgramConfig, currency: string): Mrkdwn[] {
  switch (section) {
    case "criteria":
      return config.criteria.map(
        (criterion) =>
          md`• ${criterion.label} · ${criterion.weight === 0 ? "not counted" : `weight ${criterion.weight}`}`,
      );
    case "dueDiligence":
      return config.dueDiligence.map((check) => md`• ${check}`);
    case "onboarding":
      return config.onboardingSteps.map((step, i) =>
        step.auto === null
          ? md`${i + 1}. ${step.label} · _ticked by hand_`
          : md`${i + 1}. ${step.label} · _automatic: ${EVENT_WORDS[step.auto]}_`,
      );
    case "tiers":
      return config.tierRules.map((rule) => md`• *${capitalized(rule.tier)}*: ${tierRuleText(rule, currency)}`);
  }
}

/** One list with its title and note; admins get its Edit button. */
export function programSection(
  part: ProgramSection,
  config: ProgramConfig,
  currency: string,
  canEdit: boolean,
): SectionBlock {
  const lines = sectionLines(part, config, currency).map((line) => line.text);
  const body = trusted(`*${SECTION_TITLES[part]}*\n${md`_${SECTION_NOTES[part]}_`.text}\n${lines.join("\n")}`);
  const block: SectionBlock = section(body, BLOCKS.programSection(part));
  return canEdit ? { ...block, accessory: button(ACTIONS.programEdit, "Edit", part) } : block;
}

/** `/partner program`: every list; admins edit each with its button and set the grace by command. */
export function programMessage(view: { config: ProgramConfig; canEdit: boolean; reportingCurrency: string }): Message {
  const { config, canEdit, reportingCurrency } = view;
  const blocks: KnownBlock[] = [header("Partner program")];
  for (const part of PROGRAM_SECTIONS) blocks.push(programSection(part, config, reportingCurrency, canEdit), divider());
  blocks.push(
    section(
      md`*Demotion grace*: ${config.demotionGraceDays} days. A partner below its tier's criteria has this long to recover before managers may demote it; managers are asked, never the partner's channel.`,
    ),
  );
  if (canEdit) blocks.push(context(trusted("`/partner program grace 30` changes the grace period (7–180 days).")));
  return message(
    trusted("Partner program: selection criteria, due diligence, onboarding steps, tier criteria"),
    blocks,
  );
}

/** The answer to `/partner program grace 45`. */
export function graceSetMessage(days: number): Message {
  const line = md`:white_check_mark: Demotion grace is now *${days} days*: a partner below its tier's criteria has that long to recover before managers may demote it.`;
  return message(line, [section(line)]);
}

/** After Save in an edit modal: the list as everyone now reads it. */
export function programSavedModal(part: ProgramSection, config: ProgramConfig, currency: string): ModalView {
  return modal({
    title: "Partner program",
    close: "Done",
    blocks: [
      part === "tiers"
        ? context(trusted(":white_check_mark: Saved. Tiers follow the new criteria from the next daily recalculation."))
        : context(trusted(":white_check_mark: Saved: this is the list everyone now sees.")),
      programSection(part, config, currency, false),
    ],
  });
}
