import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartnerHub } from "../../src/partner-hub";
import { DEAL_MESSAGE_KINDS } from "../../src/services/deals/deal-messages";
import type { OutboxDraft } from "../../src/services/outbox/outbox-message";
import { type Harness, startHarness } from "../support/harness";
import { ACME, APPROVALS, approvalsOf, cardsOf, drained, GLOBEX, registerDeal, setUpPartners } from "./outbox-fixtures";

/**
 * Instances that die, and instances that share the work: whatever happens to the app between the
 * commit and the post, every message owed reaches Slack, once.
 */

let h: Harness;

// The harness's own instance writes but never delivers: every delivery below is another instance's.
beforeAll(async () => {
  h = await startHarness({ start: { dispatcher: false } });
  await setUpPartners(h);
});
afterAll(async () => {
  await h?.close();
});

const postCount = () => h.fake.callsOf("chat.postMessage").length;

/** Counts the times `hub` looked for due rows. */
function countLooks(hub: PartnerHub): () => number {
  let looks = 0;
  const delivery = hub.services.outbox;
  const due = delivery.due.bind(delivery);
  delivery.due = (limit) => {
    looks++;
    return due(limit);
  };
  return () => looks;
}

describe("an instance that dies", () => {
  it("between the commit and the post: the next instance posts the card and the approval once", async () => {
    const dying = await h.startInstance({ dispatcher: false });
    const before = postCount();
    const deal = await registerDeal(dying, "U0PARTNERA", "Died Before Posting Co", ACME);
    expect(await h.hub.db.outboxMessage.count({ where: { status: "pending" } })).toBe(2);
    await dying.stop();
    expect(postCount()).toBe(before);

    const next = await h.startInstance();
    await drained(next);
    await next.stop();
    expect(cardsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([ACME]);
    expect(approvalsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([APPROVALS]);
    expect(postCount()).toBe(before + 2);
  });

  it("holding claims: another instance delivers them once the lease lapses, without polling in a loop meanwhile", async () => {
    const deal = await registerDeal(h.hub, "U0PARTNERB", "Abandoned Claim Co", GLOBEX);
    const rows = await h.hub.db.outboxMessage.findMany({ where: { status: "pending" } });
    expect(rows).toHaveLength(2);
    const claimedAt = new Date();
    const leaseEnds = new Date(claimedAt.getTime() + 1_000);
    for (const row of rows) {
      expect(await h.hub.store.outbox.claim(row.id, "instance-that-died", claimedAt, leaseEnds)).toBe(true);
    }
    const before = postCount();

    const survivor = await h.startInstance();
    const looks = countLooks(survivor);
    await drained(survivor);
    await survivor.stop();
    expect(cardsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([GLOBEX]);
    expect(approvalsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([APPROVALS]);
    expect(postCount()).toBe(before + 2);
    const sent = await h.hub.db.outboxMessage.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
    for (const row of sent) {
      expect(row.status).toBe("sent");
      expect(row.sentAt?.getTime()).toBeGreaterThan(leaseEnds.getTime());
    }
    // It woke when the lease lapsed instead of asking the database again and again until then.
    expect(looks()).toBeLessThan(20);
  });
});

describe("three instances on one database", () => {
  it("deliver 200 queued messages, each exactly once, none lost", async () => {
    const deal = await registerDeal(h.hub, "U0PARTNERA", "Bulk Delivery Co", ACME);
    // Five conversations, so the instances compete for lanes as well as rows.
    const channels = [ACME, GLOBEX, APPROVALS, "C0SALES", "U0PARTNERA"];
    const drafts: OutboxDraft[] = Array.from({ length: 200 }, (_, i) => ({
      workspaceId: deal.workspaceId,
      dedupeKey: `bulk:${i}`,
      kind: DEAL_MESSAGE_KINDS.card,
      subject: { dealId: deal.id },
      action: "post",
      channelId: channels[i % channels.length] ?? ACME,
    }));
    await h.hub.store.outbox.enqueue(drafts);
    const before = postCount();

    const three = await Promise.all([h.startInstance(), h.startInstance(), h.startInstance()]);
    await drained(three[0] as PartnerHub, 20_000);
    await Promise.all(three.map((instance) => instance.stop()));

    // The deal's own card and approval were queued with it: 202 messages, 201 of them cards.
    const owed = await h.hub.db.outboxMessage.findMany({
      where: { OR: [{ dedupeKey: { startsWith: "bulk:" } }, { dedupeKey: `deal:${deal.id}:card` }] },
    });
    expect(owed).toHaveLength(201);
    expect(owed.filter((row) => row.status !== "sent")).toEqual([]);
    // Each row names its own message, and Slack holds exactly those: one post per dedupe key.
    const delivered = new Set(owed.map((row) => `${row.sentChannel}/${row.sentTs}`));
    expect(delivered.size).toBe(201);
    const posted = cardsOf(h.fake, deal.id);
    expect(posted).toHaveLength(201);
    expect(new Set(posted.map((message) => `${message.channel}/${message.ts}`))).toEqual(delivered);
    expect(approvalsOf(h.fake, deal.id)).toHaveLength(1);
    expect(postCount()).toBe(before + 202);
  });
});
