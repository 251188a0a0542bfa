import { describe, expect, it } from "vitest";
import { emptyContext } from "../../src/sandbox/page/render-context";
import { renderMrkdwn, renderPlainText } from "../../src/sandbox/page/render-mrkdwn";
import type { DealEventRecord, DealRecord, PartnerRecord, WorkspaceRecord } from "../../src/services/records";
import { md } from "../../src/slack/views/block-kit";
import { dealHistoryMessage, dealListMessage } from "../../src/slack/views/deal-list-view";
import {
  approvalMessage,
  dealCardMessage,
  decisionNotice,
  expiredNotice,
  extensionDecidedNotice,
  extensionRequestMessage,
  reminderNotice,
  stageNotice,
} from "../../src/slack/views/deal-message-view";
import {
  duplicateModal,
  reasonModal,
  registerDealModal,
  registeredModal,
  wonModal,
} from "../../src/slack/views/deal-modal-view";
import { refusalMessage } from "../../src/slack/views/error-views";
import { commandHelpMessage } from "../../src/slack/views/help-view";
import { homeView } from "../../src/slack/views/home-view";
import {
  partnerAddedMessage,
  partnerAssignedMessage,
  partnerListMessage,
  partnerMembersMessage,
} from "../../src/slack/views/partner-views";
import { settingsMessage } from "../../src/slack/views/settings-view";
import { expectWithinSlackLimits } from "../support/block-limits";

/** What people typed, each trying a different trick on the mrkdwn parser, and a word unique to it. */
const TYPED = {
  customer: "*bold* _it_ <!channel>",
  partner: "_Partner_ <!here> & Co",
  product: "<@U123> & *sale*",
  notes: "Ping <@U123> & ~strike~ `code`\n> quoted",
  region: "<#C999> ~EMEA~",
  domain: "acme_corp.com",
  reason: "*lost* to <!everyone>",
};
const MARKER: Record<keyof typeof TYPED, string> = {
  customer: "bold",
  partner: "_Partner_",
  product: "sale",
  notes: "Ping",
  region: "~EMEA~",
  domain: "acme_corp",
  reason: "everyone",
};

const partner: PartnerRecord = {
  id: 7,
  workspaceId: 1,
  name: TYPED.partner,
  nameKey: "partner",
  region: TYPED.region,
  tier: "gold",
  status: "active",
  connectTeamId: null,
  homeChannel: null,
  onboardedAt: null,
  tierHeldUntil: null,
};

function deal(overrides: Partial<DealRecord> = {}): DealRecord {
  return {
    id: 12,
    workspaceId: 1,
    teamId: "T1",
    timezone: "UTC",
    partnerId: partner.id,
    partnerName: TYPED.partner,
    createdBy: "U0PAT",
    customerName: TYPED.customer,
    customer: { domain: TYPED.domain, nameKey: "bold it channel" },
    product: TYPED.product,
    amountMinor: 1_250_000,
    currency: "EUR",
    stage: "proposal",
    status: "pending",
    conflictDealId: null,
    expectedCloseOn: new Date("2030-01-01T00:00:00Z"),
    region: TYPED.region,
    notes: TYPED.notes,
    protectedUntil: new Date("2027-02-28T00:00:00Z"),
    reminderSentAt: new Date("2027-02-01T00:00:00Z"),
    extensionRequestedAt: null,
    decidedBy: "U0MAX",
    decidedAt: new Date("2026-11-30T20:00:00Z"),
    decisionNote: TYPED.reason,
    closedAt: null,
    lostReason: TYPED.reason,
    channelId: "C1",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    updatedAt: new Date("2026-11-01T00:00:00Z"),
    ...overrides,
  };
}

const workspace: WorkspaceRecord = {
  id: 1,
  teamId: "T1",
  timezone: "America/Los_Angeles",
  reportingCurrency: "EUR",
  weekStartsOn: 1,
  protectionDays: 90,
  approvalsChannel: "C0APPROVALS",
  firstAdminUserId: "U0MAX",
  shoutoutAllowance: 5,
  companyValues: ["Win together"],
  celebrateFirstWin: true,
  celebrateRecordMonth: true,
  celebrationsChannel: null,
  approvalReminderDays: 2,
  leaderboardAmounts: "own",
  programRules: null,
};

