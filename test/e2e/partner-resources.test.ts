import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, BLOCKS, RESOURCE_BLOCKS, VIEWS } from "../../src/slack/ids";
import { type Harness, startHarness, visibleText } from "../support/harness";
import { ACME, APPROVALS, setUpPartners } from "./outbox-fixtures";
import { click, expectNoButton, lastEphemeral, partnerIdOf } from "./program-fixtures";

const NOW = new Date("2026-11-16T12:00:00Z");

let h: Harness;
let acmeId: number;

async function openAddModal(userId: string) {
  const opened = h.fake.callsOf("views.open").length;
  await h.slack.command(userId, "/partner", "resources add", APPROVALS);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the add-a-resource modal");
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(VIEWS.resourceAdd);
}

async function addResource(fields: {
  title: string;
  url: string;
  kind: string;
  tags?: string;
  minTier?: string;
  requiredFor?: string;
}) {
  await openAddModal("U0MANAGER");
  return h.slack.submitView("U0MANAGER", {
    [`${RESOURCE_BLOCKS.title}.value`]: fields.title,
    [`${RESOURCE_BLOCKS.url}.value`]: fields.url,
    [`${RESOURCE_BLOCKS.kind}.value`]: fields.kind,
    ...(fields.tags && { [`${RESOURCE_BLOCKS.tags}.value`]: fields.tags }),
    ...(fields.minTier && { [`${RESOURCE_BLOCKS.minTier}.value`]: fields.minTier }),
    ...(fields.requiredFor && { [`${RESOURCE_BLOCKS.requiredFor}.value`]: fields.requiredFor }),
  });
}

const resourceId = async (title: string) => (await h.hub.db.resource.findFirstOrThrow({ where: { title } })).id;

beforeAll(async () => {
  h = await startHarness({ hubAdmins: ["U0ADMIN"], clock: () => NOW });
  await setUpPartners(h);
  await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", APPROVALS);
  acmeId = await partnerIdOf(h, "Acme Resellers");
});
afterAll(async () => {
  await h?.close();
});

