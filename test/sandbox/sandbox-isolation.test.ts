import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * With Slack credentials the sandbox must not load: src/main.ts reaches it only through a dynamic
 * import in the no-credentials branch. This walks the static (value) imports from src/main.ts.
 */

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, "index.ts")].find(
    (candidate) => existsSync(candidate) && candidate.endsWith(".ts"),
  );
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      const target = resolveModule(file, match[1] ?? "");
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe("the sandbox's isolation", () => {
  it("is not part of what src/main.ts loads before it knows there are no credentials", () => {
    const loaded = [...staticGraph("src/main.ts")].map((file) => relative(process.cwd(), file));
    expect(loaded).toContain("src/slack/app.ts");
    expect(loaded.filter((file) => file.startsWith("src/sandbox/") || file.startsWith("prisma/"))).toEqual([]);
    expect(readFileSync("src/main.ts", "utf8")).toContain('await import("./sandbox/sandbox")');
  });
});
