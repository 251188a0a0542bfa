import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * Partner Hub started the way an operator starts it (`npm start`, `node dist/main.js`) as a real
 * child process, with its process tree read from /proc (Linux): shared by test/ops and
 * bench/startup.ts.
 */

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SIGNING_SECRET = "ops-signing-secret";
/**
 * Node's arguments for the production start, as in package.json's start:prod and the Dockerfile's
 * CMD (a test holds all three together). --optimize-for-size: see bench/README.md.
 */
export const PRODUCTION_NODE_ARGS = ["--optimize-for-size", "dist/main.js"];

export interface AppProcess {
  pid: number;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything it printed so far, for failure messages. */
  output(): string;
}

/** A port nothing listens on right now (the OS picks it; the app binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Environment for the app with bot-token credentials: the production configuration, not the sandbox. */
export function credentialsEnv(options: { slackApiUrl: string; databaseUrl: string; port: number }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("SLACK_")) delete env[name];
  return {
    ...env,
    SLACK_BOT_TOKEN: "xoxb-ops-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.slackApiUrl,
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    LOG_LEVEL: "warn",
  };
}

/**
 * Spawns `command` in its own process group, so a test can signal just the top process (as an
 * orchestrator does) and still clean up the whole group if something survives.
 */
export function startApp(command: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(command, args, { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return { pid: child.pid, port: Number(env.PORT), child, exited, output: () => output };
}

export async function healthStatus(port: number): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Milliseconds from `since` (performance.now()) until /healthz answers 200; throws if the app exits first. */
export async function waitHealthy(app: AppProcess, since: number, timeoutMs = 20_000): Promise<number> {
  let exitCode: number | null | undefined;
  void app.exited.then((code) => {
    exitCode = code;
  });
  while (performance.now() - since < timeoutMs) {
    if ((await healthStatus(app.port)) === 200) return performance.now() - since;
    if (exitCode !== undefined) throw new Error(`the app exited (${exitCode}) before it was healthy:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`/healthz was not 200 within ${timeoutMs} ms:\n${app.output()}`);
}

interface ProcStat {
  pid: number;
  ppid: number;
  state: string;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: split after its last ")".
    const [state = "", ppid = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

/** True while `pid` exists and is not a zombie (exited, waiting to be reaped). */
export function isRunning(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== "Z";
}

/** `root` and every live descendant of it. */
export function processTree(root: number): number[] {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined && stat.state !== "Z");
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const stat of stats) if (stat.ppid === tree[i]) tree.push(stat.pid);
  }
  return tree.filter(isRunning);
}

/** VmRSS of one process in kB (0 once it is gone). */
export function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Waits until none of `pids` runs; returns the ones still running after `timeoutMs`. */
export async function waitGone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = performance.now() + timeoutMs;
  let alive = pids.filter(isRunning);
  while (alive.length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    alive = alive.filter(isRunning);
  }
  return alive;
}

/** Last resort after a failed run: SIGKILL whatever is left of the app's process group. */
export function killGroup(app: AppProcess): void {
  try {
    process.kill(-app.pid, "SIGKILL");
  } catch {
    // The group is already gone.
  }
}
