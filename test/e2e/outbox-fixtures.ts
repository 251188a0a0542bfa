import type { PartnerHub } from "../../src/partner-hub";
import type { FakeMessage, FakeSlack } from "../../src/sandbox/fake-slack";
import type { DealRecord } from "../../src/services/records";
import type { Harness } from "../support/harness";

/** What the outbox end-to-end tests share: partners, deals registered through the services, and the posts to count. */

export const ACME = "C0PARTNERA";
export const GLOBEX = "C0PARTNERB";
export const APPROVALS = "C0APPROVALS";
export const TEAM = "T0VENDOR";

/** Two partner companies with one member each; the admin's first command makes #deal-approvals the approvals channel. */
export async function setUpPartners(h: Harness): Promise<void> {
  await h.command("U0ADMIN", "/partner", "add Acme Resellers region:EMEA", APPROVALS);
  await h.command("U0ADMIN", "/partner", "add Globex region:APAC", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERB> Globex", APPROVALS);
}

/** Where approval requests go from now on (null: nowhere); an id Slack does not know plays a deleted channel. */
export async function setApprovalsChannel(hub: PartnerHub, channel: string | null): Promise<void> {
  await hub.db.workspace.update({ where: { teamId: TEAM }, data: { approvalsChannel: channel } });
}

/** Registers a new deal for customer `name` as `userId` would from `channel`, with the same services a listener calls. */
export async function registerDeal(
  hub: PartnerHub,
  userId: string,
  name: string,
  channel: string,
): Promise<DealRecord> {
  const actor = await hub.services.access.identify({ teamId: TEAM, userId });
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const result = await hub.services.deals.register(
    actor,
    { customerName: name, customerDomain: `${slug}.example`, product: "Seats", amount: "1000", currency: "USD" },
    `outbox-test:${slug}`,
    channel,
  );
  if (result.kind !== "created") throw new Error(`expected a new deal for ${name}, got ${result.kind}`);
  return result.deal;
}

/** The deal's card as people see it: top-level posts starting with its title, wherever they went. */
export const cardsOf = (fake: FakeSlack, dealId: number): FakeMessage[] =>
  fake.messages.filter((message) => !message.threadTs && message.text.startsWith(`Deal #${dealId} ·`));

export const approvalsOf = (fake: FakeSlack, dealId: number): FakeMessage[] =>
  fake.messages.filter((message) => message.text.startsWith(`Deal registration #${dealId} from`));

/** Waits until no outbox row is pending any more (delivered, failed or skipped). */
export async function drained(hub: PartnerHub, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await hub.db.outboxMessage.count({ where: { status: "pending" } })) > 0) {
    if (Date.now() > until) {
      const left = await hub.db.outboxMessage.findMany({ where: { status: "pending" } });
      throw new Error(`the outbox still holds pending messages: ${JSON.stringify(left)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
