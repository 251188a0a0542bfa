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

async function eventually<T>(probe: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
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

  it("runs the protection sweep and the approval reminders through the app, says what they did, and records the runs", async () => {
    const { status, result } = await runJobs("U0ADMIN");
    expect(status).toBe(200);
    expect(result.ok).toBe(true);
    // The demo has protections ending within 14 days that nobody was reminded of yet (unless the
    // scheduler's own run at start got to them first) and registrations waiting for days.
    expect(result.notice).toMatch(/^Scheduled jobs ran: .+\.$/);
    const runs = await running.sandbox.store.jobRuns.list();
    expect(runs.map((run) => run.name)).toEqual(expect.arrayContaining(["deal-protection", "approval-reminders"]));

    // The reminders reach the partners through the outbox, as the hourly job's would.
    const { fake } = running.sandbox;
    await eventually(
      () => fake.callsOf("chat.postMessage").find((call) => String(call.args.text ?? "").match(/protection/i)),
      "a protection reminder",
    );
  });

  it("finds nothing due on a second run: each reminder is sent once", async () => {
    const { result } = await runJobs("U0ADMIN");
    expect(result.notice).toBe(
      "Scheduled jobs ran: nothing was due (no protection ending soon, no registration waiting too long, or already reminded today).",
    );
  });
});

describe("describeJobsReport", () => {
  it("names only what happened, in words", () => {
    expect(describeJobsReport({ protection: { reminded: 1, expired: 2 }, approvalsReminded: 3 })).toBe(
      "Scheduled jobs ran: 1 protection reminder sent, 2 registrations expired, an approval reminder posted for 3 waiting registrations.",
    );
    expect(describeJobsReport({ protection: { reminded: 0, expired: 0 }, approvalsReminded: 1 })).toBe(
      "Scheduled jobs ran: an approval reminder posted for 1 waiting registration.",
    );
  });
});
