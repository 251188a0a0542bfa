import { blocksNewRegistrations } from "../../src/domain/deals/conflicts";
import { minorUnitsOf } from "../../src/domain/deals/currency";
import { customerKeys, sameCustomer } from "../../src/domain/deals/customer";
import {
  DEFAULT_PROTECTION_DAYS,
  decide,
  protectionEnd,
  REMINDER_LEAD_DAYS,
  type RegistrationStatus,
} from "../../src/domain/deals/registration";
import { checkStageChange, type Stage } from "../../src/domain/deals/stages";
import { DEMO_PARTNERS } from "./demo-partners";
import { MANAGER } from "./demo-people";
import { generatedStories } from "./generated-stories";
import { Rng } from "./rng";
import { scriptedStories } from "./scripted-stories";
import { DAY_MS, MINUTE_MS, minutesBefore, type Step, type Story } from "./story";

/**
 * The demo's deals as plain data: the scripted and generated stories, played through the app's own
 * rules up to `now`. Nothing here touches the database; deals.ts writes the plan.
 */

export interface PlannedEvent {
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

/** A deal row as the app would have left it, with its history; `n` is its place in time (demo:<n>). */
export interface PlannedDeal {
  n: number;
  key: string;
  partner: string;
  createdBy: string;
  customerName: string;
  customerDomain: string | null;
  customerNameKey: string;
  product: string;
  amountMinor: number;
  currency: string;
  stage: Stage;
  status: RegistrationStatus;
  /** `n` of the registration this one conflicts with. */
  conflictWith: number | null;
  expectedCloseOn: Date;
  region: string | null;
  notes: string | null;
  protectedUntil: Date | null;
  reminderSentAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  closedAt: Date | null;
  lostReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  events: PlannedEvent[];
}

type PlayedDeal = Omit<PlannedDeal, "n" | "conflictWith">;

/** The hourly protection job runs at minute 7: the first run at or after `instant`. */
function nextJobRun(instant: Date): Date {
  const hour = 3_600_000;
  const offset = 7 * MINUTE_MS;
  return new Date(Math.ceil((instant.getTime() - offset) / hour) * hour + offset);
}

function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitsOf(currency));
}

function record(deal: PlayedDeal, at: Date, actor: string, type: string, data: Record<string, unknown> = {}): void {
  deal.events.push({ at, actor, type, data });
  deal.updatedAt = at;
}

/** The deal as the registration left it: pending, or a conflict when another partner holds the customer. */
function registered(story: Story, at: (day: number) => Date): PlayedDeal {
  const t0 = story.registeredAt;
  const keys = customerKeys(story.customer);
  const currency = story.customer.currency;
  const amountMinor = toMinor(story.amount, currency);
  const deal: PlayedDeal = {
    key: story.key,
    partner: story.partner,
    createdBy: story.by,
    customerName: story.customer.name,
    customerDomain: keys.domain,
    customerNameKey: keys.nameKey,
    product: story.product,
    amountMinor,
    currency,
    stage: story.stage,
    status: story.conflictWith ? "conflict" : "pending",
    expectedCloseOn: utcDay(at(story.closeAfter)),
    region: DEMO_PARTNERS.find((entry) => entry.name === story.partner)?.region ?? null,
    notes: story.notes ?? null,
    protectedUntil: null,
    reminderSentAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    closedAt: null,
    lostReason: null,
    createdAt: t0,
    updatedAt: t0,
    events: [],
  };
  record(deal, t0, story.by, "registered", { stage: story.stage, amountMinor, currency });
  // The other deal's id goes into the data when it is stored.
  if (story.conflictWith) record(deal, new Date(t0.getTime() + 1_000), story.by, "conflict_flagged");
  return deal;
}

/** What the hourly protection job did before `before`. At the end, due reminders are left to the app's job. */
function sweepProtection(deal: PlayedDeal, before: Date, final: boolean): void {
  if (deal.status !== "approved" || !deal.protectedUntil || deal.stage === "won" || deal.stage === "lost") return;
  const remindAt = nextJobRun(new Date(deal.protectedUntil.getTime() - REMINDER_LEAD_DAYS * DAY_MS));
  const expireAt = nextJobRun(deal.protectedUntil);
  const expires = expireAt < before;
  if (!deal.reminderSentAt && remindAt < before && (!final || expires)) {
    record(deal, remindAt, "system", "expiry_reminder");
    deal.reminderSentAt = remindAt;
  }
  if (expires) {
    record(deal, expireAt, "system", "expired");
    deal.status = "expired";
  }
}

