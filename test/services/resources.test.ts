import { beforeEach, describe, expect, it } from "vitest";
import { AccessService } from "../../src/services/access-service";
import { refusal, useDealWorld } from "./deal-fixtures";
import { auditOf } from "./program-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const NOW = new Date("2026-03-10T12:00:00Z");

beforeEach(() => {
  world.clock.now = NOW;
});

const draft = (fields: Partial<Record<"title" | "url" | "kind" | "tags" | "minTier" | "requiredFor", string>>) => ({
  title: fields.title ?? "Partner onboarding guide",
  url: fields.url ?? "https://docs.example.com/guide",
  kind: fields.kind ?? "guide",
  tags: fields.tags ?? "",
  minTier: fields.minTier ?? "",
  requiredFor: fields.requiredFor ?? "",
});

/** A library with one resource per tier and a required training, added by the manager. */
async function library() {
  const program = await world.program();
  const add = async (fields: Parameters<typeof draft>[0]) => {
    const result = await world.services.resources.add(program.manager, draft(fields));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.resource;
  };
  const guide = await add({ title: "Partner onboarding guide", tags: "onboarding" });
  const course = await add({ title: "Selling the Suite", kind: "training", minTier: "silver", requiredFor: "gold" });
  const priceBook = await add({
    title: "Price book 2026",
    kind: "price book",
    minTier: "gold",
    tags: "pricing, Deals",
  });
  const roadmap = await add({ title: "Platinum roadmap deck", kind: "deck", minTier: "platinum" });
  return { program, guide, course, priceBook, roadmap };
}

