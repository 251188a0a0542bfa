/**
 * Slack's side of bench/ack-latency.ts, run in a worker thread: the fake Slack (Web API and
 * response_url endpoint) and the load generator that sends signed slash commands and times them.
 * Keeping it off the main thread means an ack is timed when its bytes arrive, not when the app's
 * event loop, busy with the work that follows the ack, lets a same-thread client read them.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { FakeSlack } from "../src/sandbox/fake-slack";
import { SlackClientSimulator } from "../src/sandbox/slack-client-simulator";
import { formBody, signedHeaders } from "../src/sandbox/slack-signer";

/** A request whose response_url post has not arrived by then counts as failed. */
const REPLY_TIMEOUT_MS = 10_000;
const COMMAND_USERS = ["U0ADMIN", "U0MANAGER", "U0PARTNERA", "U0PARTNERB"];
const COMMAND_CHANNEL = "C0SALES";

export type ExpectedReply = "partner-hub-help" | "bare-help";

export interface LoadRequest {
  type: "load";
  url: string;
  signingSecret: string;
  expected: ExpectedReply;
  /** Sent first, in the same stream, and not timed: JIT, connections, the app's first-request work. */
  warmup: number;
  count: number;
  concurrency: number;
}

export interface RunResult {
  ackMs: number[];
  replyMs: number[];
  errors: string[];
  wallMs: number;
}

export type ToSlackSide = LoadRequest | { type: "stop" };
export type FromSlackSide =
  | { type: "ready"; apiUrl: string }
  | { type: "result"; result: RunResult }
  | { type: "failed"; message: string }
  | { type: "stopped" };

const EXPECTED: Record<ExpectedReply, (body: Record<string, unknown>) => boolean> = {
  "partner-hub-help": (body) =>
    body.response_type === "ephemeral" && String(body.text ?? "").includes("Partner Hub commands:"),
  "bare-help": (body) => body.response_type === "ephemeral" && body.text === "help",
};

interface PendingReply {
  check: (body: Record<string, unknown>) => boolean;
  done: (outcome: { at: number; ok: boolean }) => void;
}

/** Routes every response_url post the fake receives to the request that carried that URL. */
class ReplyWatcher {
  private readonly pending = new Map<string, PendingReply>();

  constructor(fake: FakeSlack) {
    fake.on("change", (change: { kind?: string }) => {
      if (change.kind !== "response") return;
      const at = performance.now();
      // The fake records the post and emits synchronously, so the newest entry is this one.
      const post = fake.responses[fake.responses.length - 1];
      const waiter = post && this.pending.get(post.id);
      if (!post || !waiter) return;
      this.pending.delete(post.id);
      waiter.done({ at, ok: waiter.check(post.body) });
    });
  }

  expect(id: string, check: PendingReply["check"]): Promise<{ at: number; ok: boolean } | "timeout"> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve("timeout");
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, {
        check,
        done: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
      });
    });
  }

  /** No reply will come (the command was refused or never arrived): stop waiting for one. */
  forget(id: string): void {
    this.pending.get(id)?.done({ at: Number.NaN, ok: false });
    this.pending.delete(id);
  }
}

function post(url: string, agent: Agent, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/slack/events`,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * `warmup` + `count` commands with `concurrency` in flight: each worker sends one, waits for its
 * HTTP answer (the ack) and for its response_url post (the reply), then sends the next. Only the
 * last `count` are timed; wall time runs from the first timed request to the last timed reply.
 */
async function runLoad(fake: FakeSlack, watcher: ReplyWatcher, load: LoadRequest): Promise<RunResult> {
  const slack = new SlackClientSimulator({ appUrl: load.url, signingSecret: load.signingSecret, fake });
  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const check = EXPECTED[load.expected];
  const total = load.warmup + load.count;
  const result: RunResult = { ackMs: [], replyMs: [], errors: [], wallMs: 0 };
  let next = 0;
  let measuringSince: number | undefined;
  let lastReply = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const timed = index >= load.warmup;
      const failed = (error: string) => result.errors.push(timed ? error : `(warm-up) ${error}`);
      const user = COMMAND_USERS[index % COMMAND_USERS.length] as string;
      const fields = slack.commandFields(user, "/hub", "help", COMMAND_CHANNEL);
      const replyId = (fields.response_url ?? "").split("/").pop() ?? "";
      const body = formBody(fields);
      const headers = signedHeaders(load.signingSecret, body);
      const reply = watcher.expect(replyId, check);
      const start = performance.now();
      if (timed) measuringSince ??= start;
      let answer: { status: number; body: string };
      try {
        answer = await post(load.url, agent, body, headers);
      } catch (error) {
        watcher.forget(replyId);
        failed(`request failed: ${(error as Error).message}`);
        continue;
      }
      if (timed) result.ackMs.push(performance.now() - start);
      if (answer.status !== 200) {
        watcher.forget(replyId);
        failed(`HTTP ${answer.status}: ${answer.body.slice(0, 120)}`);
        continue;
      }
      const outcome = await reply;
      if (outcome === "timeout") {
        failed(`no response_url post within ${REPLY_TIMEOUT_MS} ms`);
        continue;
      }
      if (!outcome.ok) failed("the response_url post was not the expected help reply");
      if (timed) {
        result.replyMs.push(outcome.at - start);
        lastReply = Math.max(lastReply, outcome.at);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, total) }, worker));
  result.wallMs = measuringSince === undefined ? 0 : lastReply - measuringSince;
  agent.destroy();
  // Every reply of this run has arrived or timed out: drop the fake's records so they don't pile up.
  fake.responses.length = 0;
  fake.messages.length = 0;
  fake.calls.length = 0;
  return result;
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("bench/slack-side.ts runs in a worker thread started by bench/ack-latency.ts");
  const fake = await new FakeSlack().start();
  const watcher = new ReplyWatcher(fake);
  const send = (message: FromSlackSide) => port.postMessage(message);
  port.on("message", (message: ToSlackSide) => {
    if (message.type === "stop") {
      void fake.stop().then(() => {
        send({ type: "stopped" });
        port.close();
      });
      return;
    }
    runLoad(fake, watcher, message).then(
      (result) => send({ type: "result", result }),
      (error: unknown) => send({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ type: "ready", apiUrl: fake.apiUrl });
}

void serve();
