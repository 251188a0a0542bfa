import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, GOAL_BLOCKS, VIEWS } from "../../src/slack/ids";
import { AUDIT_ACTIONS } from "../../src/slack/views/audit-view";
import { localDateTime } from "../../src/slack/views/slack-date";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness } from "../support/harness";
import { APPROVALS } from "./outbox-fixtures";
import { cardIn, cardShows, clickCard, practiceValues, sharePractice } from "./practices-fixtures";

const ADMIN = "U0ADMIN";
const MANAGER = "U0MANAGER";
const SALES = "C0SALES";
/** The admin's own zone in the fake Slack directory: "when" is shown in it. */
const ADMIN_ZONE = "Europe/Berlin";
/** "*2026-11-16 13:00 CET*": one entry's time, at the start of each line. */
const ENTRY = /\*\d{4}-\d\d-\d\d \d\d:\d\d [^*\n]+\*/g;

let h: Harness;

function entries(text: string): number {
  return text.match(ENTRY)?.length ?? 0;
}

async function audit(text = "", userId = ADMIN) {
  return h.command(userId, "/hub", `audit ${text}`.trim(), APPROVALS);
}

/** Sets a goal through `/goal` and its modal, as a manager does. */
async function setGoal(): Promise<void> {
  const opened = h.fake.callsOf("views.open").length;
  expect((await h.slack.command(MANAGER, "/goal", "", SALES)).status).toBe(200);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the goal modal");
  expect(h.fake.topModal(MANAGER)?.view.callback_id).toBe(VIEWS.setGoal);
  const saved = await h.slack.submitView(MANAGER, {
    [`${GOAL_BLOCKS.owner}.value`]: "tier:registered",
    [`${GOAL_BLOCKS.metric}.value`]: "deals",
    [`${GOAL_BLOCKS.period}.value`]: "this-month",
    [`${GOAL_BLOCKS.target}.value`]: "3",
  });
  expect(saved.status).toBe(200);
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: [ADMIN] });
  // Changes from several features, by two people: each leaves one audit entry.
  await h.command(ADMIN, "/hub", "approvals <#C0APPROVALS|deal-approvals>", APPROVALS);
  await h.command(ADMIN, "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command(ADMIN, "/partner", "add Acme Resellers region:EMEA tier:gold", APPROVALS);
  await h.command(ADMIN, "/partner", "assign <@U0PARTNERA> Acme Resellers", APPROVALS);
  await h.command(ADMIN, "/hub", "timezone Europe/Paris", APPROVALS);
  await h.command(ADMIN, "/hub", "rates EUR 1.08", APPROVALS);
  await h.command(ADMIN, "/hub", "shoutouts allowance 4", APPROVALS);
  await h.command(ADMIN, "/hub", "digest here", SALES);
  await setGoal();
  const title = "Audit trail roundtable";
  await sharePractice(h, "U0PARTNERA", SALES, practiceValues({ "practice_title.value": title }));
  const card = await cardIn(h, SALES, title);
  await clickCard(h, MANAGER, card, ACTIONS.practiceDelete);
  await cardShows(h, card, "This practice was deleted");
});
afterAll(async () => {
  await h?.close();
});