const events: DealEventRecord[] = [
  { id: 1, dealId: 12, actor: "U0PAT", type: "registered", data: {}, createdAt: new Date() },
  { id: 2, dealId: 12, actor: "U0MAX", type: "reject", data: { note: TYPED.reason }, createdAt: new Date() },
  { id: 3, dealId: 12, actor: "U0MAX", type: "request_info", data: { note: TYPED.notes }, createdAt: new Date() },
  {
    id: 4,
    dealId: 12,
    actor: "U0PAT",
    type: "stage_changed",
    data: { from: "proposal", to: "lost", reason: TYPED.reason },
    createdAt: new Date(),
  },
];

const open = deal();
const surfaces: Record<string, { text?: string; blocks?: unknown[]; type?: string }> = {
  "deal card": dealCardMessage(deal({ status: "approved" })),
  "deal card, lost": dealCardMessage(deal({ stage: "lost" })),
  "deal card, won": dealCardMessage(deal({ stage: "won", closedAt: new Date() })),
  "approval with conflict": approvalMessage(deal({ status: "conflict" }), {
    rivals: [deal({ id: 3, status: "approved" })],
    exchanges: [],
    now: new Date(0),
  }),
  "approval, decided": approvalMessage(deal({ status: "rejected" })),
  "approved notice": decisionNotice(open, "approve", "U0MAX"),
  "rejected notice": decisionNotice(open, "reject", "U0MAX"),
  "question notice": decisionNotice(open, "request_info", "U0MAX"),
  "stage notice": stageNotice(open, "U0PAT"),
  "lost notice": stageNotice(deal({ stage: "lost" }), "U0PAT"),
  "won notice": stageNotice(deal({ stage: "won" }), "U0PAT"),
  reminder: reminderNotice(open),
  "expired notice": expiredNotice(open),
  "extension request": extensionRequestMessage(open, "U0PAT"),
  "extension granted": extensionDecidedNotice(open, true, "U0MAX"),
  "extension declined": extensionDecidedNotice(open, false, "U0MAX"),
  "list of one partner": dealListMessage({
    deals: [open],
    total: 11,
    page: 1,
    pages: 2,
    filter: "open",
    partner,
    partnerChosen: true,
    today: "2029-12-20",
  }),
  "list of all partners": dealListMessage({
    deals: [open],
    total: 1,
    page: 1,
    pages: 1,
    filter: "all",
    partner: null,
    partnerChosen: false,
    today: "2030-01-05",
  }),
  "empty list": dealListMessage({
    deals: [],
    total: 0,
    page: 1,
    pages: 0,
    filter: "won",
    partner,
    partnerChosen: false,
    today: "2030-01-01",
  }),
  history: dealHistoryMessage(open, events),
  home: homeView({
    mine: [open],
    mineTotal: 30,
    awaitingDecision: [deal({ status: "info_requested" })],
    awaitingTotal: 1,
    isManager: true,
    hasPartner: true,
    today: "2029-12-20",
  }),
  "register modal, manager": registerDealModal(
    {
      partners: [partner],
      defaultPartnerId: partner.id,
      defaultCurrency: "EUR",
      defaultRegion: TYPED.region,
      canChoosePartner: true,
    },
    { channelId: "C1" },
    { initial: { customerName: TYPED.customer, notes: TYPED.notes }, hints: { customerDomain: TYPED.customer } },
  ),
  "register modal, partner": registerDealModal(
    {
      partners: [partner],
      defaultPartnerId: partner.id,
      defaultCurrency: "EUR",
      defaultRegion: null,
      canChoosePartner: false,
    },
    { channelId: null },
  ),
  "registered modal": registeredModal(open, true),
  "duplicate modal": duplicateModal(open, "https://acme.slack.com/archives/C1/p1"),
  "reject modal": reasonModal("reject", open, { dealId: 12 }),
  "lost modal": reasonModal("lost", open, { dealId: 12 }),
  "won modal": wonModal(open, { dealId: 12 }, "12,500.00"),
  "partner added": partnerAddedMessage(partner),
  "partner list": partnerListMessage([{ ...partner, memberCount: 2 }]),
  "partner assigned": partnerAssignedMessage("U0PAT", partner, { ...partner, id: 8 }),
  "partner members": partnerMembersMessage(partner, []),
  "settings changed": settingsMessage(workspace, `Updated: ${TYPED.customer}.`),
  refusal: refusalMessage(`No partner named “${TYPED.partner}”.`),
  "help for a typo": commandHelpMessage("/deal", md`I don't know \`/deal ${TYPED.customer}\`.`),
};

