import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProtectionJob } from "../../src/jobs/protection-job";
import { createLogger } from "../../src/logger";
import { ACTIONS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";

const APPROVALS = "C0APPROVALS";

describe("/hub status", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ hubAdmins: ["U0ADMIN"] });
    await h.command("U0ADMIN", "/hub", "approvals <#C0APPROVALS|deal-approvals>", APPROVALS);
    await h.command("U0ADMIN", "/partner", "add Acme Resellers", APPROVALS);
    await h.command("U0ADMIN", "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
  });
  afterAll(async () => {
    await h.close();
  });

  async function registerDeal(customer: string) {
    const partner = await h.hub.services.access.identify({ teamId: "T0VENDOR", userId: "U0PARTNERA" });
    const result = await h.hub.services.deals.register(
      partner,
      { customerName: customer, product: "Seats", amount: "100", currency: "USD", stage: "qualified" },
      `status:${customer}`,
      "C0PARTNERA",
    );
    if (result.kind !== "created") throw new Error(`expected a new deal, got ${result.kind}`);
    return result.deal;
  }

  it("is for admins only", async () => {
    const reply = await h.command("U0PARTNERA", "/hub", "status", "C0PARTNERA");
    expect(reply.text).toContain("Only admins can see the system status.");
  });

  it("shows the version, the database, the migrations, an empty backlog and when jobs last ran", async () => {
    await runProtectionJob(h.hub.services, createLogger("silent"), "test-instance");
    const reply = await h.command("U0ADMIN", "/hub", "status", APPROVALS);
    expect(reply.text).toContain("Partner Hub status");
    expect(reply.text).toMatch(/Version\*\n\d+\.\d+\.\d+/);
    expect(reply.text).toMatch(process.env.TEST_DATABASE_URL ? /PostgreSQL/ : /SQLite/);
    const dialect = process.env.TEST_DATABASE_URL ? "postgresql" : "sqlite";
    const migrations = readdirSync(`prisma/migrations/${dialect}`)
      .filter((name) => /^\d+_/.test(name))
      .sort();
    expect(reply.text).toContain(`Migrations applied*\n${migrations.length} · latest ${migrations.at(-1)}`);
    expect(reply.text).toContain("nothing waiting");
    expect(reply.text).toContain("Deal protection (reminders and expiry, hourly)");
    expect(reply.text).toContain("0 reminded, 0 expired");
    expect(reply.text).toContain("on test-instance");
  });

  it("lists a message Slack refused with its error, and Retry delivers it", async () => {
    h.fake.failNext("chat.postMessage", { kind: "error", error: "channel_not_found" });
    // The first post of a registration is its card; the approval request is the second.
    h.fake.failNext("chat.postMessage", { kind: "error", error: "channel_not_found" });
    const deal = await registerDeal("Umbrella Corp");
    await h.outboxDrained();
    const approvals = () =>
      h.fake.messages.filter((message) => message.channel === APPROVALS && message.text.includes(`#${deal.id} `));

    const status = await h.command("U0ADMIN", "/hub", "status", APPROVALS);
    expect(status.text).toMatch(/Failed\*\n:warning: \d/);
    expect(status.text).toContain("channel_not_found");
    const failures = await h.hub.db.outboxMessage.findMany({ where: { status: "failed" } });
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      const current = h.fake.messages.findLast(
        (message) => message.visibleTo === "U0ADMIN" && message.text.startsWith("Partner Hub status"),
      );
      const answer = await h.slack.messageAction(
        "U0ADMIN",
        { channel: APPROVALS, ts: current?.ts ?? "" },
        ACTIONS.retryOutbox,
        undefined,
        `status_failure_${failure.id}`,
      );
      expect(answer.status).toBe(200);
      // The click is acked first and handled after: wait until the row is back in the queue.
      for (let i = 0; i < 250; i++) {
        const row = await h.hub.db.outboxMessage.findUniqueOrThrow({ where: { id: failure.id } });
        if (row.status !== "failed") break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await h.outboxDrained();
    expect(await h.hub.db.outboxMessage.findMany({ where: { status: "failed" } })).toEqual([]);
    expect(approvals()).toHaveLength(1);
    const redrawn = h.fake.messages.findLast(
      (message) => message.visibleTo === "U0ADMIN" && message.text.startsWith("Partner Hub status"),
    );
    expect(visibleText(redrawn?.blocks)).not.toContain("channel_not_found");
  });

  it("refuses Retry from anyone but an admin", async () => {
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
    h.fake.failNext("chat.postMessage", { kind: "error", error: "invalid_blocks" }, 2);
    await registerDeal("Stark Industries");
    await h.outboxDrained();
    const failed = await h.hub.db.outboxMessage.findFirstOrThrow({ where: { status: "failed" } });
    await h.command("U0ADMIN", "/hub", "status", APPROVALS);
    const shown = h.fake.messages.findLast(
      (message) => message.visibleTo === "U0ADMIN" && message.text.startsWith("Partner Hub status"),
    );
    await h.slack.messageAction(
      "U0MANAGER",
      { channel: APPROVALS, ts: shown?.ts ?? "" },
      ACTIONS.retryOutbox,
      undefined,
      `status_failure_${failed.id}`,
    );
    const refusal = await h.fake.waitFor(
      () =>
        h.fake.messages.find((message) => message.visibleTo === "U0MANAGER" && message.text.includes("Only admins")),
      5_000,
      "refusal",
    );
    expect(refusal.text).toContain("Only admins can retry a message.");
    expect((await h.hub.db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
  });
});
