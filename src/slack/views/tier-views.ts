import type { KnownBlock } from "@slack/types";
import { formatAmountNumber, minorUnitsOf } from "../../domain/deals/currency";
import type { Tier } from "../../domain/partners/partner-rules";
import type { TierFigures, TierProgress, TierProgressPart } from "../../domain/program/program-types";
import type { TierReviewRecord } from "../../services/program/program-store";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, header, joinMd, type Mrkdwn, md, mention, section, trusted } from "./block-kit";
import { type Message, message } from "./message";
import { slackDate } from "./slack-date";

/** "Gold": tiers are stored lower-case, people read them as names. */
export function tierName(tier: string): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1);
}

/**
 * "42,000" or "42,000.50": an amount in the reporting currency without its code, the decimals only
 * when there are some. `floor` rounds down to whole units, so what a partner has never reads as
 * reached before it is.
 */
export function amountText(minor: number, currency: string, floor = false): string {
  const scale = 10 ** minorUnitsOf(currency);
  const shown = floor ? Math.floor(minor / scale) * scale : minor;
  const full = formatAmountNumber(shown, currency);
  return full.replace(/\.0+$/, "");
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One part of the way to the next tier: "EUR 42,000 of 60,000 won ✓". */
function progressPart(part: TierProgressPart, currency: string): string {
  const tick = part.met ? " ✓" : "";
  switch (part.criterion) {
    case "revenue":
      return `${currency} ${amountText(part.have, currency, true)} of ${amountText(part.need, currency)} won${tick}`;
    case "won":
      return `${part.have} of ${part.need} deals won${tick}`;
    case "trained":
      return `${part.have} of ${part.need} people trained${tick}`;
    case "winrate":
      return `win rate ${percent(part.have)} of ${percent(part.need)}${tick}`;
  }
}

/** "Next: *Gold* · EUR 42,000 of 60,000 won · 2 of 5 deals won ✓ …", or "Top tier" at the top. */
export function progressText(progress: TierProgress, currency: string): Mrkdwn {
  if (progress.next === null) return md`:crown: Top tier: *${tierName(progress.current)}*`;
  if (progress.parts.length === 0) return md`Next: *${tierName(progress.next)}* asks for nothing more.`;
  const parts = progress.parts.map((part) => progressPart(part, currency));
  return md`Next: *${tierName(progress.next)}* · ${parts.join(" · ")}`;
}

/** The trailing-12-month figures a review was opened on, for the tier it is about. */
export function figuresText(figures: TierFigures, tier: Tier, currency: string | undefined): Mrkdwn {
  const money = currency
    ? `${currency} ${amountText(figures.wonRevenueMinor, currency, true)}`
    : String(figures.wonRevenueMinor);
  const winRate =
    figures.winRate === null ? "win rate n/a (too few closed deals)" : `win rate ${percent(figures.winRate)}`;
  const trained = figures.peopleTrained[tier] ?? 0;
  const unpriced = figures.unpriced > 0 ? ` · ${plural(figures.unpriced, "won deal", "won deals")} not priced` : "";
  return md`${money} won · ${plural(figures.dealsWon, "deal", "deals")} won · ${winRate} · ${plural(
    trained,
    "person",
    "people",
  )} trained${unpriced}`;
}

/** What the outbox renderer and the review list know about a review. */
export interface TierReviewView {
  review: TierReviewRecord;
  partnerName: string;
  /** The workspace's reporting currency, when the service says it (figures read in it). */
  reportingCurrency?: string;
  /** The program's zone: date fallbacks read in it. */
  timezone?: string;
}

const DEFAULT_ZONE = "UTC";

/**
 * Slack wants the action ids of one block to differ: the two buttons share the prefix the
 * listener matches, and carry the decision in their value as well.
 */
export function tierDecisionActionId(decision: "demote" | "keep"): string {
  return `${ACTIONS.tierReviewDecide}:${decision}`;
}

/** Demote and Keep: each opens a note modal; Demote is refused before the grace period ends. */
export function tierDecisionButtons(review: TierReviewRecord): KnownBlock {
  return actions(
    [
      button(tierDecisionActionId("demote"), `Demote to ${tierName(review.toTier)}`, `${review.id}:demote`, "danger"),
      button(tierDecisionActionId("keep"), `Keep ${tierName(review.fromTier)}`, `${review.id}:keep`),
    ],
    BLOCKS.tierReview(review.id),
  );
}

function outcomeText(review: TierReviewRecord, partnerName: string): Mrkdwn {
  const by = review.decidedBy ? md` by ${mention(review.decidedBy)}` : md``;
  switch (review.status) {
    case "demoted":
      return md`:arrow_down: *${partnerName}* moved down from *${tierName(review.fromTier)}* to *${tierName(review.toTier)}*${by}.`;
    case "kept":
      return md`:white_check_mark: *${partnerName}* keeps *${tierName(review.fromTier)}*${by}: no new review for a while.`;
    case "recovered":
      return md`:tada: *${partnerName}* qualifies for *${tierName(review.fromTier)}* again: the review closed by itself.`;
    case "pending":
      return md``;
  }
}

/** The approvals channel's card of one review: pending with buttons, or how it ended. */
export function tierReviewBlocks(view: TierReviewView): KnownBlock[] {
  const { review, partnerName } = view;
  const zone = view.timezone ?? DEFAULT_ZONE;
  const figures = context(md`Last 12 months: ${figuresText(review.figures, review.fromTier, view.reportingCurrency)}`);
  if (review.status !== "pending") {
    const note = review.note ? [context(md`Note: ${review.note}`)] : [];
    return [section(outcomeText(review, partnerName)), figures, ...note];
  }
  return [
    section(
      md`:warning: *${partnerName}* no longer meets *${tierName(review.fromTier)}* and qualifies for *${tierName(
        review.toTier,
      )}*. Nothing changes on its own: keep the tier now, or demote once the grace period ends on ${slackDate(
        review.graceEndsAt,
        "date",
        zone,
      )} (it may recover before).`,
    ),
    figures,
    tierDecisionButtons(review),
  ];
}

/** The review card the outbox posts to the approvals channel (never the partner's own channel). */
export function tierReviewMessage(view: TierReviewView): Message {
  const { review, partnerName } = view;
  const fallback =
    review.status === "pending"
      ? md`Tier review: ${partnerName} no longer meets ${tierName(review.fromTier)}`
      : md`Tier review of ${partnerName}: ${review.status}`;
  return message(fallback, [header(`Tier review: ${partnerName}`), ...tierReviewBlocks(view)]);
}

/** Each review takes three blocks; a message holds 50. */
const MAX_REVIEWS = 15;

/** `/partner tiers`: the pending tier reviews, each with its buttons. */
export function tierReviewsMessage(rows: readonly TierReviewView[], currency: string, timezone: string): Message {
  const blocks: KnownBlock[] = [header("Tier reviews")];
  if (rows.length === 0) {
    blocks.push(
      section(
        trusted(
          "No tier review is waiting. Promotions happen by themselves; a partner that falls below its tier shows up here for a decision.",
        ),
      ),
    );
    return message(trusted("Tier reviews: none waiting"), blocks);
  }
  for (const row of rows.slice(0, MAX_REVIEWS)) {
    blocks.push(...tierReviewBlocks({ ...row, reportingCurrency: currency, timezone }));
  }
  if (rows.length > MAX_REVIEWS) blocks.push(context(md`…and ${rows.length - MAX_REVIEWS} more.`));
  return message(md`Tier reviews: ${rows.length} waiting`, blocks);
}

/** The short line the Home and lists use: "Acme Resellers: Gold → Silver? grace ends …". */
export function reviewLine(view: TierReviewView, timezone: string): Mrkdwn {
  return joinMd(
    [
      md`*${view.partnerName}*: ${tierName(view.review.fromTier)} → ${tierName(view.review.toTier)}?`,
      md`grace ends ${slackDate(view.review.graceEndsAt, "date", timezone)}`,
    ],
    " · ",
  );
}
