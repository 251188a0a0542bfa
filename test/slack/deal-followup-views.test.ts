import { describe, expect, it } from "vitest";
import type { DealRecord } from "../../src/services/records";
import { answerModal } from "../../src/slack/views/answer-modal";
import { conflictResolutionModal } from "../../src/slack/views/conflict-resolution-modal";
import { describeChanges } from "../../src/slack/views/deal-change-text";
import { dealEditModal } from "../../src/slack/views/deal-edit-modal";
import { approvalMessage, dealCardMessage, decisionNotice } from "../../src/slack/views/deal-message-view";
import {
  answeredNotice,
  approvalReminderMessage,
  conflictLostNotice,
  editedNotice,
  resubmittedNotice,
} from "../../src/slack/views/deal-notice-view";
import { statusLine } from "../../src/slack/views/deal-text";
import { homeView } from "../../src/slack/views/home-view";
import { resubmitModal } from "../../src/slack/views/resubmit-modal";
import { withDateFallbacks } from "../../src/slack/views/slack-date";
import { expectWithinSlackLimits } from "../support/block-limits";
import { visibleText } from "../support/harness";

const NOW = new Date("2026-11-27T10:00:00Z");

function deal(overrides: Partial<DealRecord> = {}): DealRecord {
  return {
    id: 88,
    workspaceId: 1,
    teamId: "T1",
    timezone: "UTC",
    partnerId: 2,
    partnerName: "Globex",
    createdBy: "U0PARTNERB",
    customerName: "Tanabe Robotics",
    customer: { domain: "tanabe.example", nameKey: "tanabe robotics" },
    product: "Seats",
    amountMinor: 700_000,
    currency: "EUR",
    stage: "qualified",
    status: "conflict",
    conflictDealId: 70,
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
    channelId: "C0PARTNERB",
    createdAt: new Date("2026-11-20T10:00:00Z"),
    updatedAt: new Date("2026-11-20T10:00:00Z"),
    ...overrides,
  };
}

const rival = deal({
  id: 70,
  partnerId: 1,
  partnerName: "Sakura",
  status: "approved",
  conflictDealId: null,
  protectedUntil: new Date("2027-02-01T10:00:00Z"),
  createdAt: new Date("2026-11-01T10:00:00Z"),
  amountMinor: 500_000,
});

/** The longest texts people can type, escaped five times longer. */
const longest = deal({
  id: 999_999,
  customerName: "&".repeat(120),
  partnerName: "&".repeat(80),
  product: "&".repeat(120),
  notes: "&".repeat(2000),
  decisionNote: "&".repeat(500),
});
const read = (surface: { blocks?: unknown }) => visibleText(surface.blocks);

