import type { KnownBlock, ModalView, PlainTextOption, StaticSelect } from "@slack/types";
import { formatAmount } from "../../domain/deals/currency";
import { GOAL_PERIOD_CHOICES, type GoalPeriodChoice } from "../../domain/goals/goal-period";
import { isMoneyMetric, METRIC_LABELS, METRICS, type Metric } from "../../domain/leaderboard/metrics";
import { ACTIONS, GOAL_BLOCKS, VIEWS } from "../ids";
import { context, input, LIMITS, md, modal, option, plainTextInput, section, staticSelect, text } from "./block-kit";

/** What services.goals.form tells the modal. */
export interface GoalFormFacts {
  partners: readonly { id: number; name: string }[];
  tiers: readonly string[];
  reportingCurrency: string;
}

/** What the modal carries to its submission. */
export interface GoalModalMetadata {
  fromHome: boolean;
}

/** "Next quarter": how the modal names each period a goal can be set for. */
export function goalPeriodLabel(choice: GoalPeriodChoice): string {
  const [which, unit] = choice.split("-");
  return `${which === "next" ? "Next" : "This"} ${unit}`;
}

export const PROGRAM_OWNER = "program";
export const tierOwner = (tier: string) => `tier:${tier}`;
export const partnerOwner = (partnerId: number) => `partner:${partnerId}`;

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "All Gold partners": a tier goal applies to each partner of the tier on its own. */
export function tierLabel(tier: string): string {
  return `All ${capitalized(tier)} partners`;
}

/**
 * Program and tiers first, then the partners by name. A select holds 100 options per group, so
 * past 100 partners the rest go in further groups (Slack allows 100 groups).
 */
function ownerSelect(form: GoalFormFacts): StaticSelect {
  const partners = [...form.partners].sort((a, b) => a.name.localeCompare(b.name));
  const chunks: PlainTextOption[][] = [];
  for (let i = 0; i < partners.length; i += LIMITS.options) {
    chunks.push(partners.slice(i, i + LIMITS.options).map((partner) => option(partnerOwner(partner.id), partner.name)));
  }
  const groups = [
    { label: text("Program", LIMITS.optionText), options: [option(PROGRAM_OWNER, "The whole program")] },
    ...(form.tiers.length > 0
      ? [
          {
            label: text("Tiers", LIMITS.optionText),
            options: form.tiers.map((tier) => option(tierOwner(tier), tierLabel(tier))),
          },
        ]
      : []),
    ...chunks.slice(0, 98).map((options, i) => ({
      label: text(chunks.length > 1 ? `Partners (${i + 1})` : "Partners", LIMITS.optionText),
      options,
    })),
  ];
  return {
    type: "static_select",
    action_id: ACTIONS.input,
    placeholder: text("A partner, a tier or the program", LIMITS.placeholder),
    option_groups: groups,
  };
}

function metricSelect(): StaticSelect {
  const choices = METRICS.map((metric) => option(metric, METRIC_LABELS[metric]));
  return staticSelect(ACTIONS.input, choices, { initial: choices[0] });
}

function periodSelect(): StaticSelect {
  const choices = GOAL_PERIOD_CHOICES.map((choice) => option(choice, goalPeriodLabel(choice)));
  return staticSelect(ACTIONS.input, choices, { initial: choices.find((choice) => choice.value === "this-quarter") });
}

/** The Set a goal modal (managers): owner, metric, period, target in the reporting currency. */
export function goalModal(form: GoalFormFacts, metadata: GoalModalMetadata): ModalView {
  const currency = form.reportingCurrency;
  const blocks: KnownBlock[] = [
    context(md`Progress is measured live from the deals: nobody reports numbers by hand.`),
    input(GOAL_BLOCKS.owner, "For", ownerSelect(form), {
      hint: "A tier goal applies to each partner of the tier; a program goal to all deals together.",
    }),
    input(GOAL_BLOCKS.metric, "Metric", metricSelect()),
    input(GOAL_BLOCKS.period, "Period", periodSelect()),
    input(GOAL_BLOCKS.target, "Target", plainTextInput(ACTIONS.input, { placeholder: "e.g. 50,000", max: 30 }), {
      hint: `Revenue and pipeline in ${currency} (the reporting currency), e.g. 50,000; deals, registrations and kudos as a count, e.g. 12; win rate as a percentage, e.g. 40 %.`,
    }),
  ];
  return modal({
    title: "Set a goal",
    submit: "Save",
    close: "Cancel",
    callbackId: VIEWS.setGoal,
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** "EUR 50,000.00", "12", "40 %": a stored target as people wrote it. */
export function targetText(
  goal: { metric: Metric; target: number; currency: string | null },
  currency: string,
): string {
  if (isMoneyMetric(goal.metric)) return formatAmount(goal.target, goal.currency ?? currency);
  if (goal.metric === "winrate") return `${goal.target / 100} %`;
  return String(goal.target);
}

/** After Save: what was set, and where progress shows. */
export function goalSavedModal(
  goal: { metric: Metric; target: number; currency: string | null },
  facts: { ownerLabel: string; periodLabel: string; reportingCurrency: string },
): ModalView {
  return modal({
    title: "Goal saved",
    close: "Done",
    blocks: [
      section(
        md`:dart: *${facts.ownerLabel}* · ${METRIC_LABELS[goal.metric]} · ${facts.periodLabel}: ${targetText(
          goal,
          facts.reportingCurrency,
        )}`,
      ),
      context(
        md`Partners see their progress with \`/goal\`, Our goals and on the App Home; \`/goal list\` shows every goal.`,
      ),
    ],
  });
}

/** The label of the option chosen in a select of this modal (the submission carries only its value). */
export function chosenLabel(view: { blocks?: unknown }, blockId: string, value: string | null): string | null {
  if (value === null) return null;
  const blocks = Array.isArray(view.blocks) ? (view.blocks as { block_id?: string; element?: StaticSelect }[]) : [];
  const element = blocks.find((block) => block.block_id === blockId)?.element;
  const options = [...(element?.options ?? []), ...(element?.option_groups ?? []).flatMap((group) => group.options)];
  return options.find((entry) => entry.value === value)?.text.text ?? null;
}
