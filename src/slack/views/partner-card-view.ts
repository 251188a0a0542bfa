import type { KnownBlock } from "@slack/types";
import type { TierFigures, TierProgress } from "../../domain/program/program-types";
import type { TierReviewRecord } from "../../services/program/program-store";
import type { PartnerRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, fields, header, type MdValue, md, mention, section } from "./block-kit";
import { type Message, message } from "./message";
import { figuresText, progressText, tierName, tierReviewBlocks } from "./tier-views";

/** What services.tiers.card returns, as far as the card reads it. */
export interface PartnerCardView {
  partner: PartnerRecord;
  memberCount: number;
  figures: TierFigures;
  progress: TierProgress;
  onboarding: { total: number; done: number } | null;
  /** Managers only: a demotion waiting for their decision. */
  pendingReview: TierReviewRecord | null;
  reportingCurrency: string;
}

const STATUS_NAMES: Record<string, string> = {
  onboarding: "Onboarding",
  active: "Active",
  inactive: "Inactive",
};

/** Scorecard, Resources and (while it runs) Onboarding: the same for members and managers. */
function cardButtons(card: PartnerCardView): KnownBlock {
  const id = String(card.partner.id);
  return actions([
    button(ACTIONS.scorecardShow, "Scorecard", id, "primary"),
    button(ACTIONS.resourcesShow, "Resources"),
    button(ACTIONS.onboardingShow, "Onboarding", id),
  ]);
}

/**
 * `/partner show` and Our partnership: who the partner is, its tier and the way to the next one
 * over the trailing 12 months, and (managers) a pending tier review with its buttons.
 */
export function partnerCardMessage(card: PartnerCardView): Message {
  const { partner } = card;
  const onboarding: [string, MdValue][] = card.onboarding
    ? [["Onboarding", `${card.onboarding.done} of ${card.onboarding.total} steps done`]]
    : [];
  const blocks: KnownBlock[] = [
    header(partner.name),
    {
      ...fields([
        ["Tier", tierName(partner.tier)],
        ["Status", STATUS_NAMES[partner.status] ?? partner.status],
        ["Region", partner.region ?? "none"],
        ["Members", String(card.memberCount)],
        ["Channel", partner.homeChannel ? mention(partner.homeChannel, "#") : "none tied"],
        ...onboarding,
      ]),
      block_id: BLOCKS.partnerCard(partner.id),
    },
    section(progressText(card.progress, card.reportingCurrency)),
    context(
      md`Last 12 months: ${figuresText(card.figures, card.progress.next ?? card.progress.current, card.reportingCurrency)}`,
    ),
  ];
  if (card.pendingReview) {
    blocks.push(
      ...tierReviewBlocks({
        review: card.pendingReview,
        partnerName: partner.name,
        reportingCurrency: card.reportingCurrency,
      }),
    );
  }
  blocks.push(cardButtons(card));
  return message(md`${partner.name}: ${tierName(partner.tier)} partner`, blocks);
}
