import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { ACTIONS, PROGRAM_BLOCKS, VIEWS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { APPROVALS, setUpPartners } from "./outbox-fixtures";
import { lastEphemeral, waitForModal } from "./practices-fixtures";

let h: Harness;

const programAudits = () =>
  h.hub.db.auditEntry.findMany({ where: { action: "program.update" }, orderBy: { id: "asc" } });

/** `/partner program` as an ephemeral message the person can click in. */
async function programReply(userId: string): Promise<FakeMessage> {
  await h.command(userId, "/partner", "program", "C0SALES");
  return lastEphemeral(h, userId, "C0SALES");
}

/** The editor of `section`, opened with its button (each section has its own). */
async function openSection(section: "criteria" | "dueDiligence" | "onboarding" | "tiers") {
  const reply = await programReply("U0ADMIN");
  const blocks = reply.blocks as { block_id: string; accessory?: { action_id: string; value: string } }[];
  const block = blocks.find((candidate) => candidate.accessory?.value === section);
  if (!block) throw new Error(`no Edit for ${section}`);
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.messageAction(
    "U0ADMIN",
    { channel: reply.channel, ts: reply.ts },
    ACTIONS.programEdit,
    undefined,
    block.block_id,
  );
  expect(answer.status).toBe(200);
  return waitForModal(h, "U0ADMIN", opened, VIEWS.programEdit);
}

async function save(text: string) {
  const answer = await h.slack.submitView("U0ADMIN", { [`${PROGRAM_BLOCKS.text}.${ACTIONS.input}`]: text });
  expect(answer.status).toBe(200);
  return answer.json as { response_action: string; errors?: Record<string, string>; view?: unknown };
}

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"] });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
});
afterAll(async () => {
  await h?.close();
});