describe(`resource services (${DB})`, () => {
  it("lets managers add resources, says what is wrong with each field, and refuses members", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const bad = await world.services.resources.add(
      program.manager,
      draft({ title: " ", url: "ftp://files.example.com/x", kind: "poster", requiredFor: "gold" }),
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        title: { code: "resource_title_missing" },
        url: { code: "resource_url_invalid", params: { text: "ftp://files.example.com/x" } },
        kind: expect.objectContaining({ code: "resource_kind_invalid" }),
      },
    });
    const notTraining = await world.services.resources.add(program.manager, draft({ requiredFor: "gold" }));
    expect(notTraining).toEqual({ ok: false, errors: { requiredFor: { code: "resource_required_not_training" } } });
    expect(await world.opened.store.resources.list(workspaceId)).toEqual([]);

    const added = await world.services.resources.add(
      program.manager,
      draft({ title: "Price book", kind: "price_book", minTier: "Gold", tags: "Pricing, EMEA" }),
    );
    expect(added.ok && added.resource).toMatchObject({
      title: "Price book",
      kind: "price_book",
      minTier: "gold",
      requiredFor: null,
      tags: ["pricing", "emea"],
      createdBy: "U_MANAGER",
    });
    expect(await auditOf(world, workspaceId, "resource.add")).toEqual([
      expect.objectContaining({ actor: "U_MANAGER", data: expect.objectContaining({ title: "Price book" }) }),
    ]);
    expect(await refusal(() => world.services.resources.add(program.ana, draft({})))).toEqual({
      code: "forbidden",
      params: { action: "manage_resources" },
    });
  });

  it("shows each person the resources of their tier and below; managers, the vendor's people see all", async () => {
    const { program } = await library();
    const titles = async (actor: typeof program.ana, words?: string) => {
      const list = await world.services.resources.list(actor, { words });
      return { titles: list.resources.map((line) => line.resource.title), hidden: list.hidden, tier: list.viewerTier };
    };
    // Acme is gold: everything but the platinum deck.
    expect(await titles(program.ana)).toEqual({
      titles: ["Price book 2026", "Selling the Suite", "Partner onboarding guide"],
      hidden: 1,
      tier: "gold",
    });
    const manager = await world.services.resources.list(program.manager);
    expect(manager.resources).toHaveLength(4);
    expect(manager).toMatchObject({ viewerTier: "all", hidden: 0, canManage: true });
    expect((await titles(program.nobody)).titles).toHaveLength(4);
    // A prospect on Slack Connect, in no partner: what every partner sees.
    const access = new AccessService(world.opened.store, []);
    const prospect = await access.identify({ teamId: program.teamId, userId: "U_PROSPECT", internal: false });
    expect(await titles(prospect)).toEqual({ titles: ["Partner onboarding guide"], hidden: 3, tier: "registered" });
    expect((await world.services.resources.list(program.ana)).canManage).toBe(false);

    expect(await titles(program.ana, "price")).toEqual({ titles: ["Price book 2026"], hidden: 0, tier: "gold" });
    expect(await titles(program.ana, "DEALS pricing")).toMatchObject({ titles: ["Price book 2026"] });
    expect(await titles(program.ana, "roadmap")).toEqual({ titles: [], hidden: 1, tier: "gold" });
  });

  it("marks a training done once, counts it for the partner and ticks its onboarding step", async () => {
    const { program, course, guide, roadmap } = await library();
    const { store } = world.opened;
    const workspaceId = program.admin.workspace.id;
    await store.onboarding.start(
      workspaceId,
      program.acme.id,
      [
        { key: "training", label: "First training completed", auto: "training_completed" },
        { key: "kickoff", label: "Kickoff call held", auto: null },
      ],
      new Date("2026-03-01T10:00:00Z"),
    );

    expect(await world.services.resources.markDone(program.ana, course.id)).toMatchObject({ first: true });
    expect(await world.services.resources.markDone(program.ana, course.id)).toMatchObject({ first: false });
    expect(await auditOf(world, workspaceId, "training.complete")).toEqual([
      expect.objectContaining({ actor: "U_ANA", target: String(course.id) }),
    ]);
    const steps = await store.onboarding.steps(program.acme.id);
    expect(steps.map((step) => [step.key, step.doneBy])).toEqual([
      ["training", "U_ANA"],
      ["kickoff", null],
    ]);
    const line = (await world.services.resources.list(program.ana)).resources.find(
      (known) => known.resource.id === course.id,
    );
    expect(line).toMatchObject({ done: true, confirmedBy: null });
    const card = await world.services.tiers.card(program.ana);
    expect(card.figures.peopleTrained.gold).toBe(1);

    expect(await refusal(() => world.services.resources.markDone(program.ana, guide.id))).toEqual({
      code: "resource_not_training",
      params: undefined,
    });
    // Above Acme's tier: as if it did not exist.
    expect(await refusal(() => world.services.resources.markDone(program.ana, roadmap.id))).toEqual({
      code: "resource_not_found",
      params: { id: roadmap.id },
    });
  });

  it("lists completions for managers to confirm, once", async () => {
    const { program, course } = await library();
    const workspaceId = program.admin.workspace.id;
    await world.services.resources.markDone(program.ana, course.id);
    await world.services.resources.markDone(program.nobody, course.id);

    expect(await refusal(() => world.services.resources.completions(program.ana))).toEqual({
      code: "forbidden",
      params: { action: "confirm_training" },
    });
    const all = await world.services.resources.completions(program.manager);
    expect(all.partner).toBeNull();
    expect(all.rows.map((row) => [row.completion.slackUserId, row.partnerName, row.resource.title])).toEqual(
      expect.arrayContaining([
        ["U_ANA", "Acme Solutions", "Selling the Suite"],
        ["U_NOBODY", null, "Selling the Suite"],
      ]),
    );
    const acme = await world.services.resources.completions(program.manager, "Acme");
    expect(acme.partner?.id).toBe(program.acme.id);
    expect(acme.rows).toHaveLength(1);
    const completionId = acme.rows[0]?.completion.id ?? 0;

    expect(await refusal(() => world.services.resources.confirm(program.ana, completionId))).toMatchObject({
      code: "forbidden",
    });
    const confirmed = await world.services.resources.confirm(program.manager, completionId);
    expect(confirmed).toMatchObject({ id: completionId, confirmedBy: "U_MANAGER", confirmedAt: NOW });
    expect(await refusal(() => world.services.resources.confirm(program.manager, completionId))).toMatchObject({
      code: "training_already_confirmed",
    });
    expect(await refusal(() => world.services.resources.confirm(program.manager, 999_999))).toMatchObject({
      code: "training_not_completed",
    });
    expect(await auditOf(world, workspaceId, "training.confirm")).toHaveLength(1);
    const line = (await world.services.resources.list(program.ana)).resources.find(
      (known) => known.resource.id === course.id,
    );
    expect(line).toMatchObject({ done: true, confirmedBy: "U_MANAGER" });
  });

  it("lets managers remove a resource: gone from the list and from tier counts, audited", async () => {
    const { program, course, guide } = await library();
    const workspaceId = program.admin.workspace.id;
    await world.services.resources.markDone(program.ana, course.id);
    expect(await refusal(() => world.services.resources.remove(program.ana, guide.id))).toMatchObject({
      code: "forbidden",
      params: { action: "manage_resources" },
    });
    expect((await world.services.resources.remove(program.manager, course.id)).title).toBe("Selling the Suite");
    const titles = (await world.services.resources.list(program.manager)).resources.map((line) => line.resource.title);
    expect(titles).not.toContain("Selling the Suite");
    expect((await world.services.tiers.card(program.ana)).figures.peopleTrained.gold).toBe(0);
    expect(await refusal(() => world.services.resources.remove(program.manager, course.id))).toEqual({
      code: "resource_not_found",
      params: { id: course.id },
    });
    expect(await auditOf(world, workspaceId, "resource.remove")).toEqual([
      expect.objectContaining({
        target: String(course.id),
        data: expect.objectContaining({ title: "Selling the Suite" }),
      }),
    ]);
  });
});
