import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, RULES_BLOCKS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, setUpPartners, TEAM } from "./outbox-fixtures";
import { lastEphemeral } from "./practices-fixtures";

/** What an admin types into Edit program rules: markup that must show literally, on several lines. */
const TYPED = "Register within *5 days* <!channel> & <@U0PARTNERB>\n> not a quote\nJoint deals: ask your manager.";

let h: Harness;

const rulesAudits = () => h.hub.db.auditEntry.findMany({ where: { action: "rules.update" }, orderBy: { id: "asc" } });
const storedRules = async () => (await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: TEAM } })).programRules;

/** Every mrkdwn text of a reply or view: where typed markup would fire. */
function mrkdwnOf(node: unknown): string {
  return JSON.stringify(node);
}

/** Opens Edit program rules with `/hub rules edit` and returns the modal. */
async function openEditor(userId: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/hub", "rules edit", "C0SALES");
  expect(answer.status).toBe(200);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the rules editor");
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(VIEWS.editRules);
  expectWithinSlackLimits(modal?.view ?? {});
  return modal;
}

async function saveRules(userId: string, text: string) {
  await openEditor(userId);
  const answer = await h.slack.submitView(userId, { [`${RULES_BLOCKS.text}.value`]: text });
  expect(answer.status).toBe(200);
  return answer.json as { response_action: string; errors?: Record<string, string>; view?: unknown };
}

/** The ephemeral answer to a click on a message's button. */
async function click(userId: string, message: { channel: string; ts: string }, actionId: string) {
  const index = h.fake.responses.length;
  const answer = await h.slack.messageAction(userId, message, actionId);
  expect(answer.status).toBe(200);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return { body, text: visibleText(body.blocks ?? body.text) };
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"] });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  await h.command("U0ADMIN", "/partner", "assign <@U0EXTERNAL> Acme Resellers", APPROVALS);
});
afterAll(async () => {
  await h?.close();
});