describe("deal follow-up views", () => {
  it("won and lost deals never say protected until; lost shows an emoji the sandbox has", () => {
    const protectedUntil = new Date("2027-02-01T10:00:00Z");
    expect(withDateFallbacks(statusLine(deal({ status: "approved", protectedUntil })).text)).toContain(
      "protected until 2027-02-01",
    );
    for (const stage of ["won", "lost"] as const) {
      expect(statusLine(deal({ status: "approved", protectedUntil, stage })).text).not.toContain("protected");
      expect(read(dealCardMessage(deal({ status: "approved", protectedUntil, stage })))).not.toContain("protected");
    }
    const lost = dealCardMessage(deal({ stage: "lost", lostReason: "price" }));
    expect(read(lost)).toContain(":x: Lost: price");
    expect(JSON.stringify(lost)).not.toContain("heavy_multiplication_x");
    // Edit stays on a closed deal (a stage can be moved back); a rejected one offers a correction.
    expect(JSON.stringify(lost.blocks)).toContain("deal_edit_open");
    expect(JSON.stringify(dealCardMessage(deal({ status: "rejected" })).blocks)).toContain("deal_resubmit_open");
  });

  it("the approval card of a conflict names the rival and offers Resolve conflict, not a bare Approve", () => {
    const card = approvalMessage(deal(), { rivals: [rival], exchanges: [], now: NOW });
    const text = read(card);
    expect(text).toContain("#70 by *Sakura*");
    expect(text).toContain("EUR 5,000.00");
    expect(JSON.stringify(card.blocks)).toContain("deal_conflict_open");
    expect(JSON.stringify(card.blocks)).not.toContain('"deal_approve"');
    // Once the rival no longer holds the customer, the note stays but Approve is back.
    const gone = approvalMessage(deal({ status: "pending" }), {
      rivals: [{ ...rival, status: "rejected" }],
      exchanges: [],
      now: NOW,
    });
    expect(read(gone)).toContain("#70 by *Sakura*");
    expect(JSON.stringify(gone.blocks)).toContain('"deal_approve"');
  });

  it("the approval card shows questions and answers, and the conflict note with them", () => {
    const card = approvalMessage(deal({ status: "info_requested", decisionNote: "Who signs?" }), {
      rivals: [rival],
      exchanges: [
        { question: "Who signs?", askedBy: "U0MANAGER", askedAt: NOW, answer: "The CFO", answeredBy: "U0PARTNERB" },
        { question: "Budget?", askedBy: "U0MANAGER", askedAt: NOW, answer: null, answeredBy: null },
      ],
      now: NOW,
    });
    const text = read(card);
    expect(text).toContain("Who signs?");
    expect(text).toContain("The CFO");
    expect(text).toContain("Waiting for the partner's answer");
    expect(text).toContain("Conflict:");
  });

  it("notices with buttons: Answer on a question, Correct and resubmit on a rejection", () => {
    const question = decisionNotice(deal({ status: "info_requested", decisionNote: "Who?" }), "request_info", "U0M");
    expect(JSON.stringify(question.blocks)).toContain("deal_answer_open");
    const rejection = decisionNotice(deal({ status: "rejected", decisionNote: "No" }), "reject", "U0M");
    expect(JSON.stringify(rejection.blocks)).toContain("deal_resubmit_open");
    const lost = conflictLostNotice(deal({ status: "rejected", decisionNote: "Sakura came first" }), 70, "U0M");
    expect(lost.text).toContain("(#70) was approved");
    expect(lost.text).toContain("Sakura came first");
    expect(answeredNotice(deal(), "U0P", "The CFO").text).toContain("The CFO");
  });

  it("describes changes as people read them", () => {
    const changes = [
      { field: "amount" as const, from: 700_000, to: 825_000 },
      { field: "stage" as const, from: "proposal", to: "negotiation" },
      { field: "expectedCloseOn" as const, from: "2026-12-01", to: "2027-01-15" },
    ];
    expect(describeChanges(changes, { currency: "EUR" })).toBe(
      "amount 7,000.00 → 8,250.00 EUR; stage Proposal → Negotiation; expected close 2026-12-01 → 2027-01-15",
    );
    expect(
      describeChanges(
        [
          { field: "amount", from: 700_000, to: 7000 },
          { field: "currency", from: "EUR", to: "JPY" },
        ],
        { currency: "JPY" },
      ),
    ).toBe("amount 7,000.00 EUR → 7,000 JPY");
    expect(editedNotice(deal(), "U0P", changes).text).toContain("amount 7,000.00 → 8,250.00 EUR");
    expect(resubmittedNotice(deal(), "U0P", []).text).toContain("without changes");
  });

  it("the conflict modal puts both registrations side by side, first one first, with a required reason", () => {
    const modal = conflictResolutionModal(deal(), [rival], { dealId: 88, rivalIds: [70] });
    expectWithinSlackLimits(modal);
    const text = read(modal);
    expect(text.indexOf("#70 · Sakura")).toBeLessThan(text.indexOf("#88 · Globex"));
    expect(text).toContain("came first");
    expect(text).toContain("2027-02-01");
    expect(text).toContain("Approve #88, reject #70");
    expect(text).toContain("Keep #70, reject #88");
    expect(JSON.parse(modal.private_metadata ?? "{}")).toEqual({ dealId: 88, rivalIds: [70] });
    const reason = modal.blocks.find((block) => block.block_id === "conflict_reason");
    expect(reason).toMatchObject({ type: "input", optional: false });
  });

  it("the edit modal is prefilled and offers Lost only on a lost deal", () => {
    const modal = dealEditModal(deal({ expectedCloseOn: new Date("2027-01-15T00:00:00Z"), notes: "n" }), {
      dealId: 88,
    });
    expectWithinSlackLimits(modal);
    const json = JSON.stringify(modal);
    expect(json).toContain('"initial_value":"7,000.00"');
    expect(json).toContain('"initial_date":"2027-01-15"');
    expect(json).not.toContain('"value":"lost"');
    expect(json).not.toContain("dispatch_action");
    expect(JSON.stringify(dealEditModal(deal({ stage: "lost" }), { dealId: 88 }))).toContain('"value":"lost"');
  });

  it("the resubmit modal is the registration form under its own callback, checked as the person types", () => {
    const form = {
      partners: [{ id: 2, name: "Globex" }],
      canChoosePartner: false,
      defaultPartnerId: 2,
      defaultCurrency: "EUR",
      defaultRegion: null,
    } as unknown as Parameters<typeof resubmitModal>[0];
    const modal = resubmitModal(form, { customerName: "Tanabe", amount: "7000" }, 88, "Wrong amount");
    expectWithinSlackLimits(modal);
    expect(modal.callback_id).toBe("deal_resubmit");
    expect(JSON.parse(modal.private_metadata ?? "{}")).toEqual({ dealId: 88, rejection: "Wrong amount" });
    expect(read(modal)).toContain("Wrong amount");
    expect(JSON.stringify(modal)).toContain('"dispatch_action":true');
    expect(JSON.stringify(modal)).toContain('"initial_value":"Tanabe"');
  });

  it("the answer modal shows the question", () => {
    const modal = answerModal(deal({ status: "info_requested", decisionNote: "Who signs the PO?" }), { dealId: 88 });
    expectWithinSlackLimits(modal);
    expect(read(modal)).toContain("Who signs the PO?");
  });

  it("the Home flags protection ending within 14 days, lists rejections and answers, within 100 blocks", () => {
    const ending = deal({ id: 1, status: "approved", protectedUntil: new Date("2026-12-05T10:00:00Z") });
    const later = deal({ id: 2, status: "approved", protectedUntil: new Date("2026-12-20T10:00:00Z") });
    const asked = deal({ id: 3, status: "info_requested", decisionNote: "Who?" });
    const rejected = deal({ id: 4, status: "rejected", decisionNote: "Duplicate" });
    const home = homeView({
      mine: [ending, later, asked, ...Array.from({ length: 17 }, (_, i) => deal({ id: 100 + i, status: "pending" }))],
      mineTotal: 40,
      rejected: [rejected, ...Array.from({ length: 9 }, (_, i) => deal({ id: 200 + i, status: "rejected" }))],
      awaitingDecision: Array.from({ length: 15 }, (_, i) => deal({ ...longest, id: 300 + i, status: "conflict" })),
      awaitingTotal: 40,
      rivals: new Map([[300, [rival]]]),
      isManager: true,
      hasPartner: true,
      today: "2026-11-27",
    });
    expectWithinSlackLimits(home);
    const rows = home.blocks.map((block) => visibleText(block));
    expect(rows.find((row) => row.includes("#1 ·"))).toContain(":hourglass: protection ends 2026-12-05");
    expect(rows.find((row) => row.includes("#2 ·"))).not.toContain("protection ends");
    expect(JSON.stringify(home.blocks.find((block) => block.block_id === "home_deal_3"))).toContain("deal_answer_open");
    expect(read(home)).toContain("Rejected in the last 30 days");
    expect(JSON.stringify(home.blocks.find((block) => block.block_id === "home_rejected_4"))).toContain(
      "deal_resubmit_open",
    );
    expect(read(home)).toContain("#70 by *Sakura*");
    expect(JSON.stringify(home.blocks)).toContain("deal_conflict_open");
  });

  it("every surface at its largest stays within Slack's limits", () => {
    const exchanges = Array.from({ length: 9 }, () => ({
      question: "&".repeat(500),
      askedBy: "U1",
      askedAt: NOW,
      answer: "&".repeat(1000),
      answeredBy: "U2",
    }));
    const rivals = Array.from({ length: 12 }, (_, i) => ({ ...longest, id: i + 1 }));
    expectWithinSlackLimits(approvalMessage(longest, { rivals, exchanges, now: NOW }));
    expectWithinSlackLimits(conflictResolutionModal(longest, rivals, { dealId: 1, rivalIds: rivals.map((r) => r.id) }));
    expectWithinSlackLimits(answeredNotice(longest, "U1", "&".repeat(1000)));
    expectWithinSlackLimits(conflictLostNotice(longest, 1, "U1"));
    expectWithinSlackLimits(
      approvalReminderMessage(Array.from({ length: 500 }, (_, i) => ({ deal: { ...longest, id: i }, workingDays: 9 }))),
    );
    const reminder = approvalReminderMessage([{ deal: deal(), workingDays: 3 }]);
    expect(reminder.text).toContain("#88 · Tanabe Robotics* · Globex · waiting 3 working days");
    expect(reminder.text).not.toContain("<http");
  });
});