describe("/partner program", () => {
  it("shows managers every list with the defaults, without Edit; refuses members", async () => {
    const shown = await h.command("U0MANAGER", "/partner", "program");
    for (const expected of [
      "Selection criteria",
      "Track record · weight 3",
      "Credit check done",
      "First deal registered · _automatic: when the partner registers a deal_",
      "Kickoff call held · _ticked by hand_",
      "*Gold*: USD 60,000.00 won · 5 deals won · 2 people trained · win rate 25 %",
      "*Demotion grace*: 30 days",
    ]) {
      expect(shown.text).toContain(expected);
    }
    expect(JSON.stringify(shown.body.blocks)).not.toContain(ACTIONS.programEdit);
    expect((await h.command("U0PARTNERA", "/partner", "program")).text).toContain(
      "Only admins can change the partner program; managers and admins can read it.",
    );
    const admin = await h.command("U0ADMIN", "/partner", "program");
    expect(JSON.stringify(admin.body.blocks).match(new RegExp(ACTIONS.programEdit, "g"))).toHaveLength(4);
  });

  it("refuses a line that does not read, with its number, under the text, and saves nothing", async () => {
    const modal = await openSection("criteria");
    expect(JSON.stringify(modal?.view.blocks)).toContain("Reputation: 2\\nTrack record: 3");
    const noColon = await save("Reputation: 2\n\nTrack record 3");
    expect(noColon.response_action).toBe("errors");
    expect(noColon.errors?.[PROGRAM_BLOCKS.text]).toContain(
      "Line 3 of the selection criteria (“Track record 3”) doesn't read: expected",
    );
    const heavy = await save("Reputation: 11");
    expect(heavy.errors?.[PROGRAM_BLOCKS.text]).toContain("A weight is a whole number from 0 to 10");
    const empty = await save("  \n ");
    expect(empty.errors?.[PROGRAM_BLOCKS.text]).toBe("Write at least one line for the selection criteria.");
    expect(await programAudits()).toHaveLength(0);
  });

  it("saves a good list: shown in the modal and to managers, audited with before and after", async () => {
    const saved = await save("Reputation: 2\nTrack record: 3\nReferences <!here>: 4");
    expect(saved.response_action).toBe("update");
    expect(visibleText(saved.view)).toContain("Saved");
    expect(JSON.stringify(saved.view)).not.toContain("<!here>");
    const shown = await h.command("U0MANAGER", "/partner", "program");
    expect(shown.text).toContain("References &lt;!here&gt; · weight 4");
    expect(shown.text).not.toContain("Product fit");
    const audits = await programAudits();
    expect(audits).toMatchObject([{ actor: "U0ADMIN", target: "criteria" }]);
    expect(JSON.parse(audits[0]?.data ?? "{}").after).toContain("References <!here>: 4");
    expect((await h.command("U0ADMIN", "/hub", "audit")).text).toContain("changed the partner program");
  });

  it("refuses tiers out of order, unknown tiers and unknown events", async () => {
    const tiers = await openSection("tiers");
    expect(JSON.stringify(tiers?.view.blocks)).toContain("silver: revenue");
    const order = await save(
      "silver: revenue 20000, won 2, trained 1, winrate 0%\ngold: revenue 10000, won 5, trained 2, winrate 25%\nplatinum: revenue 150000, won 10, trained 3, winrate 35%",
    );
    expect(order.errors?.[PROGRAM_BLOCKS.text]).toContain("Gold asks for less than silver");
    const unknown = await save("diamond: revenue 1, won 1, trained 1, winrate 0%");
    expect(unknown.errors?.[PROGRAM_BLOCKS.text]).toContain("“diamond” is not a tier");
    await h.slack.closeView("U0ADMIN");

    await openSection("onboarding");
    const event = await save("Kickoff call held\nFirst loss [auto: deal_lost]");
    expect(event.errors?.[PROGRAM_BLOCKS.text]).toContain("Line 2: “deal_lost” is not an event");
    const steps = await save("Kickoff call held\nFirst deal registered [auto: deal_registered]");
    expect(steps.response_action).toBe("update");
    expect(visibleText(steps.view)).toContain("First deal registered · _automatic: when the partner registers a deal_");
    expect((await programAudits()).map((entry) => entry.target)).toEqual(["criteria", "onboarding"]);
  });

  it("opens the editor by command for admins only", async () => {
    const opened = h.fake.callsOf("views.open").length;
    expect((await h.command("U0MANAGER", "/partner", "program edit tiers")).text).toContain(
      "Only admins can change the partner program",
    );
    expect(h.fake.callsOf("views.open")).toHaveLength(opened);
    await h.slack.command("U0ADMIN", "/partner", "program edit checks", "C0SALES");
    const modal = await waitForModal(h, "U0ADMIN", opened, VIEWS.programEdit);
    expect(JSON.stringify(modal?.view.blocks)).toContain("References checked");
    await h.slack.closeView("U0ADMIN");
    expect((await h.command("U0ADMIN", "/partner", "program edit everything")).text).toContain(
      "Usage: `/partner program`",
    );
  });

  it("sets the demotion grace for admins, within 7–180 days", async () => {
    const set = await h.command("U0ADMIN", "/partner", "program grace 45");
    expect(set.text).toContain("Demotion grace is now *45 days*");
    expect((await h.command("U0MANAGER", "/partner", "program")).text).toContain("*Demotion grace*: 45 days");
    for (const typed of ["3", "181", "soon"]) {
      expect((await h.command("U0ADMIN", "/partner", `program grace ${typed}`)).text).toContain(
        "The demotion grace period is a whole number of days from 7 to 180.",
      );
    }
    expect((await h.command("U0MANAGER", "/partner", "program grace 60")).text).toContain(
      "Only admins can change the partner program",
    );
    const audits = await programAudits();
    expect(audits.map((entry) => entry.target)).toEqual(["criteria", "onboarding", "grace"]);
    expect((await h.command("U0ADMIN", "/hub", "audit")).text).toContain("changed the demotion grace period");
  });
});
