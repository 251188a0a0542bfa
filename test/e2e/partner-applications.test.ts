import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";
import type { EnteredValues } from "../../src/sandbox/view-state";
import { ACTIONS, APPLICATION_BLOCKS, REVIEW_BLOCKS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { APPROVALS, setUpPartners } from "./outbox-fixtures";
import { waitForModal } from "./practices-fixtures";

/** A prospect from another organization, in a Slack Connect channel tied to no partner yet. */
const PROSPECT = "U0PROSPECT";
const PROSPECT_TEAM = "T0INITECH";
const PROSPECT_CHANNEL = "C0PROSPECT";

/** The default people and channels, with the prospect and its channel (added when not there yet). */
function directory() {
  const base = defaultDirectory();
  const users = base.users.some((user) => user.id === PROSPECT)
    ? base.users
    : [
        ...base.users,
        { id: PROSPECT, teamId: PROSPECT_TEAM, name: "ines", realName: "Ines Initech", tz: "Europe/Madrid" },
      ];
  const channels = base.channels.some((channel) => channel.id === PROSPECT_CHANNEL)
    ? base.channels
    : [
        ...base.channels,
        { id: PROSPECT_CHANNEL, name: "prospect-initech", isExtShared: true, sharedWith: [PROSPECT_TEAM] },
      ];
  return { ...base, users, channels };
}

/** The application form filled in well, unless overridden. */
function applicationValues(company: string, overrides: EnteredValues = {}): EnteredValues {
  const field = (block: string) => `${block}.${ACTIONS.input}`;
  return {
    [field(APPLICATION_BLOCKS.company)]: company,
    [field(APPLICATION_BLOCKS.website)]: "https://www.initech.example/about",
    [field(APPLICATION_BLOCKS.regions)]: "EMEA, North America",
    [field(APPLICATION_BLOCKS.segments)]: "Mid-market manufacturing",
    [field(APPLICATION_BLOCKS.solutions)]: "Implementation and managed services",
    [field(APPLICATION_BLOCKS.teamSize)]: "25",
    [field(APPLICATION_BLOCKS.reference1)]: "Jane Doe, jane@customer.example",
    [field(APPLICATION_BLOCKS.reference2)]: "Sam Lee",
    ...overrides,
  };
}

const SCORES: Record<string, string> = {
  reputation: "4",
  track_record: "4",
  customer_base: "3",
  product_fit: "5",
  cultural_fit: "3",
};
const CHECKS = ["References checked", "Partner agreement signed", "NDA signed", "Credit check done"];

function reviewValues(input: {
  scores?: Record<string, string>;
  checks?: string[];
  decision: "save" | "approve" | "decline";
  reason?: string;
}): EnteredValues {
  const values: EnteredValues = {
    [`${REVIEW_BLOCKS.decision}.${ACTIONS.input}`]: input.decision,
    [`${REVIEW_BLOCKS.reason}.${ACTIONS.input}`]: input.reason ?? "",
  };
  for (const [key, score] of Object.entries(input.scores ?? {})) {
    values[`${REVIEW_BLOCKS.score(key)}.${ACTIONS.input}`] = score;
  }
  if (input.checks) values[`${REVIEW_BLOCKS.checklist}.${ACTIONS.input}`] = input.checks;
  return values;
}

let h: Harness;

/** Every mrkdwn text in blocks: where typed markup would fire (plain_text shows it literally anyway). */
function mrkdwnOf(node: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === "object" && value !== null) {
      const object = value as Record<string, unknown>;
      if (object.type === "mrkdwn" && typeof object.text === "string") found.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(node);
  return found;
}

async function openApplyByCommand(userId: string, channel: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/partner", "apply", channel);
  expect(answer.status).toBe(200);
  return waitForModal(h, userId, opened, VIEWS.apply);
}

async function submit(userId: string, values: EnteredValues) {
  const answer = await h.slack.submitView(userId, values);
  expect(answer.status).toBe(200);
  return answer.json as { response_action: string; errors?: Record<string, string>; view?: unknown };
}

/** The application's card in the approvals channel, once the outbox delivered it. */
async function cardOf(company: string): Promise<FakeMessage> {
  await h.outboxDrained();
  const card = h.fake
    .channelMessages(APPROVALS)
    .find((message) => message.text.startsWith("Partner application #") && message.text.includes(company));
  if (!card) throw new Error(`no application card for ${company}`);
  expectWithinSlackLimits({ text: card.text, blocks: card.blocks });
  return card;
}

async function openReview(userId: string, card: FakeMessage) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.messageAction(userId, { channel: card.channel, ts: card.ts }, ACTIONS.applicationReview);
  expect(answer.status).toBe(200);
  return waitForModal(h, userId, opened, VIEWS.applicationReview);
}

