import { describe, expect, it } from "vitest";
import type { DealEventRecord, DealRecord, PartnerSummary } from "../../src/services/records";
import { dealHistoryMessage } from "../../src/slack/views/deal-list-view";
import {
  approvalMessage,
  dealCardMessage,
  decisionNotice,
  extensionRequestMessage,
  stageNotice,
} from "../../src/slack/views/deal-message-view";
import { linesToSections } from "../../src/slack/views/message";
import { partnerListMessage } from "../../src/slack/views/partner-views";
import { withDateFallbacks } from "../../src/slack/views/slack-date";
import { expectWithinSlackLimits } from "../support/block-limits";

const longest: DealRecord = {
  id: 999_999,
  workspaceId: 1,
  teamId: "T1",
  timezone: "Asia/Tokyo",
  partnerId: 1,
  partnerName: "P".repeat(80),
  createdBy: "U1",
  customerName: "<&>".repeat(40),
  customer: { domain: `${"d".repeat(60)}.example`, nameKey: "x" },
  product: "&".repeat(120),
  amountMinor: 999_999_999_999_999,
  currency: "KWD",
  stage: "negotiation",
  status: "approved",
  conflictDealId: null,
  expectedCloseOn: new Date("2030-01-01T00:00:00Z"),
  region: "R".repeat(40),
  notes: "<".repeat(2000),
  protectedUntil: new Date("2027-02-28T20:00:00Z"),
  reminderSentAt: null,
  extensionRequestedAt: null,
  decidedBy: "U2",
  decidedAt: new Date("2026-11-30T20:00:00Z"),
  decisionNote: "n".repeat(500),
  closedAt: null,
  lostReason: null,
  channelId: "C1",
  createdAt: new Date(),
  updatedAt: new Date(),
};

describe("views at their largest stay within Slack's limits", () => {
  it("a deal with every field at its maximum, escaped", () => {
    expectWithinSlackLimits(dealCardMessage(longest));
    expectWithinSlackLimits(
      approvalMessage({ ...longest, status: "pending" }, { rivals: [longest], exchanges: [], now: new Date(0) }),
    );
  });

  it("a rejection DM for a customer named with 120 & and a reason of 500 &, five times longer escaped", () => {
    const rejected = {
      ...longest,
      customerName: "&".repeat(120),
      status: "rejected" as const,
      decisionNote: "&".repeat(500),
    };
    const dm = decisionNotice(rejected, "reject", "U2");
    expectWithinSlackLimits(dm);
    expect(dm.text).toContain(`#999999 · ${"&amp;".repeat(120)}`);
    expect(JSON.stringify(dm.blocks)).toMatch(/(&amp;)+…/);
    const lost = { ...rejected, stage: "lost" as const, lostReason: "&".repeat(500) };
    for (const message of [stageNotice(lost, "U2"), extensionRequestMessage(rejected, "U2"), dealCardMessage(lost)]) {
      expectWithinSlackLimits(message);
    }
  });

  it("shows instants as the workspace's local day", () => {
    // 2027-02-28 20:00 UTC is already March 1st in Tokyo.
    expect(withDateFallbacks(JSON.stringify(dealCardMessage(longest).blocks))).toContain("protected until 2027-03-01");
  });

  it("a partner list of 2000 partners", () => {
    const partners: PartnerSummary[] = Array.from({ length: 2000 }, (_, i) => ({
      id: i,
      workspaceId: 1,
      name: `Partner ${"x".repeat(70)} ${i}`,
      nameKey: `p${i}`,
      region: "EMEA",
      tier: "gold",
      status: "active",
      connectTeamId: null,
      homeChannel: null,
      onboardedAt: null,
      tierHeldUntil: null,
      memberCount: i,
    }));
    const message = partnerListMessage(partners);
    expectWithinSlackLimits(message);
    expect(JSON.stringify(message.blocks)).toContain("the list is too long for one message");
  });

  it("a history of 400 events, cut between lines, never inside one", () => {
    const events: DealEventRecord[] = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      dealId: 1,
      actor: "U1",
      type: "reject",
      data: { note: "&".repeat(100) },
      createdAt: new Date(),
    }));
    const message = dealHistoryMessage(longest, events);
    expectWithinSlackLimits(message);
    for (const block of linesToSections(["a".repeat(2999), "b"])) expectWithinSlackLimits({ blocks: [block] });
  });
});
