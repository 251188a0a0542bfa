import { resolvePeriod } from "../../src/domain/leaderboard/periods";
import type { DigestAudience, DigestContent, DigestList } from "../../src/services/digest/digest-content";
import type { GoalLine } from "../../src/services/goals";
import type { LeaderboardLine, LeaderboardResult } from "../../src/services/leaderboard";
import type { PracticeRecord } from "../../src/services/practices/practice-store";
import type { ShoutoutRecord } from "../../src/services/recognition/recognition-store";
import type { DealRecord } from "../../src/services/records";

/** Digest content for view tests: one builder per item, and whole weeks (ordinary and at their largest). */
export const START = new Date("2026-11-23T00:00:00Z");
export const END = new Date("2026-11-30T00:00:00Z");
/** Escapes to five characters each: the longest any user text can become. */
export const AMP = (n: number) => "&".repeat(n);

export function deal(id: number, overrides: Partial<DealRecord> = {}): DealRecord {
  return {
    id,
    workspaceId: 1,
    teamId: "T1",
    timezone: "UTC",
    partnerId: 1,
    partnerName: "Acme Resellers",
    createdBy: "U0PARTNERA",
    customerName: `Customer ${id}`,
    customer: { domain: null, nameKey: `customer ${id}` },
    product: "Seats",
    amountMinor: 500_000,
    currency: "USD",
    stage: "proposal",
    status: "pending",
    conflictDealId: null,
    expectedCloseOn: null,
    region: null,
    notes: null,
    protectedUntil: null,
    reminderSentAt: null,
    extensionRequestedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    closedAt: null,
    lostReason: null,
    channelId: "C1",
    createdAt: START,
    updatedAt: START,
    ...overrides,
  };
}

export function goal(id: number, overrides: Partial<GoalLine> = {}): GoalLine {
  return {
    goal: {
      id,
      workspaceId: 1,
      partnerId: 1,
      tier: null,
      metric: "revenue",
      period: "quarter",
      periodStart: "2026-10-01",
      target: 5_000_000,
      currency: "USD",
      createdBy: "U0ADMIN",
      createdAt: START,
      updatedAt: START,
    },
    ownerLabel: "Acme Resellers",
    partnerName: null,
    periodLabel: "Q4 2026",
    actual: 1_500_000,
    progress: { percent: 30, expectedByNow: 0, neededPerDay: 100_000, daysLeft: 12, status: "at_risk" },
    unpriced: 0,
    display: { actual: "USD 15,000.00", target: "USD 50,000.00" },
    ...overrides,
  };
}

export function practice(id: number, overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return {
    id,
    workspaceId: 1,
    teamId: "T1",
    authorId: "U0PARTNERA",
    creditedUserId: null,
    title: `Practice ${id}`,
    body: "What worked",
    tags: [],
    region: null,
    link: "https://evil.example/practice",
    sourcePermalink: "https://slack.example/archives/C1/p1",
    channelId: "C1",
    helpfulCount: 4,
    deletedAt: null,
    createdAt: START,
    updatedAt: START,
    ...overrides,
  };
}

export function shoutout(id: number, overrides: Partial<ShoutoutRecord> = {}): ShoutoutRecord {
  return {
    id,
    workspaceId: 1,
    teamId: "T1",
    fromUserId: "U0ADMIN",
    message: `Thanks ${id}`,
    value: null,
    award: null,
    announce: true,
    channelId: "C1",
    recipients: [{ userId: "U0PARTNERA", partnerId: null, partnerName: null }],
    plusOneCount: 0,
    createdAt: START,
    ...overrides,
  };
}

export function row(rank: number, name: string, extra: Partial<LeaderboardLine> = {}): LeaderboardLine {
  return {
    key: `partner:${name}`,
    name,
    partnerId: rank,
    userId: null,
    value: 1_000_000 - rank * 1000,
    count: 2,
    won: 2,
    unpriced: 0,
    unpricedCurrencies: [],
    rank,
    movement: { kind: "up", by: 1 },
    showAmount: true,
    mine: false,
    ...extra,
  };
}

export function board(top: LeaderboardLine[], extra: Partial<LeaderboardResult> = {}): LeaderboardResult {
  return {
    period: resolvePeriod({ kind: "last-week" }, END, "UTC", 1),
    metric: "revenue",
    scope: "partners",
    region: null,
    tier: null,
    chart: true,
    reportingCurrency: "USD",
    top,
    caller: null,
    total: null,
    unpriced: 0,
    unpricedCurrencies: [],
    hiddenAmounts: false,
    goalLines: [],
    argsText: "last-week revenue partners",
    ...extra,
  };
}

export const list = <T>(items: T[], more = 0): DigestList<T> => ({ items, more });
export const five = <T>(make: (i: number) => T): T[] => [1, 2, 3, 4, 5].map(make);

export function content(
  overrides: Partial<DigestContent> = {},
  audience: DigestAudience = { kind: "program" },
): DigestContent {
  return {
    workspaceId: 1,
    audience,
    start: START,
    end: END,
    periodLabel: "Nov 23 – Nov 29, 2026",
    timeZone: "UTC",
    reportingCurrency: "USD",
    quiet: false,
    registrations: list([]),
    conflicts: list([]),
    won: list([]),
    leaderboard: null,
    goals: list([]),
    atRisk: list([]),
    practices: list([]),
    shoutouts: list([]),
    queue: null,
    ...overrides,
  };
}

/** Every list full, every user text at its longest and made of characters that escape fivefold. */
export function fullWeek(audience: DigestAudience = { kind: "program" }): DigestContent {
  const longDeal = (i: number) =>
    deal(i, { customerName: AMP(120), partnerName: AMP(120), product: AMP(120), amountMinor: 999_999_999_999_999 });
  return content(
    {
      registrations: list(five(longDeal), 1234),
      conflicts: list(
        five((i) => longDeal(i + 10)),
        7,
      ),
      won: list(
        five((i) => longDeal(i + 20)),
        99,
      ),
      leaderboard: board(
        five((i) => row(i, AMP(200))),
        { caller: row(42, AMP(200), { mine: true }) },
      ),
      goals: list(
        five((i) => goal(i, { ownerLabel: AMP(200), partnerName: AMP(200), periodLabel: AMP(40) })),
        40,
      ),
      atRisk: list(
        five((i) => goal(i, { partnerName: AMP(200) })),
        12,
      ),
      practices: list(
        five((i) => practice(i, { title: AMP(150) })),
        3,
      ),
      shoutouts: list(
        five((i) =>
          shoutout(i, {
            message: AMP(500),
            award: AMP(60),
            recipients: Array.from({ length: 12 }, (_, n) => ({
              userId: null,
              partnerId: n,
              partnerName: AMP(200),
            })),
          }),
        ),
        8,
      ),
    },
    audience,
  );
}