/** The ephemeral answer to a click on a message's button. */
async function click(userId: string, message: FakeMessage, actionId: string, value?: string) {
  const index = h.fake.responses.length;
  const answer = await h.slack.messageAction(userId, { channel: message.channel, ts: message.ts }, actionId, value);
  expect(answer.status).toBe(200);
  const { body } = await h.fake.waitForResponse(index);
  expectWithinSlackLimits(body);
  return visibleText(body.blocks ?? body.text);
}

const applicationRow = (company: string) => h.hub.db.partnerApplication.findFirstOrThrow({ where: { company } });
const audits = (action: string) => h.hub.db.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
const dmOf = (userId: string) => h.fake.channelMessages(h.fake.dmChannel(userId).id);

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], directory: directory() });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
});
afterAll(async () => {
  await h?.close();
});

describe("an internal application: form, inline errors, card, receipt", () => {
  it("refuses people already in a partner before the form opens", async () => {
    const opened = h.fake.callsOf("views.open").length;
    const reply = await h.command("U0PARTNERA", "/partner", "apply");
    expect(reply.text).toContain("“Acme Resellers” is already a partner: no need to apply.");
    expect((await h.command("U0PARTNERB", "/partner", "apply now please")).text).toContain("Usage: `/partner apply`");
    expect(h.fake.callsOf("views.open")).toHaveLength(opened);
  });

  it("shows every problem under its field and stores nothing", async () => {
    await h.command("U0ADMIN", "/partner", "remove <@U0PARTNERB>", APPROVALS);
    await openApplyByCommand("U0PARTNERB", "C0SALES");
    const refused = await submit(
      "U0PARTNERB",
      applicationValues("", {
        [`${APPLICATION_BLOCKS.website}.${ACTIONS.input}`]: "not a website",
        [`${APPLICATION_BLOCKS.teamSize}.${ACTIONS.input}`]: "lots",
        [`${APPLICATION_BLOCKS.solutions}.${ACTIONS.input}`]: "x".repeat(501),
      }),
    );
    expect(refused.response_action).toBe("errors");
    expect(refused.errors?.[APPLICATION_BLOCKS.company]).toBe("Enter the company name.");
    expect(refused.errors?.[APPLICATION_BLOCKS.website]).toContain("“not a website” isn't a website");
    expect(refused.errors?.[APPLICATION_BLOCKS.teamSize]).toBe(
      "Type the number of people as a whole number from 1 to 100,000.",
    );
    expect(refused.errors?.[APPLICATION_BLOCKS.solutions]).toBe(
      "Keep the solutions offered to 500 characters or fewer.",
    );
    expect(await h.hub.db.partnerApplication.count()).toBe(0);
  });

  it("files a good application: card with Review in approvals, receipt in the applicant's DM, audited", async () => {
    const saved = await submit("U0PARTNERB", applicationValues("Initrode <!channel> *Corp*"));
    expect(saved.response_action).toBe("update");
    expect(visibleText(saved.view)).toContain("is with the partner team");
    const card = await cardOf("Initrode");
    const shown = visibleText(card.blocks);
    expect(shown).toContain("Partner application #1: Initrode <!channel> *Corp*");
    expect(shown).toContain("EMEA, North America");
    expect(shown).toContain("25 people");
    expect(shown).toContain("Jane Doe · jane@customer.example");
    expect(shown).toContain("not scored yet (0 of 5 criteria scored)");
    // What the applicant typed shows literally: no broadcast, no bold.
    for (const text of mrkdwnOf(card.blocks)) expect(text).not.toContain("<!channel>");
    expect(JSON.stringify(card.blocks)).toContain(ACTIONS.applicationReview);
    expect(dmOf("U0PARTNERB").some((message) => message.text.includes("was received"))).toBe(true);
    expect(await audits("application.submit")).toMatchObject([{ actor: "U0PARTNERB", target: "1" }]);
  });

  it("refuses a second application for the same company, under the company field", async () => {
    await openApplyByCommand("U0MANAGER", "C0SALES");
    const again = await submit("U0MANAGER", applicationValues("initrode  <!CHANNEL> corp"));
    expect(again.response_action).toBe("errors");
    expect(again.errors?.[APPLICATION_BLOCKS.company]).toContain("is already waiting for review");
    const partner = await submit("U0MANAGER", applicationValues("Acme Resellers"));
    expect(partner.errors?.[APPLICATION_BLOCKS.company]).toBe(
      "“Acme Resellers” is already a partner: no need to apply.",
    );
    await h.slack.closeView("U0MANAGER");
    expect(await h.hub.db.partnerApplication.count()).toBe(1);
  });
});

