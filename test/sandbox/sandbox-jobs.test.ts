import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeJobsReport } from "../../src/sandbox/sandbox-jobs";
import type { ActionResult, SandboxState } from "../../src/sandbox/sandbox-protocol";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/** The admins' "Run scheduled jobs now" of the sandbox page, through its route, on the demo data. */

let running: TestSandbox;

beforeAll(async () => {
  running = await startTestSandbox();
});

afterAll(async () => {
  await running?.stop();
});

async function runJobs(user: string): Promise<{ status: number; result: ActionResult }> {
  const response = await fetch(`${running.url}/sandbox/run-jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user }),
  });
  return { status: response.status, result: (await response.json()) as ActionResult };
}

async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Block = { type: string; text?: { text?: string }; slack_file?: { id?: string } };

/** The digests in #sales, as anyone in the channel sees them (not a preview, which is ephemeral). */
const digestPosts = () =>
  running.sandbox.fake
    .channelMessages("C0SALES")
    .filter((message) => !message.visibleTo && JSON.stringify(message.blocks).includes("Weekly digest"));

async function outboxDrained(): Promise<void> {
  const db = running.sandbox.db;
  await eventually(
    async () => ((await db.outboxMessage.count({ where: { status: "pending" } })) === 0 ? true : undefined),
    "the outbox to drain",
  );
}

describe("Run scheduled jobs now", () => {
  it("is refused to everyone but the admins, and the page offers it to admins only", async () => {
    for (const user of ["U0MANAGER", "U0PARTNERA", "U0EXTERNAL"]) {
      const { status, result } = await runJobs(user);
      expect(status, user).toBe(403);
      expect(result.notice, user).toBe("Only Partner Hub admins can run the scheduled jobs.");
    }
    expect((await runJobs("U0NOBODY")).status).toBe(404);
    const state = (await (await fetch(`${running.url}/sandbox/state?user=U0ADMIN`)).json()) as SandboxState;
    expect(state.me.role).toBe("admin");
  });

  it("runs the protection sweep, the approval reminders, the tier recalculation and the digests through the app, says what they did, and records the runs", async () => {
    const { status, result } = await runJobs("U0ADMIN");
    expect(status).toBe(200);
    expect(result.ok).toBe(true);
    // The demo has protections ending within 14 days that nobody was reminded of yet (unless the
    // scheduler's own run at start got to them first), registrations waiting for days, and #sales
    // subscribed to the weekly digest, which "now" posts whatever the day.
    expect(result.notice).toMatch(/^Scheduled jobs ran: .*the weekly digest posted in #sales\.$/);
    // Every demo partner already holds the tier its year earns (Andes' review is open already).
    expect(result.notice).not.toMatch(/tier/);
    const runs = await running.sandbox.store.jobRuns.list();
    expect(runs.map((run) => run.name)).toEqual(
      expect.arrayContaining(["deal-protection", "approval-reminders", "tier-recalculation", "digests"]),
    );

    // The reminders reach the partners through the outbox, as the hourly job's would.
    const { fake } = running.sandbox;
    await eventually(
      () => fake.callsOf("chat.postMessage").find((call) => String(call.args.text ?? "").match(/protection/i)),
      "a protection reminder",
    );
  });

  it("posts the digest in #sales through the outbox, with its sections and the leaderboard chart", async () => {
    const { fake } = running.sandbox;
    const post = await eventually(() => digestPosts().at(-1), "the digest in #sales");
    const blocks = post.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "Weekly digest" } });
    const text = blocks.map((block) => block.text?.text ?? "").join("\n");
    // The demo's deals are placed relative to now, so every week has registrations, wins and a
    // leaderboard, whatever day the sandbox starts on.
    for (const section of [
      "New registrations",
      "Deals won",
      "Leaderboard of the week",
      "Goal progress",
      "Shout-outs",
    ]) {
      expect(text).toContain(section);
    }
    // The text fallback (notifications, screen readers) carries no links.
    expect(post.text).not.toMatch(/<https?:/);
    // The chart the app drew was uploaded to the fake Slack before the post that shows it.
    const image = blocks.find((block) => block.type === "image");
    expect(fake.file(String(image?.slack_file?.id))?.mimetype).toBe("image/png");
  });

  it("finds nothing due on a second run: each reminder and today's digest are sent once", async () => {
    await outboxDrained();
    const before = digestPosts().length;
    const { result } = await runJobs("U0ADMIN");
    expect(result.notice).toBe(
      "Scheduled jobs ran: nothing was due (no protection ending soon, no registration waiting too long, no tier change, and today's reminders and digests already sent).",
    );
    await outboxDrained();
    expect(digestPosts()).toHaveLength(before);
    const manual = await running.sandbox.db.digestRun.findMany({ where: { periodKey: { startsWith: "manual:" } } });
    expect(manual).toHaveLength(1);
  });
});

describe("Run scheduled jobs now, for the partner tiers", () => {
  it("moves a partner up as soon as its year earns the next tier, and celebrates it once", async () => {
    const { sandbox } = running;
    // Rio Verde has Gold's revenue and wins; Gold also asks for two people with its training.
    const beatriz = await sandbox.services.access.identify({ teamId: "T0VENDOR", userId: "U0RIOV02" });
    const training = (await sandbox.services.resources.list(beatriz)).resources.find(
      (line) => line.resource.requiredFor === "gold",
    );
    if (!training) throw new Error("no Gold training in the demo library");
    await sandbox.services.resources.markDone(beatriz, training.resource.id);

    const { result } = await runJobs("U0ADMIN");
    expect(result.notice).toBe("Scheduled jobs ran: 1 partner moved up a tier.");
    const rio = await sandbox.db.partner.findFirstOrThrow({ where: { name: "Rio Verde Sistemas" } });
    expect(rio.tier).toBe("gold");
    // Rio Verde has no channel of its own: the celebration goes to the approvals channel.
    await eventually(
      () =>
        sandbox.fake
          .channelMessages("C0APPROVALS")
          .find((message) => /Rio Verde Sistemas\*? moved up to \*?Gold/.test(String(message.text))),
      "the promotion's celebration",
    );
    expect((await runJobs("U0ADMIN")).result.notice).toMatch(/nothing was due/);
  });
});

describe("describeJobsReport", () => {
  it("names only what happened, in words", () => {
    const none = {
      protection: { reminded: 0, expired: 0 },
      approvalsReminded: 0,
      tiers: { promoted: 0, reviewsOpened: 0, recovered: 0 },
      digestsPosted: [],
    };
    expect(
      describeJobsReport({
        ...none,
        protection: { reminded: 1, expired: 2 },
        approvalsReminded: 3,
        digestsPosted: ["#sales"],
      }),
    ).toBe(
      "Scheduled jobs ran: 1 protection reminder sent, 2 registrations expired, an approval reminder posted for 3 waiting registrations, the weekly digest posted in #sales.",
    );
    expect(describeJobsReport({ ...none, tiers: { promoted: 1, reviewsOpened: 2, recovered: 1 } })).toBe(
      "Scheduled jobs ran: 1 partner moved up a tier, 2 tier reviews opened for managers, 1 partner back within their tier (review closed).",
    );
    expect(describeJobsReport({ ...none, approvalsReminded: 1 })).toBe(
      "Scheduled jobs ran: an approval reminder posted for 1 waiting registration.",
    );
    expect(describeJobsReport({ ...none, digestsPosted: ["#sales", "#partner-acme", "Max Manager's DM"] })).toBe(
      "Scheduled jobs ran: the weekly digest posted in #sales, #partner-acme and Max Manager's DM.",
    );
  });
});