/** One step, checked by the rules the app applies to the same click. */
function applyStep(deal: PlayedDeal, step: Step, when: Date, by: string): void {
  switch (step.kind) {
    case "approve":
    case "reject":
    case "request_info": {
      const note = step.kind === "approve" ? null : step.note;
      const from = deal.status;
      const to = decide(from, step.kind, note ?? undefined);
      Object.assign(deal, { status: to, decidedBy: MANAGER, decidedAt: when, decisionNote: note });
      if (to === "approved") deal.protectedUntil = protectionEnd(when, DEFAULT_PROTECTION_DAYS);
      record(deal, when, MANAGER, step.kind, { from, to, note });
      return;
    }
    case "stage":
      checkStageChange(deal, step.to, {});
      record(deal, when, by, "stage_changed", { from: deal.stage, to: step.to });
      deal.stage = step.to;
      return;
    case "won": {
      const final = step.amount === undefined ? deal.amountMinor : toMinor(step.amount, deal.currency);
      checkStageChange(deal, "won", { amountMinor: final });
      const corrected = final !== deal.amountMinor ? { amountMinor: { from: deal.amountMinor, to: final } } : {};
      record(deal, when, by, "stage_changed", { from: deal.stage, to: "won", ...corrected });
      Object.assign(deal, { stage: "won", amountMinor: final, closedAt: when });
      return;
    }
    case "lost":
      checkStageChange(deal, "lost", { lostReason: step.reason });
      record(deal, when, by, "stage_changed", { from: deal.stage, to: "lost", reason: step.reason });
      Object.assign(deal, { stage: "lost", lostReason: step.reason, closedAt: when });
      return;
  }
}

/**
 * Replays a story up to `until` through the rules the app applies (decide, checkStageChange, the
 * protection job), so every stored state and event is one the app could have produced. What the
 * story has happen after `until` has not happened yet.
 */
function play(story: Story, until: Date): PlayedDeal {
  const at = (day: number) =>
    new Date(Math.round((story.registeredAt.getTime() + day * DAY_MS) / MINUTE_MS) * MINUTE_MS);
  const deal = registered(story, at);
  for (const step of [...story.steps].sort((a, b) => a.day - b.day)) {
    const when = at(step.day);
    if (when >= until) break;
    sweepProtection(deal, when, false);
    // An expired registration is closed: neither a decision nor a stage change applies any more.
    if (deal.status === "expired") break;
    applyStep(deal, step, when, story.by);
  }
  sweepProtection(deal, until, true);
  return deal;
}

/**
 * Every demo deal as of `now`, oldest first, numbered from 1. Throws when two stories contradict
 * the app's conflict rules: a registration of a customer another partner still holds must be a
 * conflict with that deal, and a partner never registers its own customer twice.
 */
export function demoDealPlan(now: Date): PlannedDeal[] {
  const scripted: Story[] = scriptedStories().map(({ daysAgo, ...story }, index) => ({
    ...story,
    // Scripted deals are registered in working hours, a little apart.
    registeredAt: minutesBefore(now, daysAgo * DAY_MS + (37 + index * 23) * MINUTE_MS),
  }));
  const taken = new Set(scripted.map((story) => customerKeys(story.customer).nameKey));
  const stories = [...scripted, ...generatedStories(new Rng(20261127), now, taken)].sort(
    (a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.key.localeCompare(b.key),
  );
  const numbers = new Map(stories.map((story, index) => [story.key, index + 1]));
  return stories.map((story, index) => {
    checkCustomerHistory(story, stories.slice(0, index));
    const conflictWith = story.conflictWith ? (numbers.get(story.conflictWith) ?? null) : null;
    return { n: index + 1, conflictWith, ...play(story, now) };
  });
}

function checkCustomerHistory(story: Story, earlier: Story[]): void {
  const keys = customerKeys(story.customer);
  const blocking = earlier.filter((other) => {
    if (!sameCustomer(keys, customerKeys(other.customer))) return false;
    const then = play(other, story.registeredAt);
    return blocksNewRegistrations(
      {
        id: 0,
        partnerId: 0,
        customer: keys,
        status: then.status,
        stage: then.stage,
        protectedUntil: then.protectedUntil,
      },
      story.registeredAt,
    );
  });
  const expected = blocking.map((other) => other.key);
  const same = blocking.filter((other) => other.partner === story.partner);
  if (same.length > 0 || expected.join() !== (story.conflictWith ?? "")) {
    throw new Error(
      `demo deal ${story.key}: blocked by [${expected.join(", ")}], expected [${story.conflictWith ?? ""}]`,
    );
  }
}