describe("the managers' review", () => {
  it("refuses Review to people who are not managers", async () => {
    const card = await cardOf("Initrode");
    expect(await click("U0PARTNERA", card, ACTIONS.applicationReview)).toContain(
      "Only managers and admins can review partner applications.",
    );
  });

  it("saves scores and checks without deciding, and the card shows the weighted score", async () => {
    const card = await cardOf("Initrode");
    const modal = await openReview("U0MANAGER", card);
    expect(visibleText(modal?.view.blocks)).toContain("Track record (weight 3)");
    const saved = await submit(
      "U0MANAGER",
      reviewValues({ scores: { reputation: "4", track_record: "3" }, checks: ["NDA signed"], decision: "save" }),
    );
    expect(saved.response_action).toBe("update");
    // (4·2 + 3·3) / (2 + 3) = 3.4
    expect(visibleText(saved.view)).toContain("3.4 / 5 (2 of 5 criteria scored)");
    await h.outboxDrained();
    expect(visibleText((await cardOf("Initrode")).blocks)).toContain("3.4 / 5 (2 of 5 criteria scored)");
    const stored = await applicationRow("Initrode <!channel> *Corp*");
    expect(stored.status).toBe("pending");
    expect(Object.keys(JSON.parse(stored.checklist))).toEqual(["NDA signed"]);
  });

  it("refuses to approve with checks open, criteria unscored or no reason, under the field concerned", async () => {
    const card = await cardOf("Initrode");
    const modal = await openReview("U0MANAGER", card);
    // The form opens on what was saved.
    expect(JSON.stringify(modal?.view.blocks)).toContain('"initial_options"');
    const checksOpen = await submit("U0MANAGER", reviewValues({ scores: SCORES, decision: "approve", reason: "Fit" }));
    expect(checksOpen.errors?.[REVIEW_BLOCKS.checklist]).toBe(
      "Approval needs every due-diligence check done. Still open: “References checked”, “Partner agreement signed”, “Credit check done”.",
    );
    const unscored = await submit(
      "U0MANAGER",
      reviewValues({
        scores: { reputation: "", product_fit: "4" },
        checks: CHECKS,
        decision: "approve",
        reason: "Fit",
      }),
    );
    expect(unscored.errors?.[REVIEW_BLOCKS.decision]).toContain("Still unscored: “Reputation”");
    const noReason = await submit("U0MANAGER", reviewValues({ scores: SCORES, checks: CHECKS, decision: "approve" }));
    expect(noReason.errors?.[REVIEW_BLOCKS.reason]).toBe("Give a reason: the applicant reads it with the decision.");
    expect((await applicationRow("Initrode <!channel> *Corp*")).status).toBe("pending");
    expect(await h.hub.db.partner.count()).toBe(2);
  });

  it("approves: partner created onboarding, agreement step done, card and applicant updated, audited", async () => {
    const approved = await submit(
      "U0MANAGER",
      reviewValues({ scores: SCORES, checks: CHECKS, decision: "approve", reason: "Strong fit in manufacturing." }),
    );
    expect(approved.response_action).toBe("update");
    expect(visibleText(approved.view)).toContain("onboarding has started");
    const partner = await h.hub.db.partner.findFirstOrThrow({ where: { name: "Initrode <!channel> *Corp*" } });
    expect(partner).toMatchObject({ status: "onboarding", tier: "registered", region: "EMEA", connectTeamId: null });
    const steps = await h.hub.db.onboardingStep.findMany({
      where: { partnerId: partner.id },
      orderBy: { position: "asc" },
    });
    expect(steps.map((step) => [step.key, step.doneAt !== null])).toEqual([
      ["agreement", true],
      ["team", false],
      ["training", false],
      ["first_deal", false],
      ["first_win", false],
      ["kickoff", false],
    ]);
    await h.outboxDrained();
    const card = visibleText((await cardOf("Initrode")).blocks);
    expect(card).toContain("Approved");
    expect(card).toContain("Strong fit in manufacturing.");
    expect(card).toContain("4.0 / 5 (5 of 5 criteria scored)");
    expect(JSON.stringify((await cardOf("Initrode")).blocks)).not.toContain(ACTIONS.applicationReview);
    const outcome = dmOf("U0PARTNERB").find((message) => message.text.includes("was approved"));
    expect(visibleText(outcome?.blocks)).toContain("Strong fit in manufacturing.");
    expect(await audits("application.approve")).toMatchObject([{ actor: "U0MANAGER", target: "1" }]);
    // Decided: the list has no Review for it, and the audit log reads it as a sentence.
    const all = await h.command("U0MANAGER", "/partner", "applications all");
    expect(all.text).toContain("#1 Initrode");
    expect(all.text).toContain("Approved");
    expect((await h.command("U0MANAGER", "/partner", "applications")).text).toContain(
      "No application is waiting for review",
    );
    expect((await h.command("U0ADMIN", "/hub", "audit")).text).toContain("approved a partner application");
  });

  it("declines with the reason, told to the applicant; members can't list applications", async () => {
    await openApplyByCommand("U0ADMIN", "C0SALES");
    expect((await submit("U0ADMIN", applicationValues("Hooli"))).response_action).toBe("update");
    const card = await cardOf("Hooli");
    await openReview("U0MANAGER", card);
    const declined = await submit(
      "U0MANAGER",
      reviewValues({ decision: "decline", reason: "No overlap with our segments." }),
    );
    expect(declined.response_action).toBe("update");
    await h.outboxDrained();
    expect(visibleText((await cardOf("Hooli")).blocks)).toContain("Declined");
    const outcome = dmOf("U0ADMIN").find((message) => message.text.includes("was declined"));
    expect(visibleText(outcome?.blocks)).toContain("No overlap with our segments.");
    expect(await h.hub.db.partner.findFirst({ where: { name: "Hooli" } })).toBeNull();
    expect((await h.command("U0PARTNERA", "/partner", "applications")).text).toContain(
      "Only managers and admins can review partner applications.",
    );
    expect((await h.command("U0MANAGER", "/partner", "applications declined")).text).toContain("Hooli");
    expect((await h.command("U0MANAGER", "/partner", "applications maybe")).text).toContain(
      "Usage: `/partner applications",
    );
  });
});

