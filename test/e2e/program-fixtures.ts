import { expect } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import type { Actor } from "../../src/services/access-service";
import type { PastDeal } from "../../src/services/store";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, visibleText } from "../support/harness";
import { TEAM } from "./outbox-fixtures";

/** What the partner program's end-to-end tests share: deals in the past, clicks, the latest answers. */

let keys = 0;

/** A deal stored as the app stores one: won (closed `closedAt`) or open, for `partnerId`. */
export async function pastDeal(
  h: Harness,
  partnerId: number,
  input: {
    amountMinor: number;
    closedAt: Date | null;
    createdAt: Date;
    stage?: "won" | "lost" | "proposal";
    expectedCloseOn?: string;
  },
): Promise<void> {
  keys += 1;
  const workspace = await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: TEAM } });
  const deal: PastDeal = {
    workspaceId: workspace.id,
    partnerId,
    createdBy: "U0PARTNERA",
    customerName: `Program customer ${keys}`,
    customer: { domain: null, nameKey: `program customer ${keys}` },
    product: "Suite",
    amountMinor: input.amountMinor,
    currency: "USD",
    stage: input.stage ?? "won",
    status: "approved",
    conflictDealId: null,
    expectedCloseOn: input.expectedCloseOn ? new Date(`${input.expectedCloseOn}T00:00:00Z`) : null,
    region: null,
    notes: null,
    channelId: null,
    idempotencyKey: `program-test-${keys}`,
    protectedUntil: null,
    reminderSentAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    closedAt: input.closedAt,
    lostReason: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  };
  await h.hub.store.deals.createWithHistory(deal, []);
}

export function actorOf(h: Harness, userId: string): Promise<Actor> {
  return h.hub.services.access.identify({ teamId: TEAM, userId });
}

export async function partnerIdOf(h: Harness, name: string): Promise<number> {
  return (await h.hub.db.partner.findFirstOrThrow({ where: { name } })).id;
}

/** The ephemeral answer to a click on a message's button (through response_url). */
export async function click(
  h: Harness,
  userId: string,
  target: { channel: string; ts: string },
  actionId: string,
  blockId?: string,
) {
  const index = h.fake.responses.length;
  await h.slack.messageAction(userId, target, actionId, undefined, blockId);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return { body, text: visibleText(body.blocks ?? body.text) };
}

/** The newest message in `channel` only `userId` sees: the ephemeral answer they can click on. */
export function lastEphemeral(h: Harness, channel: string, userId: string): FakeMessage {
  const found = h.fake.messages.filter((message) => message.channel === channel && message.visibleTo === userId).at(-1);
  if (!found) throw new Error(`no ephemeral message for ${userId} in ${channel}`);
  return found;
}

/** Clicks a button that opens a modal and returns the modal. */
export async function clickToModal(
  h: Harness,
  userId: string,
  target: { channel: string; ts: string },
  actionId: string,
  blockId?: string,
) {
  const opened = h.fake.callsOf("views.open").length;
  await h.slack.messageAction(userId, target, actionId, undefined, blockId);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, `the modal of ${actionId}`);
  const modal = h.fake.topModal(userId);
  if (!modal) throw new Error("no modal open");
  expectWithinSlackLimits(modal.view);
  return modal;
}

/** The App Home as `userId` sees it after opening it. */
export async function homeOf(h: Harness, userId: string) {
  const before = h.fake.callsOf("views.publish").length;
  await h.slack.openHome(userId);
  await h.fake.waitFor(() => h.fake.callsOf("views.publish")[before], 5_000, `${userId}'s Home`);
  const home = h.fake.homeTabs.get(userId);
  if (!home) throw new Error(`no Home for ${userId}`);
  expectWithinSlackLimits({ type: "home", ...home });
  return { blocks: home.blocks, text: visibleText(home.blocks) };
}

/** A click on the person's App Home whose answer arrives as a DM from the app. */
export async function clickOnHome(h: Harness, userId: string, actionId: string, blockId?: string) {
  const dm = h.fake.dmChannel(userId).id;
  const before = h.fake.channelMessages(dm).length;
  await h.slack.viewAction(userId, "home", actionId, undefined, {}, blockId);
  const answer = await h.fake.waitFor(() => h.fake.channelMessages(dm)[before], 5_000, `the answer to ${actionId}`);
  expectWithinSlackLimits({ blocks: answer.blocks });
  return { message: answer, text: visibleText(answer.blocks) };
}

export function expectNoButton(blocks: unknown, actionId: string): void {
  expect(JSON.stringify(blocks)).not.toContain(`"${actionId}"`);
}
