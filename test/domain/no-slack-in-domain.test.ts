import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/slack/manifest";

/**
 * The rules and use cases say why they refuse with codes; how that reads in Slack (slash
 * commands, mentions, mrkdwn) is written in the Slack layer. This reads every string and
 * template literal under src/domain and src/services (comments may name commands) for Slack.
 */
const ROOT = join(import.meta.dirname, "../..");
const SCANNED = ["src/domain", "src/services"];

const commands = (
  readManifest() as { features: { slash_commands: { command: string }[] } }
).features.slash_commands.map((entry) => entry.command);

const SLACK_MARKUP: [what: string, pattern: RegExp][] = [
  ["a command in backticks", /`\//],
  ["a user mention", /<@/],
  ["a channel mention", /<#/],
  ["*bold* mrkdwn", /(^|\s)\*[^\s*][^*]*\*(\s|[.,:;!?]|$)/],
  ["a slash command", new RegExp(`(^|[^\\w./])(${commands.join("|")})(?![\\w-])`)],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function literals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    // Module paths ("./deal-queries") are not text anyone reads.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("domain and services carry no Slack wording", () => {
  const files = SCANNED.flatMap(sourceFiles);

  it("finds the files it is meant to read", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(commands).toContain("/partner");
  });

  it("has no slash command, mention or mrkdwn in any string", () => {
    const offences = files.flatMap((path) =>
      literals(path).flatMap((text) =>
        SLACK_MARKUP.filter(([, pattern]) => pattern.test(text)).map(
          ([what]) => `${path}: ${what} in ${JSON.stringify(text)}`,
        ),
      ),
    );
    expect(offences).toEqual([]);
  });

  it("would catch the sentences that used to live here", () => {
    const caught = (text: string) => SLACK_MARKUP.some(([, pattern]) => pattern.test(text));
    expect(caught("ask a channel manager to run `/partner assign @you <company>`.")).toBe(true);
    expect(caught("already exists: see /partner list.")).toBe(true);
    expect(caught("by <@U123> on 2026-11-30.")).toBe(true);
    expect(caught("Deal approvals go to <#C123>.")).toBe(true);
    expect(caught("This is *important* now")).toBe(true);
    expect(caught("Choose the partner this deal is for.")).toBe(false);
    expect(caught("Europe/Berlin or America/New_York")).toBe(false);
  });
});