describe("a Slack Connect prospect applies from the launcher", () => {
  it("offers Apply only in a channel tied to no partner", async () => {
    await h.command("U0ADMIN", "/partner", "channel <#C0PARTNERB|partner-globex> Globex", APPROVALS);
    await h.command("U0MANAGER", "/hub", "launcher", "C0PARTNERB");
    await h.command("U0MANAGER", "/hub", "launcher", PROSPECT_CHANNEL);
    const tied = h.fake.channelMessages("C0PARTNERB").find((m) => m.text.includes("register deals here"));
    const untied = h.fake.channelMessages(PROSPECT_CHANNEL).find((m) => m.text.includes("register deals here"));
    expect(JSON.stringify(tied?.blocks)).toContain(ACTIONS.partnerCardShow);
    expect(JSON.stringify(tied?.blocks)).not.toContain(ACTIONS.applyOpen);
    expect(JSON.stringify(untied?.blocks)).toContain(ACTIONS.applyOpen);
    expect(JSON.stringify(untied?.blocks)).not.toContain(ACTIONS.partnerCardShow);
  });

  it("files the guest's application; the receipt goes to the shared channel", async () => {
    const launcher = h.fake.channelMessages(PROSPECT_CHANNEL).find((m) => m.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const opened = h.fake.callsOf("views.open").length;
    await h.slack.messageAction(PROSPECT, { channel: PROSPECT_CHANNEL, ts: launcher.ts }, ACTIONS.applyOpen);
    const modal = await waitForModal(h, PROSPECT, opened, VIEWS.apply);
    expect(visibleText(modal?.view.blocks)).toContain("We answer in the channel you applied from.");
    expect((await submit(PROSPECT, applicationValues("Initech"))).response_action).toBe("update");
    await h.outboxDrained();
    const receipt = h.fake.channelMessages(PROSPECT_CHANNEL).find((m) => m.text.includes("was received"));
    expect(visibleText(receipt?.blocks)).toContain(`<@${PROSPECT}> thanks for applying`);
    expect(await applicationRow("Initech")).toMatchObject({
      external: true,
      applicantTeamId: PROSPECT_TEAM,
      channelId: PROSPECT_CHANNEL,
    });
  });

  it("approval makes the guest's organization the partner: member, home channel, onboarding from buttons", async () => {
    await openReview("U0MANAGER", await cardOf("Initech"));
    const approved = await submit(
      "U0MANAGER",
      reviewValues({ scores: SCORES, checks: CHECKS, decision: "approve", reason: "Welcome!" }),
    );
    expect(approved.response_action).toBe("update");
    const partner = await h.hub.db.partner.findFirstOrThrow({ where: { name: "Initech" } });
    expect(partner).toMatchObject({
      connectTeamId: PROSPECT_TEAM,
      homeChannel: PROSPECT_CHANNEL,
      status: "onboarding",
    });
    const guest = await h.hub.db.member.findFirstOrThrow({ where: { slackUserId: PROSPECT } });
    expect(guest.partnerId).toBe(partner.id);
    await h.outboxDrained();
    const welcome = h.fake.channelMessages(PROSPECT_CHANNEL).find((m) => m.text.includes("was approved"));
    if (!welcome) throw new Error("no welcome");
    expect(visibleText(welcome.blocks)).toContain("*Initech* is now a partner");
    // No slash commands for a guest: the welcome's Onboarding button shows the checklist.
    const checklist = await click(PROSPECT, welcome, ACTIONS.onboardingShow);
    expect(checklist).toContain("Onboarding · Initech");
    expect(checklist).toContain("*2 of 6* steps done");
    expect(checklist).toContain("Kickoff call held");
    // Already a partner now: Apply refuses before the form opens.
    const launcher = h.fake.channelMessages(PROSPECT_CHANNEL).find((m) => m.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    expect(await click(PROSPECT, launcher, ACTIONS.applyOpen)).toContain("“Initech” is already a partner");
  });
});
