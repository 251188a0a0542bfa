import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyContext } from "../../src/sandbox/page/render-context";
import { renderMrkdwn } from "../../src/sandbox/page/render-mrkdwn";
import { payloadBody } from "../../src/sandbox/slack-signer";
import { ACTIONS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { registerDeal } from "./outbox-fixtures";

/**
 * Every command and subcommand, fed what people type to break things, as an admin and as a partner
 * member: each answer is acked, arrives, fits Slack's limits, shows the input without turning it
 * into markup, and a refusal leaves the database as it was. Inputs are written as Slack sends them:
 * typed & < > arrive as entities, real mentions and links as `<...>`.
 */
const INPUTS: Record<string, string> = {
  "long word (3,100)": "Ab".repeat(1550),
  "long words (3,100)": "Acme ".repeat(620),
  unicode: "Ünïcødé 漢字 😀 e\u0301 Ωmega",
  rtl: "שלום עולם مرحبا \u202Eevil\u202C",
  "zero-width": "Ac\u200Bme\u200D\uFEFF Co",
  nul: "Ac\u0000me Nul",
  "slack markup": "<!channel> <!here|here> <@U1> <#C1> <https://x.example|y>",
  "typed markup": "&lt;!channel&gt; &lt;@U9TYPED&gt; &lt;#C9TYPED&gt; &lt;https://evil.example|click&gt;",
  formatting: "*bx* _ix_ ~sx~ `cx`",
  entities: "&amp;amp; &amp;lt;",
  "120 ampersands": "&amp;".repeat(120),
  "closing curly quote": "x” &lt;@U9TYPED&gt; “y”",
  "beyond int32": "2147483648",
};

/** `{}` is where the input goes. */
const COMMANDS: Record<string, string[]> = {
  "/hub": [
    "{}",
    "help {}",
    "role {}",
    "role <@U0PARTNERB> {}",
    "approvals {}",
    "launcher {}",
    "status {}",
    "settings {}",
    "timezone {}",
    "currency {}",
    "protection {}",
    "settings approval-reminder {}",
    "shoutouts channel {}",
    "rates {}",
    "rates EUR {}",
    "rates EUR 1.08 {}",
    "settings leaderboard-amounts {}",
    "digest {}",
    "digest here {}",
    "digest here monday {}",
    "digest here tz:{}",
    "digest off {}",
    "digest preview {}",
    "digest me {}",
    "digest me off {}",
    "rules {}",
    "rules edit {}",
    "rules reset {}",
    "audit {}",
    "audit 5 {}",
    "audit <@U0PARTNERA> {}",
  ],
  "/deal": [
    "{}",
    "help {}",
    "list {}",
    "list partner {}",
    "list partner {} won",
    "find {}",
    "edit {}",
    "history {}",
    "export {}",
    "export won partner {}",
    "export since:{}",
    "show {}",
    "7 {}",
  ],
  "/partner": [
    "{}",
    "help {}",
    "add {}",
    "add Fuzz region:{}",
    "add Fuzz tier:{}",
    "list {}",
    "assign {}",
    "assign <@U0PARTNERB> {}",
    "members {}",
    "channel {}",
    "channel <#C0PARTNERB|partner-globex> {}",
    "remove {}",
    "remove <@U0PARTNERB> {}",
    "export {}",
    "apply {}",
    "applications {}",
    "program {}",
    "program grace {}",
    "program edit {}",
    "onboarding {}",
    "show {}",
    "scorecard {}",
    // A name matching a partner opens the review modal (no reply to check): "Nobody" matches none.
    "review Nobody {}",
    "resources {}",
    "resources add {}",
    "resources remove {}",
    "training {}",
    "tiers {}",
  ],
  "/practice": ["{}", "help {}", "search {}", "top {}", "tag {}", "mine {}"],
  "/shoutout": ["{}", "help {}", "<@U0PARTNERB> {}", "<@U0PARTNERB> thanks for {} #win-together", "partner:{} thanks"],
  "/goal": ["{}", "help {}", "list {}", "remove {}"],
  "/leaderboard": ["{}", "month {}", "region:{}", "tier:{} people", "{} chart"],
};

const ACTORS = { admin: "U0ADMIN", member: "U0PARTNERA" };

/** What the input would become if the reply took any of it as mrkdwn. */
const LEAKS = [
  /<b>bx<\/b>/,
  /<i>ix<\/i>/,
  /<s>sx<\/s>/,
  /<code>cx<\/code>/,
  /class="mention[^"]*"[^>]*>@(channel|here|everyone)/,
  /<a [^>]*href="https:\/\/(x|evil)\.example/,
];

