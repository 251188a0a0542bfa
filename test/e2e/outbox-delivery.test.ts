import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/sandbox/fake-slack";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  ACME,
  APPROVALS,
  approvalsOf,
  cardsOf,
  drained,
  GLOBEX,
  registerDeal,
  setApprovalsChannel,
  setUpPartners,
  TEAM,
} from "./outbox-fixtures";

/**
 * The outbox against a Slack that refuses: 429s, 5xx, channels the bot cannot post in. What is
 * asserted is what people see in Slack: each message once, in the right place, in order.
 */

let h: Harness;
const postsSince = (index: number): RecordedCall[] =>
  h.fake.calls.slice(index).filter((call) => call.method === "chat.postMessage");
const rowOf = (dedupeKey: string) => h.hub.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });
const admin = () => h.hub.services.access.identify({ teamId: TEAM, userId: "U0ADMIN" });

beforeAll(async () => {
  h = await startHarness({ start: { retryPolicy: { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 200 } } });
  await setUpPartners(h);
});
afterAll(async () => {
  await h?.close();
});

describe("a Slack that is busy or down for a moment", () => {
  it("waits out a 429's Retry-After, then posts the message once", async () => {
    const since = h.fake.calls.length;
    h.fake.failNext("chat.postMessage", { kind: "rateLimited", retryAfterSeconds: 1 });
    const deal = await registerDeal(h.hub, "U0PARTNERA", "Rate Limited Co", ACME);
    await drained(h.hub);

    expect(cardsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([ACME]);
    expect(approvalsOf(h.fake, deal.id).map((message) => message.channel)).toEqual([APPROVALS]);
    const posts = postsSince(since);
    expect(posts).toHaveLength(3);
    // The fake hands its queued failure to the first call it receives.
    const refused = posts[0] as RecordedCall;
    const again = posts.filter((call) => call.args.channel === refused.args.channel);
    expect(again).toHaveLength(2);
    expect((again[1] as RecordedCall).at - refused.at).toBeGreaterThanOrEqual(1_000);
    // Waiting for Slack is not a failed attempt.
    const key = refused.args.channel === ACME ? `deal:${deal.id}:card` : `deal:${deal.id}:approval`;
    expect(await rowOf(key)).toMatchObject({ status: "sent", attempts: 0, lastError: null });
  });

  it("retries through three HTTP 500s and posts each message once", async () => {
    const since = h.fake.calls.length;
    h.fake.failNext("chat.postMessage", { kind: "http", status: 500 }, 3);
    const deal = await registerDeal(h.hub, "U0PARTNERA", "Flaky Slack Co", ACME);
    await drained(h.hub);

    expect(cardsOf(h.fake, deal.id)).toHaveLength(1);
    expect(approvalsOf(h.fake, deal.id)).toHaveLength(1);
    expect(postsSince(since)).toHaveLength(5);
    const rows = [await rowOf(`deal:${deal.id}:card`), await rowOf(`deal:${deal.id}:approval`)];
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(3);
  });
});

describe("a channel that refuses the bot", () => {
  it("marks a message for a deleted approvals channel failed, and everything else still goes out", async () => {
    await setApprovalsChannel(h.hub, "C0DELETED");
    const lost = await registerDeal(h.hub, "U0PARTNERA", "Lost Approval Co", ACME);
    const other = await registerDeal(h.hub, "U0PARTNERB", "Other Partner Co", GLOBEX);
    await drained(h.hub);

    for (const deal of [lost, other]) {
      expect(await rowOf(`deal:${deal.id}:approval`)).toMatchObject({
        status: "failed",
        lastError: "channel_not_found",
        attempts: 0,
      });
      expect(approvalsOf(h.fake, deal.id)).toEqual([]);
    }
    expect(cardsOf(h.fake, lost.id).map((message) => message.channel)).toEqual([ACME]);
    expect(cardsOf(h.fake, other.id).map((message) => message.channel)).toEqual([GLOBEX]);

    // A decision on the deal still reaches the partner; the approval it would redraw is not there.
    const since = h.fake.calls.length;
    await h.hub.services.deals.decide(await admin(), lost.id, "approve");
    await drained(h.hub);
    const dm = h.fake.dmChannel("U0PARTNERA").id;
    const told = h.fake.messages.filter((m) => m.channel === dm && m.text.includes("Lost Approval Co"));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain("was approved");
    const [card] = cardsOf(h.fake, lost.id);
    expect(h.fake.messages.filter((m) => m.threadTs === card?.ts)).toHaveLength(1);
    expect(visibleText(card?.blocks)).toContain("Approved");
    expect(h.fake.callsOf("chat.update").some((call) => call.args.channel === "C0DELETED")).toBe(false);
    expect(postsSince(since).some((call) => call.args.channel === "C0DELETED")).toBe(false);

    // Once the channel is fixed, new registrations are asked for again; the failed one stays failed.
    await setApprovalsChannel(h.hub, APPROVALS);
    const next = await registerDeal(h.hub, "U0PARTNERB", "Next In Line Co", GLOBEX);
    await drained(h.hub);
    expect(approvalsOf(h.fake, next.id).map((message) => message.channel)).toEqual([APPROVALS]);
    expect(approvalsOf(h.fake, lost.id)).toEqual([]);
  });

  it("posts the card in the partner's DM when its channel answers not_in_channel", async () => {
    // Only the card is owed (no approvals channel), so the refusal is certainly the card's.
    await setApprovalsChannel(h.hub, null);
    const since = h.fake.calls.length;
    h.fake.failNext("chat.postMessage", { kind: "error", error: "not_in_channel" });
    const deal = await registerDeal(h.hub, "U0PARTNERA", "Fallback Co", ACME);
    await drained(h.hub);

    const dm = h.fake.dmChannel("U0PARTNERA").id;
    expect(postsSince(since).map((call) => call.args.channel)).toEqual([ACME, "U0PARTNERA"]);
    const cards = cardsOf(h.fake, deal.id);
    expect(cards.map((message) => message.channel)).toEqual([dm]);
    expect(await rowOf(`deal:${deal.id}:card`)).toMatchObject({ status: "sent", sentChannel: dm, lastError: null });

    // The decision is told once, in the DM where the card is, and the card there is redrawn.
    await h.hub.services.deals.decide(await admin(), deal.id, "approve");
    await drained(h.hub);
    const notes = h.fake.messages.filter((m) => m.channel === dm && m.text.includes("was approved"));
    expect(notes.filter((m) => m.text.includes("Fallback Co"))).toHaveLength(1);
    expect(h.fake.messages.filter((m) => m.threadTs === cards[0]?.ts)).toEqual([]);
    expect(visibleText(cards[0]?.blocks)).toContain("Approved");
    expect(h.fake.messages.filter((m) => m.channel === ACME && m.text.includes("Fallback Co"))).toEqual([]);
    await setApprovalsChannel(h.hub, APPROVALS);
  });
});

describe("order", () => {
  it("posts a note in the card's thread only after the card, even when the card's first attempts failed", async () => {
    // Only the card is a post of its own, so all three 500s are the card's.
    await setApprovalsChannel(h.hub, null);
    h.fake.failNext("chat.postMessage", { kind: "http", status: 500 }, 3);
    const deal = await registerDeal(h.hub, "U0PARTNERA", "Ordered Co", ACME);
    const partner = await h.hub.services.access.identify({ teamId: TEAM, userId: "U0PARTNERA" });
    await h.hub.services.deals.changeStage(partner, deal.id, "negotiation");
    await drained(h.hub);

    const cardCalls = h.fake.calls.filter(
      (call) => call.method === "chat.postMessage" && String(call.args.text).startsWith(`Deal #${deal.id} ·`),
    );
    expect(cardCalls).toHaveLength(4);
    const [card] = cardsOf(h.fake, deal.id);
    expect(cardsOf(h.fake, deal.id)).toHaveLength(1);
    if (!card) throw new Error("no card");
    expect(card.channel).toBe(ACME);
    const thread = h.fake.messages.filter((m) => m.threadTs === card.ts);
    expect(thread).toHaveLength(1);
    expect(thread[0]?.channel).toBe(ACME);
    expect(thread[0]?.text).toContain("to Negotiation");
    // Slack received the note after the card that holds its thread, and the card shows the new stage.
    const noteCall = h.fake.calls.findIndex((call) => call.args.thread_ts === card.ts);
    expect(noteCall).toBeGreaterThan(h.fake.calls.indexOf(cardCalls[3] as RecordedCall));
    expect(visibleText(card.blocks)).toContain("Negotiation");
    await setApprovalsChannel(h.hub, APPROVALS);
  });
});