describe("/partner resources", () => {
  it("lets managers add resources, with problems under their fields", async () => {
    const bad = await addResource({
      title: "Deck",
      url: "ftp://files.example.com/deck",
      kind: "deck",
      requiredFor: "silver",
    });
    expect(bad.json).toMatchObject({ response_action: "errors" });
    const errors = JSON.stringify(bad.json);
    expect(errors).toContain(RESOURCE_BLOCKS.url);
    expect(errors).toContain(RESOURCE_BLOCKS.requiredFor);
    expect(await h.hub.db.resource.count()).toBe(0);

    const added = await addResource({
      title: "Gold price book",
      url: "https://docs.example.com/prices?tier=gold&v=2",
      kind: "price_book",
      minTier: "gold",
    });
    expect(added.json).toMatchObject({ response_action: "update" });
    expect(visibleText(h.fake.topModal("U0MANAGER")?.view.blocks)).toContain(
      "*Gold price book* is in the library, visible from Gold",
    );
    await addResource({
      title: "Sales certification",
      url: "https://learn.example.com/cert",
      kind: "training",
      requiredFor: "silver",
    });
    await addResource({
      title: "Pitch deck",
      url: "https://docs.example.com/pitch",
      kind: "deck",
      tags: "pitch, sales",
    });
    expect(await h.hub.db.resource.count()).toBe(3);
    expect(await h.hub.db.auditEntry.count({ where: { action: "resource.add" } })).toBe(3);
  });

  it("refuses members the managers' part", async () => {
    expect((await h.command("U0PARTNERA", "/partner", "resources add")).text).toContain(
      "Only managers and admins can add or remove resources.",
    );
    const id = await resourceId("Pitch deck");
    expect((await h.command("U0PARTNERA", "/partner", `resources remove ${id}`)).text).toContain(
      "Only managers and admins can add or remove resources.",
    );
    expect((await h.command("U0PARTNERA", "/partner", "training")).text).toContain(
      "Only managers and admins can confirm trainings.",
    );
    expect(await h.hub.db.resource.count()).toBe(3);
  });

  it("shows each person what their tier opens, and finds by title and tag", async () => {
    const pat = await h.command("U0PARTNERA", "/partner", "resources", ACME);
    expect(pat.text).toContain("Pitch deck");
    expect(pat.text).toContain("Sales certification");
    expect(pat.text).toContain("required for Silver");
    expect(pat.text).not.toContain("price book");
    expect(pat.text).toContain("1 more resource opens up");
    expectNoButton(pat.body.blocks, ACTIONS.resourceAdd);
    expectNoButton(pat.body.blocks, ACTIONS.resourceRemove);

    const manager = await h.command("U0MANAGER", "/partner", "resources");
    expect(manager.text).toContain("Gold price book");
    expect(manager.text).toContain("Gold and up");
    expect(JSON.stringify(manager.body.blocks)).toContain(ACTIONS.resourceAdd);
    // The link keeps its query string, and the title is shown as text.
    expect(JSON.stringify(manager.body.blocks)).toContain(
      "https://docs.example.com/prices?tier=gold&amp;v=2|Gold price book",
    );

    const search = await h.command("U0PARTNERA", "/partner", "resources sales");
    expect(search.text).toContain("Resources matching “sales”");
    expect(search.text).toContain("Pitch deck");
    expect(search.text).toContain("Sales certification");
    const none = await h.command("U0PARTNERA", "/partner", "resources webinar");
    expect(none.text).toContain("Nothing in the library matches “webinar”");

    await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "gold" } });
    expect((await h.command("U0PARTNERA", "/partner", "resources")).text).toContain("Gold price book");
    await h.hub.db.partner.update({ where: { id: acmeId }, data: { tier: "registered" } });
  });

  it("gives Slack Connect guests without a partner the entry-tier resources from the launcher", async () => {
    await h.command("U0MANAGER", "/hub", "launcher", ACME);
    const launcher = h.fake.channelMessages(ACME).find((message) => message.text.includes("register deals here"));
    if (!launcher) throw new Error("no launcher");
    const guest = await click(h, "U0EXTERNAL", launcher, ACTIONS.resourcesShow);
    expect(guest.text).toContain("Pitch deck");
    expect(guest.text).not.toContain("Gold price book");
  });

  it("lets a member mark a training done, and a manager confirm it", async () => {
    await h.command("U0PARTNERA", "/partner", "resources", ACME);
    const list = lastEphemeral(h, ACME, "U0PARTNERA");
    const trainingId = await resourceId("Sales certification");
    const index = h.fake.responses.length;
    const done = await click(h, "U0PARTNERA", list, ACTIONS.trainingDone, BLOCKS.resourceRow(trainingId));
    // The list is redrawn where it was clicked: done, and no button any more.
    expect(done.body.replace_original).toBe(true);
    const redrawn = h.fake.messages.find((message) => message.ts === list.ts);
    expect(visibleText(redrawn?.blocks)).toContain("<https://learn.example.com/cert|Sales certification> · *Done ✓*");
    expectNoButton(redrawn?.blocks, ACTIONS.trainingDone);
    const said = await h.fake.waitForResponse(index + 1);
    expect(visibleText(said.body.blocks)).toContain("Marked *Sales certification* done");
    expect(await h.hub.db.auditEntry.count({ where: { action: "training.complete" } })).toBe(1);
    // The onboarding step it stands for ticks itself.
    const step = await h.hub.db.onboardingStep.findFirst({ where: { partnerId: acmeId, key: "training" } });
    expect(step?.doneAt).not.toBeNull();

    const training = await h.command("U0MANAGER", "/partner", "training Acme Resellers", APPROVALS);
    expect(training.text).toContain("<@U0PARTNERA> (Acme Resellers) completed *Sales certification*");
    expect(training.text).toContain("not confirmed yet");
    const completion = await h.hub.db.trainingCompletion.findFirstOrThrow();
    const confirmed = await click(
      h,
      "U0MANAGER",
      lastEphemeral(h, APPROVALS, "U0MANAGER"),
      ACTIONS.trainingConfirm,
      BLOCKS.completionRow(completion.id),
    );
    expect(confirmed.body.replace_original).toBe(true);
    expect(confirmed.text).toContain("confirmed by <@U0MANAGER>");
    expectNoButton(confirmed.body.blocks, ACTIONS.trainingConfirm);
    expect(await h.hub.db.auditEntry.count({ where: { action: "training.confirm" } })).toBe(1);
    expect((await h.command("U0PARTNERA", "/partner", "resources")).text).toContain(
      "*Done ✓* (confirmed by <@U0MANAGER>)",
    );
  });

  it("lets managers remove a resource from the list", async () => {
    await h.command("U0MANAGER", "/partner", "resources", APPROVALS);
    const id = await resourceId("Pitch deck");
    const removed = await click(
      h,
      "U0MANAGER",
      lastEphemeral(h, APPROVALS, "U0MANAGER"),
      ACTIONS.resourceRemove,
      BLOCKS.resourceRow(id),
    );
    expect(removed.text).not.toContain("Pitch deck");
    expect((await h.command("U0PARTNERA", "/partner", "resources")).text).not.toContain("Pitch deck");
    expect((await h.command("U0MANAGER", "/partner", "resources remove 99999")).text).toContain(
      "There is no resource #99999",
    );
    expect((await h.command("U0MANAGER", "/partner", "resources remove pitch")).text).toContain(
      "/partner resources remove 12",
    );
    const audit = await h.command("U0ADMIN", "/hub", "audit 10");
    expect(audit.text).toContain("removed a resource from the library");
    expect(audit.text).toContain("confirmed someone's completed training");
    expect(audit.text).toContain("marked a training done");
  });
});
