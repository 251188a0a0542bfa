import { ErrorCode, LogLevel, WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/sandbox/fake-slack";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import { RateLimiter } from "../../src/sandbox/fake-slack-rate-limits";

/** The fake Slack's posting limits, over real HTTP as the app meets them. */

const CHANNELS = Array.from({ length: 200 }, (_, index) => `C${String(index).padStart(4, "0")}`);

let fake: FakeSlack;

beforeAll(async () => {
  const directory = defaultDirectory();
  for (const id of CHANNELS) directory.channels.push({ id, name: `partner-${id.toLowerCase()}` });
  fake = await new FakeSlack(directory).start();
});

afterAll(async () => {
  await fake?.stop();
});

beforeEach(() => {
  fake.enforceRateLimits(false);
  fake.rateLimitedCount = 0;
});

async function post(
  channel: string,
  text = "hello",
): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
    body: JSON.stringify({ channel, text }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("the fake Slack's posting limits", () => {
  it("are off by default: posts to one channel in the same second all go through", async () => {
    const answers = await Promise.all([post("C0SALES"), post("C0SALES"), post("C0SALES")]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.every((answer) => answer.body.ok === true)).toBe(true);
    expect(fake.rateLimitedCount).toBe(0);
  });

  it("answer a second post to a channel within a second with 429 and Retry-After, and keep nothing", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    const before = fake.channelMessages("C0APPROVALS").length;
    const first = await post("C0APPROVALS", "first");
    const second = await post("C0APPROVALS", "second");
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.body).toEqual({ ok: false, error: "ratelimited" });
    const seconds = Number(second.retryAfter);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(fake.channelMessages("C0APPROVALS")).toHaveLength(before + 1);
    expect(fake.rateLimitedCount).toBe(1);
  });

  it("leave other channels alone", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    expect((await post("C0001")).status).toBe(200);
    expect((await post("C0001")).status).toBe(429);
    expect((await post("C0002")).status).toBe(200);
    expect((await post("C0003")).status).toBe(200);
    expect(fake.rateLimitedCount).toBe(1);
  });

  it("take the post again once Retry-After has passed", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    expect((await post("C0010")).status).toBe(200);
    const refused = await post("C0010");
    expect(refused.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.retryAfter) * 1_000));
    expect((await post("C0010")).status).toBe(200);
  });

  it("refuse posts beyond the workspace's budget per second, in any channel", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1, workspacePerSecond: 3 });
    const answers = [];
    for (const channel of ["C0020", "C0021", "C0022", "C0023", "C0024"]) answers.push(await post(channel));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[3]?.retryAfter).toBe("1");
    expect(fake.rateLimitedCount).toBe(2);
  });

  it("count as one channel a DM posted to by user id, and answer with the D… channel", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    const first = await post("U0PARTNERA", "to a person");
    expect(first.body).toMatchObject({ ok: true, channel: "D0PARTNERA" });
    expect(fake.channelMessages("D0PARTNERA").at(-1)?.text).toBe("to a person");
    const opened = await new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl }).conversations.open({
      users: "U0PARTNERA",
    });
    expect(opened.channel?.id).toBe("D0PARTNERA");
    expect((await post("D0PARTNERA")).status).toBe(429);
  });

  it("reach WebClient as Slack's 429 does: a rate-limited error with retryAfter, or a wait and retry", async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    const options = { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR };
    const strict = new WebClient("xoxb-test", { ...options, rejectRateLimitedCalls: true });
    await strict.chat.postMessage({ channel: "C0030", text: "first" });
    await expect(strict.chat.postMessage({ channel: "C0030", text: "second" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    const patient = new WebClient("xoxb-test", options);
    const answer = await patient.chat.postMessage({ channel: "C0030", text: "third" });
    expect(answer.ok).toBe(true);
    expect(fake.channelMessages("C0030").map((message) => message.text)).toEqual(["first", "third"]);
  });

  // How fast the fake answers is measured by the benchmarks, not here: a loaded machine only lets
  // more rounds straddle a second, which the counts below allow for.
  it("take 2,000 posts across 200 channels, refusing all but one per channel in the second", {
    timeout: 60_000,
  }, async () => {
    fake.enforceRateLimits({ perChannelPerSecond: 1 });
    const started = Date.now();
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(CHANNELS.map((channel) => post(channel, `round ${round}`)));
      statuses.push(...answers.map((answer) => answer.status));
    }
    const accepted = statuses.filter((status) => status === 200).length;
    // A round that straddles a second boundary lets a channel post again: at least one per channel.
    expect(accepted).toBeGreaterThanOrEqual(CHANNELS.length);
    expect(fake.rateLimitedCount).toBe(statuses.length - accepted);
    // However long it took, no channel posted more than once in any second.
    const seconds = Math.floor((Date.now() - started) / 1_000) + 1;
    expect(accepted).toBeLessThanOrEqual(CHANNELS.length * seconds);
  });
});

describe("the rate limiter's windows", () => {
  it("slide: a channel may post again a second after its last post, not at the next wall-clock second", () => {
    const limiter = new RateLimiter({ perChannelPerSecond: 1 });
    expect(limiter.admit("C1", 10_500)).toBeUndefined();
    expect(limiter.admit("C1", 11_400)).toBe(1);
    expect(limiter.admit("C1", 11_500)).toBeUndefined();
  });

  it("allow short bursts up to the limit, and a refused post does not use the budget", () => {
    const limiter = new RateLimiter({ perChannelPerSecond: 2, workspacePerSecond: 3 });
    expect(limiter.admit("C1", 0)).toBeUndefined();
    expect(limiter.admit("C1", 100)).toBeUndefined();
    expect(limiter.admit("C1", 200)).toBe(1);
    expect(limiter.admit("C2", 300)).toBeUndefined();
    expect(limiter.admit("C3", 400)).toBe(1);
    expect(limiter.admit("C3", 1_000)).toBeUndefined();
  });

  it("refuse limits below one post per second", () => {
    expect(() => new RateLimiter({ perChannelPerSecond: 0 })).toThrow(/perChannelPerSecond/);
    expect(() => new RateLimiter({ perChannelPerSecond: 1, workspacePerSecond: 0 })).toThrow(/workspacePerSecond/);
  });
});