type TextObject = { type: "mrkdwn" | "plain_text"; text: string };

/** Every text object in a surface: blocks, fields, elements, options, labels, the modal's title. */
function textObjects(node: unknown, found: TextObject[] = []): TextObject[] {
  if (Array.isArray(node)) {
    for (const item of node) textObjects(item, found);
  } else if (typeof node === "object" && node !== null) {
    const object = node as Record<string, unknown>;
    if ((object.type === "mrkdwn" || object.type === "plain_text") && typeof object.text === "string") {
      found.push(object as TextObject);
    }
    for (const value of Object.values(object)) textObjects(value, found);
  }
  return found;
}

const LOOKALIKES: Record<string, string> = { "∗": "*", ˍ: "_", "∼": "~", ˋ: "`" };

/** What a person reads in the rendered HTML, with the look-alike markers read as what they stand for. */
function readable(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\u200b/g, "")
    .replace(/[∗ˍ∼ˋ]/g, (char) => LOOKALIKES[char] ?? char);
}

/** Markup the typed text would produce if any of it were taken as mrkdwn. */
const LEAKS = [
  /class="mention[^"]*"/,
  /data-user=/,
  /class="channel-link"/,
  /<b>(bold|sale|lost)<\/b>/,
  /<i>(it|Partner)<\/i>/,
  /<s>(strike|EMEA)<\/s>/,
  /<code>code<\/code>/,
  /<blockquote>/,
  /<a /,
];

describe("text people typed shows literally in every view", () => {
  for (const [name, surface] of Object.entries(surfaces)) {
    it(name, () => {
      expectWithinSlackLimits(surface);
      const mrkdwnTexts = [
        ...textObjects(surface.blocks)
          .filter((object) => object.type === "mrkdwn")
          .map((object) => object.text),
        ...(typeof surface.text === "string" ? [surface.text] : []),
      ];
      const plainTexts = textObjects(surface)
        .filter((object) => object.type === "plain_text")
        .map((o) => o.text);
      for (const text of mrkdwnTexts) {
        expect(text).not.toMatch(/<!(channel|here|everyone)>|<@U123>|<#C999>/);
        const html = renderMrkdwn(text, emptyContext());
        // The app's own mentions (<@U0PAT>) are fine; only typed ones must not become markup.
        const typedOnly = renderMrkdwn(text.replace(/<@U0[A-Z]+>|<#C0[A-Z]+>|<https:[^>]+>/g, ""), emptyContext());
        for (const leak of LEAKS) expect(typedOnly, `${leak} in ${html}`).not.toMatch(leak);
      }
      const shown = [
        ...mrkdwnTexts.map((text) => readable(renderMrkdwn(text, emptyContext()))),
        ...plainTexts.map((text) => readable(renderPlainText(text, false))),
      ].join("\n");
      const typedHere = (Object.keys(TYPED) as (keyof typeof TYPED)[]).filter((key) => shown.includes(MARKER[key]));
      expect(typedHere.length, `${name} shows some typed text`).toBeGreaterThan(0);
      for (const key of typedHere) expect(shown).toContain(TYPED[key]);
    });
  }

  it("shows the customer's name as typed in the deal card and the approval request", () => {
    for (const surface of [surfaces["deal card"], surfaces["approval with conflict"]]) {
      const shown = textObjects(surface?.blocks)
        .map((object) => readable(renderMrkdwn(object.text, emptyContext())))
        .join("\n");
      expect(shown).toContain(
        `Deal${surface === surfaces["deal card"] ? "" : " registration"} #12 · ${TYPED.customer}`,
      );
      expect(shown).toContain(TYPED.product);
    }
    const notes = textObjects(surfaces["approval with conflict"]?.blocks).find((o) => o.text.startsWith("*Notes*"));
    expect(readable(renderMrkdwn(notes?.text ?? "", emptyContext()))).toBe(`Notes\n${TYPED.notes}`);
  });

  it("puts typed text into plain_text as it was typed, without entities", () => {
    const modal = surfaces["register modal, manager"];
    const plain = textObjects(modal)
      .filter((object) => object.type === "plain_text")
      .map((object) => object.text);
    expect(plain).toContain(TYPED.partner);
    expect(plain).toContain(TYPED.customer);
    expect(plain.join("\n")).not.toContain("&amp;");
  });
});
