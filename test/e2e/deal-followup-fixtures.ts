import { expect } from "vitest";
import type { DealDraft } from "../../src/domain/deals/deal-input";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import type { Actor } from "../../src/services/access-service";
import type { DealRecord } from "../../src/services/records";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, visibleText } from "../support/harness";
import { ACME, APPROVALS, approvalsOf, cardsOf, GLOBEX, TEAM } from "./outbox-fixtures";

/** What the conflict, answer, edit and resubmit end-to-end tests share. */

export { ACME, APPROVALS, GLOBEX };

/** A manager, two partner companies with one member each; the admin's first command sets #deal-approvals. */
export async function setUpProgram(h: Harness): Promise<void> {
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "add Acme Resellers region:EMEA", APPROVALS);
  await h.command("U0ADMIN", "/partner", "add Globex region:APAC", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
}

export function actorOf(h: Harness, userId: string): Promise<Actor> {
  return h.hub.services.access.identify({ teamId: TEAM, userId });
}

let registrations = 0;

/** Registers through the same service the modal calls, and waits until its messages are posted. */
export async function registerDeal(
  h: Harness,
  userId: string,
  channel: string,
  draft: DealDraft & { customerName: string },
): Promise<DealRecord> {
  registrations += 1;
  const result = await h.hub.services.deals.register(
    await actorOf(h, userId),
    { product: "200 seats", amount: "7,000.00", currency: "EUR", stage: "qualified", ...draft },
    `followup-test:${registrations}:${draft.customerName}`,
    channel,
  );
  if (result.kind !== "created") throw new Error(`${draft.customerName}: expected a new deal, got ${result.kind}`);
  await h.outboxDrained();
  return result.deal;
}

/** The latest copy of the deal's approval request / card, as the fake Slack holds it now. */
export function approvalOf(h: Harness, dealId: number): FakeMessage {
  const found = approvalsOf(h.fake, dealId).at(-1);
  if (!found) throw new Error(`no approval message for #${dealId}`);
  return found;
}

export function cardOf(h: Harness, dealId: number): FakeMessage {
  const found = cardsOf(h.fake, dealId).at(-1);
  if (!found) throw new Error(`no card for #${dealId}`);
  return found;
}

/** Waits until `read()` (re-evaluated as messages change) contains `text`. */
export async function waitForText(read: () => string, text: string, what: string): Promise<void> {
  await expect.poll(read, { timeout: 5_000, message: what }).toContain(text);
}

/** Waits until the user's top modal has this callback id, checked against Slack's limits. */
export async function modalOpened(h: Harness, userId: string, callbackId: string) {
  const modal = await h.fake.waitFor(
    () => {
      const top = h.fake.topModal(userId);
      return top?.view.callback_id === callbackId ? top : undefined;
    },
    5_000,
    `${callbackId} modal`,
  );
  expectWithinSlackLimits(modal.view);
  return modal;
}

/** The messages in a DM with the app, as the person reads them. */
export function dmTexts(h: Harness, userId: string): string[] {
  const dm = h.fake.dmChannel(userId).id;
  return h.fake.messages.filter((message) => message.channel === dm).map((message) => visibleText(message.blocks));
}

/** The newest DM to `userId` that says `text`. */
export async function dmSaying(h: Harness, userId: string, text: string): Promise<FakeMessage> {
  return h.fake.waitFor(
    () => {
      const dm = h.fake.dmChannel(userId).id;
      return h.fake.messages
        .filter((message) => message.channel === dm && visibleText(message.blocks).includes(text))
        .at(-1);
    },
    5_000,
    `DM to ${userId} saying ${text}`,
  );
}

/** The thread replies under a message. */
export function threadOf(h: Harness, parent: FakeMessage): FakeMessage[] {
  return h.fake.messages.filter((message) => message.channel === parent.channel && message.threadTs === parent.ts);
}

/** Publishes and returns the person's App Home, checked against Slack's limits. */
export async function openHome(h: Harness, userId: string) {
  const before = h.fake.callsOf("views.publish").length;
  await h.slack.openHome(userId);
  await h.fake.waitFor(() => h.fake.callsOf("views.publish")[before], 5_000, `${userId}'s Home`);
  const home = h.fake.homeTabs.get(userId);
  if (!home) throw new Error(`no Home for ${userId}`);
  expectWithinSlackLimits({ type: "home", ...home });
  return home;
}