describe("/hub audit", () => {
  it("is for admins only, whatever follows", async () => {
    for (const userId of [MANAGER, "U0PARTNERA", "U0EXTERNAL"]) {
      for (const text of ["", "5", "frobnicate"]) {
        const reply = await audit(text, userId);
        expect(reply.text).toContain("Only admins can see the audit log.");
        expect(reply.text).not.toContain("Audit log");
      }
    }
  });

  it("shows each feature's changes as readable sentences, newest first, in the admin's own zone", async () => {
    const reply = await audit();
    expect(reply.body.response_type).toBe("ephemeral");
    for (const sentence of [
      "<@U0ADMIN> chose the approvals channel · <#C0APPROVALS>",
      "<@U0ADMIN> changed someone's role · <@U0MANAGER> · _from: member, to: manager_",
      "<@U0ADMIN> added a partner company · partner #",
      "name: Acme Resellers, region: EMEA, tier: gold",
      "<@U0ADMIN> put someone in a partner company · <@U0PARTNERA>",
      "<@U0ADMIN> changed a program setting",
      "timezone: Europe/Paris",
      "<@U0ADMIN> set an exchange rate · EUR · _rate: 1.08",
      "<@U0ADMIN> changed the recognition settings",
      "shoutoutAllowance: 4",
      "<@U0ADMIN> set up a weekly digest · <#C0SALES>",
      "<@U0MANAGER> set a goal · goal #",
      "<@U0MANAGER> deleted a best practice · practice #",
      "title: Audit trail roundtable",
    ]) {
      expect(reply.text).toContain(sentence);
    }
    expect(reply.text).not.toContain("recorded `");
    expect(reply.text).toContain(`times in ${ADMIN_ZONE}`);
    const newest = await h.hub.db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    const oldest = await h.hub.db.auditEntry.findFirstOrThrow({ orderBy: { id: "asc" } });
    const lines = reply.text.split("\n").filter((line) => entries(line) === 1);
    expect(lines[0]).toContain(
      `*${localDateTime(newest.createdAt, ADMIN_ZONE)}* · <@U0MANAGER> deleted a best practice`,
    );
    expect(lines.at(-1)).toContain(localDateTime(oldest.createdAt, ADMIN_ZONE));
    expect(lines).toHaveLength(await h.hub.db.auditEntry.count());
  });

  it("filters by person and by topic, alone or together", async () => {
    const manager = await audit("<@U0MANAGER|max>");
    expect(entries(manager.text)).toBe(2);
    expect(manager.text).toContain("set a goal");
    expect(manager.text).toContain("deleted a best practice");
    expect(manager.text).toContain("by <@U0MANAGER>");

    const goals = await audit("goal");
    expect(entries(goals.text)).toBe(1);
    expect(goals.text).toContain("set a goal");
    expect(goals.text).toContain("about goals");

    const settings = await audit("settings");
    expect(entries(settings.text)).toBe(4);
    expect(settings.text).not.toContain("added a partner company");

    expect(entries((await audit("rates")).text)).toBe(1);
    expect(entries((await audit("digest")).text)).toBe(1);
    expect(entries((await audit("ROLE")).text)).toBe(1);
    expect(entries((await audit("partners")).text)).toBe(2);
    expect(entries((await audit("1 partner")).text)).toBe(1);
    expect(entries((await audit("<@U0ADMIN> goal")).text)).toBe(0);
    expect((await audit("<@U0ADMIN> goal")).text).toContain("No entries by <@U0ADMIN> about goals.");
  });

  it("refuses what it does not understand, showing it literally", async () => {
    const unknown = await audit("frobnicate");
    expect(unknown.text).toContain("“frobnicate” is not a number, a person or a topic.");
    expect(unknown.text).toContain("/hub audit [n]");
    expect((await audit("0")).text).toContain("Ask for 1 entry or more.");
    expect((await audit("-3")).text).toContain("is not a number, a person or a topic.");
    expect((await audit("5 6")).text).toContain("Give one number.");
    expect((await audit("goal rates")).text).toContain("Give one topic.");
    expect((await audit("<@U0ADMIN> <@U0MANAGER>")).text).toContain("Mention one person.");
  });

  it("shows 20 by default, n when asked, and at most 100 in one message within Slack's limits", async () => {
    const workspaceId = (await h.hub.db.workspace.findFirstOrThrow()).id;
    for (let i = 0; i < 120; i++) {
      await h.hub.store.audit.record({
        workspaceId,
        actor: ADMIN,
        action: "exchange_rate.set",
        target: "GBP",
        data: { rate: i },
      });
    }
    const standard = await audit();
    expect(entries(standard.text)).toBe(20);
    expect(standard.text).toContain("rate: 119");
    expect(standard.text).not.toContain("_rate: 99_");
    expect(standard.text).toContain("`/hub audit 100` shows more.");

    expect(entries((await audit("3")).text)).toBe(3);
    expect(entries((await audit("100")).text)).toBe(100);

    const most = await audit("2147483648");
    expect(entries(most.text)).toBe(100);
    expect(most.text).toContain("_rate: 20_");
    expect(most.text).toContain("Showing the latest 100");
    expectWithinSlackLimits(most.body);
    expect((most.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it("shows an action it does not know by its name, with its details escaped and cut", async () => {
    const workspaceId = (await h.hub.db.workspace.findFirstOrThrow()).id;
    await h.hub.store.audit.record({
      workspaceId,
      actor: ADMIN,
      action: "legacy.cleanup",
      target: "<!channel>",
      data: { note: "<!channel> *bold* <https://evil.example|click>", long: "x".repeat(1000) },
    });
    const shown = await audit("1");
    expect(entries(shown.text)).toBe(1);
    expect(shown.text).toContain("<@U0ADMIN> recorded `legacy.cleanup` · &lt;!channel&gt;");
    expect(shown.text).toContain("note: &lt;!channel&gt;");
    expect(JSON.stringify(shown.body)).not.toMatch(/<!channel>|<https:\/\/evil|\*bold\*/);
    expect(shown.text).toContain("x…");
    expect(shown.text.length).toBeLessThan(800);
  });

  it("has a sentence for every action the services record", () => {
    const recorded = new Set<string>();
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith(".ts")) {
          const source = readFileSync(path, "utf8");
          for (const call of source.matchAll(/audit\.record\(\{[^}]*?action: "([^"]+)"/gs)) recorded.add(call[1] ?? "");
        }
      }
    };
    walk(join(__dirname, "../../src/services"));
    expect(recorded.size).toBeGreaterThanOrEqual(15);
    for (const action of recorded) expect(AUDIT_ACTIONS, action).toHaveProperty([action]);
  });

  it("is in /hub help for admins only", async () => {
    expect((await h.command(ADMIN, "/hub", "help")).text).toContain("/hub audit 50 @dana goal");
    expect((await h.command(MANAGER, "/hub", "help")).text).not.toContain("/hub audit");
  });
});
