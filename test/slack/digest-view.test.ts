import { describe, expect, it } from "vitest";
import { emptyContext } from "../../src/sandbox/page/render-context";
import { renderMrkdwn } from "../../src/sandbox/page/render-mrkdwn";
import type { DigestAudience } from "../../src/services/digest/digest-content";
import { digestMessage, digestPeople } from "../../src/slack/views/digest-view";
import { expectWithinSlackLimits } from "../support/block-limits";
import { visibleText } from "../support/harness";
import { AMP, board, content, deal, five, fullWeek, goal, list, practice, row, shoutout } from "./digest-fixtures";

const textOf = (message: { blocks?: unknown[] }) => visibleText(message.blocks);

describe("weekly digest view", () => {
  it("a full week at maximum sizes stays within Slack's limits, chart included", () => {
    for (const audience of [
      { kind: "program" },
      { kind: "partner", partnerId: 1, partnerName: AMP(200) },
    ] as DigestAudience[]) {
      const message = digestMessage(fullWeek(audience), { chartFileId: "F0CHART", names: new Map() });
      expectWithinSlackLimits(message);
      const text = textOf(message);
      expect(text).toContain("…and 1234 more");
      expect(text).toContain("…and 99 more");
      expect(text).toContain("*New registrations* · 1239");
      expect(message.blocks?.some((block) => block.type === "image")).toBe(true);
    }
  });

  it("shows the week's lists, five lines at most, and the leaderboard with movement", () => {
    const week = content({
      registrations: list(
        five((i) => deal(i)),
        2,
      ),
      won: list([deal(30, { customerName: "Initech", stage: "won", amountMinor: 1_250_000 })]),
      leaderboard: board([row(1, "Acme Resellers"), row(2, "Globex", { movement: { kind: "down", by: 1 } })]),
      goals: list([goal(1)]),
      practices: list([practice(1, { title: "Price objections" })]),
      shoutouts: list([shoutout(1, { message: "joint demo" })]),
    });
    const message = digestMessage(week, {
      names: new Map([
        ["U0ADMIN", "Ada"],
        ["U0PARTNERA", "Pat"],
      ]),
    });
    const text = textOf(message);
    expect(text).toContain("Weekly digest");
    expect(text).toContain("Nov 23 – Nov 29, 2026");
    expect(text).toContain("Customer 5");
    expect(text).toContain("…and 2 more");
    expect(text).toContain("*Initech* · Acme Resellers · USD 12,500.00");
    expect(text).toContain("*1.* Acme Resellers — USD 9,990.00 · :arrow_up_small: 1");
    expect(text).toContain(":arrow_down_small: 1");
    expect(text).toContain("▓▓▓░░░░░░░ 30 %");
    expect(text).toContain("*Price objections* · :thumbsup: 4 · by Pat");
    expect(text).toContain("Ada → Pat: “joint demo”");
    // Named, not mentioned: a weekly post pings nobody.
    expect(JSON.stringify(message)).not.toMatch(/<@U/);
    expect(message.blocks?.some((block) => block.type === "image")).toBe(false);
    expect(digestPeople(week).sort()).toEqual(["U0ADMIN", "U0PARTNERA"]);
  });

  it("a quiet week is a short, friendly post, not an empty skeleton", () => {
    const message = digestMessage(content({ quiet: true }));
    expectWithinSlackLimits(message);
    const text = textOf(message);
    expect(text).toContain("A quiet week in the partner network");
    expect(text).not.toMatch(/New registrations|Deals won|Leaderboard|Shout-outs ·/);
    expect(message.blocks?.length).toBeLessThanOrEqual(6);
    expect(message.text).toBe("Weekly digest, Nov 23 – Nov 29, 2026: a quiet week.");
  });

  it("a partner's view is titled for the partner, shows no partner column and says what it covers", () => {
    const audience: DigestAudience = { kind: "partner", partnerId: 1, partnerName: "Acme Resellers" };
    const message = digestMessage(
      content(
        {
          won: list([deal(1, { customerName: "Initech", stage: "won" })]),
          leaderboard: board([row(1, "Globex", { showAmount: false }), row(2, "Acme Resellers", { mine: true })], {
            hiddenAmounts: true,
          }),
        },
        audience,
      ),
    );
    const text = textOf(message);
    expect(text).toContain("Acme Resellers · weekly digest");
    expect(text).toContain("• *Initech* · USD 5,000.00");
    expect(text).toContain("*1.* Globex — rank only");
    expect(text).toContain("*Acme Resellers* (your company)");
    expect(text).toContain("Other partners' amounts are private");
    expect(text).toContain("Acme Resellers's own deals and goals");
    expect(digestMessage(content({ quiet: true }, audience)).text).toContain("Acme Resellers · weekly digest");
    expect(textOf(digestMessage(content({ quiet: true }, audience)))).toContain("A quiet week for Acme Resellers");
  });

  it("the manager DM lists what waits, or says nothing does", () => {
    const audience: DigestAudience = { kind: "manager", userId: "U0ADMIN" };
    const queue = {
      waiting: list(
        five((i) => deal(i)),
        6,
      ),
      conflicts: list([deal(9, { status: "conflict", partnerName: "Globex" })]),
      extensionRequests: list([]),
      goalsAtRisk: list([goal(1, { partnerName: "Acme Resellers" })]),
    };
    const message = digestMessage(
      content({ queue, registrations: list([deal(1)], 8), won: list([deal(2)]) }, audience),
    );
    expectWithinSlackLimits(message);
    const text = textOf(message);
    expect(text).toContain("What waits for you");
    expect(text).toContain("*Waiting for your decision* · 11");
    expect(text).toContain("…and 6 more");
    expect(text).toContain("*Conflicts to resolve* · 1");
    expect(text).toContain("Globex");
    expect(text).not.toContain("Extension requests");
    expect(text).toContain("*Goals at risk* · 1");
    expect(text).toContain("/hub digest me off");
    expect(text).toContain("The week in the network: 9 new registrations, 1 deal won.");
    expect(message.text).toBe("What waits for you: 11 registrations to decide, 1 conflict, 1 goal at risk.");
    const empty = digestMessage(
      content({ queue: { ...queue, waiting: list([]), conflicts: list([]), goalsAtRisk: list([]) } }, audience),
    );
    expect(textOf(empty)).toContain("Nothing waits for you this week");
    expect(empty.text).toBe("What waits for you: nothing this week.");
    const full = digestMessage(
      content(
        {
          queue: {
            waiting: list(
              five((i) => deal(i, { customerName: AMP(120), partnerName: AMP(120) })),
              500,
            ),
            conflicts: list(
              five((i) => deal(i, { customerName: AMP(120), partnerName: AMP(120) })),
              500,
            ),
            extensionRequests: list(
              five((i) => deal(i, { customerName: AMP(120), partnerName: AMP(120) })),
              500,
            ),
            goalsAtRisk: list(
              five((i) => goal(i, { partnerName: AMP(200) })),
              500,
            ),
          },
        },
        audience,
      ),
    );
    expectWithinSlackLimits(full);
  });

  it("escapes user text: names, titles and messages show literally and ping no one", () => {
    const evil = "<!channel> *bx* _ix_ `cx` <https://evil.example|click> <@U9TYPED> &lt;";
    const message = digestMessage(
      content({
        registrations: list([deal(1, { customerName: evil, partnerName: evil })]),
        won: list([deal(2, { customerName: evil, partnerName: evil, stage: "won" })]),
        leaderboard: board([row(1, evil)]),
        goals: list([goal(1, { ownerLabel: evil, partnerName: evil })]),
        atRisk: list([goal(1, { partnerName: evil })]),
        practices: list([practice(1, { title: evil })]),
        shoutouts: list([shoutout(1, { message: evil, award: evil })]),
      }),
      {
        names: new Map([
          ["U0ADMIN", evil],
          ["U0PARTNERA", evil],
        ]),
      },
    );
    for (const text of mrkdwnTexts(message)) {
      expect(text).not.toMatch(/<!channel>|<https:\/\/evil|<@U9TYPED>/);
      const html = renderMrkdwn(text, emptyContext());
      expect(html).not.toMatch(/<b>bx<\/b>|<i>ix<\/i>|<code>cx<\/code>|href="https:\/\/evil/);
    }
  });

  it("the text fallback says the week in counts, link-free, without mentions, escaped", () => {
    const evil = "Acme <https://evil.example|x> <@U9TYPED> & Co";
    const week = fullWeek();
    const message = digestMessage(
      {
        ...week,
        leaderboard: board([row(1, evil)]),
        practices: list([practice(1)]),
        shoutouts: list([shoutout(1, { message: "see https://evil.example" })]),
      },
      { chartFileId: "F0CHART" },
    );
    expect(message.text).toBe(
      "Weekly digest, Nov 23 – Nov 29, 2026: 1,239 new registrations, 12 conflicts, 104 deals won, 1 new practice, 1 shout-out. Acme &lt;https://evil.example|x&gt; &lt;@U9TYPED&gt; &amp; Co leads the week.",
    );
    expect(message.text).not.toMatch(/<(https?:|@|#|!)/);
  });
});

function mrkdwnTexts(message: { text: string; blocks?: unknown[] }): string[] {
  const found = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const object = node as Record<string, unknown>;
      if (object.type === "mrkdwn" && typeof object.text === "string") found.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}
