import type { KnownBlock } from "@slack/types";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, md, section, trusted } from "./block-kit";
import type { PartnerCardView } from "./partner-card-view";
import { localDateTime } from "./slack-date";
import { progressText, reviewLine, type TierReviewView, tierDecisionButtons, tierName } from "./tier-views";

/** A manager's program to-dos: what services.applications.pending, onboarding.overview and tiers.reviews return. */
export interface HomeProgramQueue {
  applications: readonly { id: number; company: string; external: boolean; createdAt: Date }[];
  /** Partners still onboarding; only the stuck ones are shown. */
  onboarding: readonly {
    partner: { id: number; name: string };
    total: number;
    done: number;
    stuck: boolean;
    lastProgressAt: Date;
  }[];
  reviews: readonly TierReviewView[];
}

/** The App Home's program part: the person's partnership, a manager's queue, or the way in. */
export type HomeProgram =
  | { kind: "member"; card: PartnerCardView }
  | { kind: "manager"; queue: HomeProgramQueue; timeZone: string }
  | { kind: "prospect" };

/**
 * Each list on the Home shows a few, the commands show all: a manager's Home also holds the deals
 * waiting for a decision, and Slack allows 100 blocks in all.
 */
const MAX_ROWS = 3;

function memberBlocks(card: PartnerCardView): KnownBlock[] {
  const onboarding = card.onboarding
    ? md`\nOnboarding: ${card.onboarding.done} of ${card.onboarding.total} steps done`
    : md``;
  return [
    divider(),
    header("Your partnership"),
    section(
      md`*${card.partner.name}* · *${tierName(card.partner.tier)}* partner\n${progressText(
        card.progress,
        card.reportingCurrency,
      )}${onboarding}`,
    ),
    actions(
      [
        button(ACTIONS.partnerCardShow, "Our partnership", String(card.partner.id), "primary"),
        button(ACTIONS.scorecardShow, "Scorecard", String(card.partner.id)),
        button(ACTIONS.resourcesShow, "Resources"),
      ],
      BLOCKS.homeProgram,
    ),
  ];
}

function managerBlocks(queue: HomeProgramQueue, timeZone: string): KnownBlock[] {
  const stuck = queue.onboarding.filter((entry) => entry.stuck);
  const blocks: KnownBlock[] = [
    divider(),
    header("Partner program"),
    actions([button(ACTIONS.resourcesShow, "Resources")], BLOCKS.homeProgram),
  ];
  if (queue.applications.length === 0 && stuck.length === 0 && queue.reviews.length === 0) {
    blocks.push(context(trusted("No application, stuck onboarding or tier review waits for you.")));
    return blocks;
  }
  for (const application of queue.applications.slice(0, MAX_ROWS)) {
    const who = application.external ? md` (Slack Connect)` : md``;
    blocks.push({
      ...section(
        md`:inbox_tray: Application: *${application.company}*${who} · ${localDateTime(application.createdAt, timeZone)}`,
        BLOCKS.applicationCard(application.id),
      ),
      accessory: button(ACTIONS.applicationReview, "Review", String(application.id), "primary"),
    });
  }
  for (const entry of stuck.slice(0, MAX_ROWS)) {
    blocks.push({
      ...section(
        md`:hourglass: Onboarding stuck: *${entry.partner.name}* · ${entry.done} of ${entry.total} steps, nothing done since ${localDateTime(
          entry.lastProgressAt,
          timeZone,
        )}`,
      ),
      accessory: button(ACTIONS.onboardingShow, "Checklist", String(entry.partner.id)),
    });
  }
  for (const view of queue.reviews.slice(0, MAX_ROWS)) {
    blocks.push(section(md`:scales: Tier review: ${reviewLine(view, timeZone)}`), tierDecisionButtons(view.review));
  }
  const more =
    Math.max(0, queue.applications.length - MAX_ROWS) +
    Math.max(0, stuck.length - MAX_ROWS) +
    Math.max(0, queue.reviews.length - MAX_ROWS);
  if (more > 0) {
    blocks.push(
      context(
        md`…and ${more} more: \`/partner applications\`, \`/partner onboarding\` and \`/partner tiers\` list them all.`,
      ),
    );
  }
  return blocks;
}

function prospectBlocks(): KnownBlock[] {
  return [
    divider(),
    header("Become a partner"),
    section(
      trusted("Your company isn't in the partner program yet. Apply, and a channel manager reviews your application."),
    ),
    actions([button(ACTIONS.applyOpen, "Apply to become a partner", undefined, "primary")], BLOCKS.homeProgram),
  ];
}

export function programHomeBlocks(program: HomeProgram): KnownBlock[] {
  switch (program.kind) {
    case "member":
      return memberBlocks(program.card);
    case "manager":
      return managerBlocks(program.queue, program.timeZone);
    case "prospect":
      return prospectBlocks();
  }
}