function mrkdwnTexts(body: Record<string, unknown>): string[] {
  const found: string[] = typeof body.text === "string" ? [body.text] : [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const object = node as Record<string, unknown>;
      if (object.type === "mrkdwn" && typeof object.text === "string") found.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(body.blocks);
  return found;
}

/** What a refusal must leave as it was. */
const COUNTED_TABLES = [
  "Workspace",
  "Partner",
  "Member",
  "Deal",
  "DealEvent",
  "AuditEntry",
  "OutboxMessage",
  "IdempotencyKey",
  "Practice",
  "PracticeTag",
  "PracticeVote",
  "Shoutout",
  "ShoutoutRecipient",
  "DigestSubscription",
  "PartnerApplication",
  "OnboardingStep",
  "TierReview",
  "Resource",
  "TrainingCompletion",
  "ScorecardReview",
  "ProgramConfig",
];

let h: Harness;
let tables: () => Promise<number[]>;
beforeAll(async () => {
  h = await startHarness({ hubAdmins: [ACTORS.admin] });
  await h.command(ACTORS.admin, "/partner", "add Acme");
  await h.command(ACTORS.admin, "/partner", `assign <@${ACTORS.member}> Acme`);
  const db = h.hub.db;
  // One round trip for every count: this runs before (and after) each of the 2,000-odd cases.
  const counted = COUNTED_TABLES.map((table) => `(SELECT COUNT(*) FROM "${table}") AS "${table}"`).join(", ");
  tables = async () => {
    const [row] = await db.$queryRawUnsafe<Record<string, number | bigint>[]>(`SELECT ${counted}`);
    return COUNTED_TABLES.map((table) => Number(row?.[table]));
  };
});
afterAll(async () => {
  await h.close();
});

describe("fuzzed input to every command", () => {
  for (const [command, templates] of Object.entries(COMMANDS)) {
    for (const template of templates) {
      for (const [role, userId] of Object.entries(ACTORS)) {
        describe(`${role}: ${command} ${template}`, () => {
          for (const [inputName, input] of Object.entries(INPUTS)) {
            it(inputName, async () => {
              const before = await tables();
              // h.command checks the HTTP 200 ack, waits for the reply and checks Slack's limits.
              const reply = await h.command(userId, command, template.replace("{}", input));
              expect(reply.text).not.toContain("Something went wrong");
              if (inputName === "beyond int32" && /^\/deal (\{\}|show|history|edit)/.test(`${command} ${template}`)) {
                expect(reply.text).toContain("There is no deal #2147483648 that you can see.");
              }
              for (const text of mrkdwnTexts(reply.body)) {
                expect(text).not.toMatch(/<!(channel|here|everyone)|<https?:\/\/(x|evil)\.example/);
                if (/typed markup|curly/.test(inputName)) expect(text).not.toMatch(/<@U9TYPED>|<#C9TYPED>/);
                const html = renderMrkdwn(text, emptyContext());
                for (const leak of LEAKS) expect(html).not.toMatch(leak);
              }
              if (/:no_entry_sign:|:warning:/.test(reply.text)) expect(await tables()).toEqual(before);
            });
          }
        });
      }
    }
  }
});

/** A click on a button of an ephemeral reply, with whatever value a forged or stale client sends. */
async function click(userId: string, actionId: string, value: string): Promise<string> {
  const index = h.fake.responses.length;
  const payload = {
    type: "block_actions",
    user: { id: userId, username: userId, name: userId, team_id: h.fake.directory.team.id },
    api_app_id: h.fake.directory.appId,
    token: "verification-token-unused",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0SALES", is_ephemeral: true },
    trigger_id: h.fake.issueTrigger(userId),
    team: { id: h.fake.directory.team.id, domain: h.fake.directory.team.domain },
    channel: { id: "C0SALES", name: "sales" },
    response_url: h.fake.issueResponseUrl({ channel: "C0SALES", userId }),
    actions: [{ type: "button", action_id: actionId, block_id: "fuzz", value, action_ts: "1700000000.000200" }],
  };
  const answer = await h.slack.post(payloadBody(payload));
  expect(answer.status).toBe(200);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return visibleText(body.blocks ?? body.text);
}

describe("ids and names at the Slack boundary", () => {
  it("answers deal numbers beyond PostgreSQL's int32 as a deal nobody can see", async () => {
    for (const text of ["2147483648", "#2147483648", "show 2147483648", "history #2147483648"]) {
      expect((await h.command(ACTORS.admin, "/deal", text)).text).toContain(
        "There is no deal #2147483648 that you can see.",
      );
    }
    expect((await h.command(ACTORS.admin, "/deal", "99999999999999999999999")).text).toContain(
      "There is no deal #99999999999999999999999 that you can see.",
    );
  });

  it("answers deal buttons carrying an id beyond int32 the same way", async () => {
    for (const [actionId, value] of [
      [ACTIONS.markWon, "2147483648"],
      [ACTIONS.approveDeal, "2147483648"],
      [ACTIONS.advanceStage, "2147483648:proposal"],
    ] as const) {
      expect(await click(ACTORS.admin, actionId, value)).toContain("There is no deal #2147483648 that you can see.");
    }
    expect(await click(ACTORS.admin, ACTIONS.markWon, "<!channel>")).toContain("That button is out of date");
  });

  it("pages a partner's deals by the partner's id, however long the typed name was", async () => {
    for (let i = 1; i <= 11; i++) await registerDeal(h.hub, ACTORS.member, `Pager Customer ${i}`, "C0SALES");
    // Names are compared by their key, so "Acme" and three thousand dots after it name the same partner.
    const listed = await h.command(ACTORS.admin, "/deal", `list partner Acme${".".repeat(3000)} all`);
    expect(listed.text).toContain("Page 1 of 2");
    const blocks = listed.body.blocks as { elements?: { action_id?: string; value?: string }[] }[];
    const older = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTIONS.dealListOlder);
    const value = older?.value ?? "";
    const partner = await h.hub.db.partner.findFirst({ where: { name: "Acme" } });
    expect(JSON.parse(value)).toEqual({ f: "all", n: 2, p: partner?.id });
    const page2 = await click(ACTORS.admin, ACTIONS.dealListOlder, value);
    expect(page2).toContain("Page 2 of 2");
    expect(page2).toContain("Pager Customer 1");
    // Acme's own people may page Acme's deals; another partner's id is refused.
    expect(await click(ACTORS.member, ACTIONS.dealListOlder, value)).toContain("Page 2 of 2");
    await h.command(ACTORS.admin, "/partner", "add Initrode");
    const other = await h.hub.db.partner.findFirstOrThrow({ where: { name: "Initrode" } });
    expect(
      await click(ACTORS.member, ACTIONS.dealListOlder, JSON.stringify({ f: "all", n: 2, p: other.id })),
    ).toContain("Only managers and admins can list another partner's deals.");
  });

  it("drops a NUL typed in a name, so both databases store the same name", async () => {
    const added = await h.command(ACTORS.admin, "/partner", "add Nul\u0000Co region:EM\u0000EA");
    expect(added.text).toContain("Added *NulCo* · EMEA");
    expect(await h.hub.db.partner.findFirst({ where: { name: "NulCo" } })).toMatchObject({ region: "EMEA" });
  });
});