describe("/hub rules", () => {
  it("shows everyone the rules built from the live settings, with no edit for members", async () => {
    const shown = await h.command("U0PARTNERA", "/hub", "rules");
    expect(shown.body.response_type).toBe("ephemeral");
    expect(shown.text).toContain("Program rules");
    expect(shown.text).toContain("protects its customer for *90 days*");
    expect(shown.text).toContain("more than 2 working days");
    expect(shown.text).toContain("company values: Customer first, Win together, Own it, Raise the bar");
    expect(shown.text).toContain("up to 5 recipients a day");
    expect(shown.text).toContain("Conflicts");
    expect(shown.text).not.toContain("From the program's admins");
    expect(mrkdwnOf(shown.body)).not.toContain(ACTIONS.editRules);

    await h.command("U0ADMIN", "/hub", "protection 120");
    await h.command("U0ADMIN", "/hub", "shoutouts allowance 1");
    const after = await h.command("U0PARTNERA", "/hub", "rules");
    expect(after.text).toContain("protects its customer for *120 days*");
    expect(after.text).toContain("up to 1 recipient a day");
  });

  it("refuses edit and reset to managers and members, and changes nothing", async () => {
    const opened = h.fake.callsOf("views.open").length;
    for (const userId of ["U0MANAGER", "U0PARTNERA"]) {
      expect((await h.command(userId, "/hub", "rules edit")).text).toContain(
        "Only admins can change the program rules.",
      );
      expect((await h.command(userId, "/hub", "rules reset")).text).toContain(
        "Only admins can change the program rules.",
      );
    }
    expect((await h.command("U0ADMIN", "/hub", "rules frobnicate")).text).toContain("Usage: `/hub rules`");
    expect((await h.command("U0ADMIN", "/hub", "rules edit now")).text).toContain("Usage: `/hub rules`");
    expect(h.fake.callsOf("views.open")).toHaveLength(opened);
    expect(await rulesAudits()).toHaveLength(0);
    expect(await storedRules()).toBeNull();
  });

  it("lets an admin write the program's own rules in the modal: audited, shown literally to everyone", async () => {
    const tooLong = await saveRules("U0ADMIN", "x".repeat(2_901));
    expect(tooLong.response_action).toBe("errors");
    expect(tooLong.errors?.[RULES_BLOCKS.text]).toContain("at most 2,900 characters; this text has 2,901");
    expect(await storedRules()).toBeNull();
    await h.slack.closeView("U0ADMIN");

    const saved = await saveRules("U0ADMIN", `  ${TYPED}\r\n\n`);
    expect(saved.response_action).toBe("update");
    const modal = h.fake.topModal("U0ADMIN");
    expect(modal?.view.callback_id).toBe(VIEWS.rules);
    expectWithinSlackLimits(modal?.view ?? {});
    expect(visibleText(modal?.view.blocks)).toContain("Saved: everyone now sees your rules below");
    expect(await storedRules()).toBe(TYPED);
    const audits = await rulesAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor).toBe("U0ADMIN");
    expect(JSON.parse(audits[0]?.data ?? "{}")).toEqual({ text: TYPED, previous: null });

    // The editor opens again on what was saved; saving it unchanged records nothing.
    const again = await openEditor("U0ADMIN");
    expect(mrkdwnOf(again?.view)).toContain("Joint deals: ask your manager.");
    await h.slack.submitView("U0ADMIN", { [`${RULES_BLOCKS.text}.value`]: TYPED });
    expect(visibleText(h.fake.topModal("U0ADMIN")?.view.blocks)).toContain("Nothing changed");
    expect(await rulesAudits()).toHaveLength(1);

    const member = await h.command("U0PARTNERB", "/hub", "rules");
    expect(member.text).toContain("From the program's admins");
    expect(member.text).toContain("Joint deals: ask your manager.");
    const markup = mrkdwnOf(member.body);
    expect(markup).toContain("&lt;!channel&gt; &amp; &lt;@U0PARTNERB&gt;");
    expect(markup).not.toContain("<!channel>");
    expect(markup).not.toContain("<@U0PARTNERB>");
    expect(markup).not.toContain("*5 days*");
  });

  it("gives admins an Edit button on the rules, which opens the editor", async () => {
    await h.command("U0ADMIN", "/hub", "rules", "C0SALES");
    const answer = lastEphemeral(h, "U0ADMIN", "C0SALES");
    expect(JSON.stringify(answer.blocks)).toContain(ACTIONS.editRules);
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0ADMIN", { channel: answer.channel, ts: answer.ts }, ACTIONS.editRules);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the editor from Edit");
    expect(h.fake.topModal("U0ADMIN")?.view.callback_id).toBe(VIEWS.editRules);
    await h.slack.closeView("U0ADMIN");
  });

  it("shows the rules to a Slack Connect guest and a member from the launcher's Program rules button", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    for (const userId of ["U0EXTERNAL", "U0PARTNERA"]) {
      const shown = await click(userId, { channel: ACME, ts: launcher.ts }, ACTIONS.showRules);
      expect(shown.body.response_type).toBe("ephemeral");
      expect(shown.text).toContain("protects its customer for *120 days*");
      expect(shown.text).toContain("Joint deals: ask your manager.");
      expect(mrkdwnOf(shown.body)).not.toContain(ACTIONS.editRules);
    }
  });

  it("opens the rules over the Register a deal modal and goes back to the form", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).findLast((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction("U0EXTERNAL", { channel: ACME, ts: launcher.ts }, ACTIONS.registerDeal);
    await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the registration modal");
    const form = h.fake.topModal("U0EXTERNAL");
    expect(form?.view.callback_id).toBe(VIEWS.registerDeal);
    expect(visibleText(form?.view.blocks)).toContain("Registrations follow the program's rules");

    const pushed = h.fake.callsOf("views.push").length;
    const answer = await h.slack.viewAction("U0EXTERNAL", "modal", ACTIONS.pushRules);
    expect(answer.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsOf("views.push")[pushed], 5_000, "the pushed rules");
    const rules = h.fake.topModal("U0EXTERNAL");
    expect(rules?.view.callback_id).toBe(VIEWS.rules);
    expect(rules?.view.submit).toBeUndefined();
    expectWithinSlackLimits(rules?.view ?? {});
    expect(visibleText(rules?.view.blocks)).toContain("protects its customer for *120 days*");
    expect(visibleText(rules?.view.blocks)).toContain("Joint deals: ask your manager.");

    await h.slack.closeView("U0EXTERNAL");
    expect(h.fake.topModal("U0EXTERNAL")?.view.callback_id).toBe(VIEWS.registerDeal);
    await h.slack.closeView("U0EXTERNAL");
  });

  it("lets an admin reset to the rules built from the settings, audited once", async () => {
    const reset = await h.command("U0ADMIN", "/hub", "rules reset");
    expect(reset.text).toContain("Your own rules are removed");
    expect(reset.text).not.toContain("Joint deals");
    expect(await storedRules()).toBeNull();
    const audits = await rulesAudits();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]?.data ?? "{}")).toEqual({ text: null, previous: TYPED });

    expect((await h.command("U0ADMIN", "/hub", "rules reset")).text).toContain("There were no rules of your own");
    expect(await rulesAudits()).toHaveLength(2);
    expect((await h.command("U0PARTNERA", "/hub", "rules")).text).not.toContain("From the program's admins");
  });

  it("packs a long text full of characters that escape longer into sections within Slack's limits", async () => {
    const dense = `${"&<>".repeat(950)}\n${"word ".repeat(10)}`;
    expect((await saveRules("U0ADMIN", dense)).response_action).toBe("update");
    const shown = await h.command("U0PARTNERA", "/hub", "rules");
    // All of it, escaped, none cut: Slack would refuse a section over 3,000 characters (h.command checks).
    for (const entity of [/&amp;/g, /&lt;/g, /&gt;/g]) expect(shown.text.match(entity)).toHaveLength(950);
    // 12,350 characters once escaped: five sections at least, after the four built from the settings.
    const sections = (shown.body.blocks as { type: string }[]).filter((block) => block.type === "section");
    expect(sections.length).toBeGreaterThanOrEqual(9);
    expect(shown.text).not.toContain("…");
    expect(shown.text).toContain("word word");
    await h.command("U0ADMIN", "/hub", "rules reset");
  });

  it("lists rules in help, the edit line for admins only", async () => {
    expect((await h.command("U0ADMIN", "/hub", "help")).text).toContain("/hub rules edit");
    const member = (await h.command("U0PARTNERA", "/hub", "help")).text;
    expect(member).toContain("/hub rules");
    expect(member).not.toContain("/hub rules edit");
  });
});
