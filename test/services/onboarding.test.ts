import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/services/access-service";
import { fireOnboardingEvent } from "../../src/services/onboarding";
import type { PartnerRecord } from "../../src/services/records";
import { outboxOf, type Program, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const DAY = 86_400_000;

async function auditOf(workspaceId: number, action: string) {
  const entries = await world.opened.db.auditEntry.findMany({ where: { workspaceId, action }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({
    actor: entry.actor,
    target: entry.target,
    data: JSON.parse(entry.data) as unknown,
  }));
}

const doneKeys = async (partnerId: number) =>
  (await world.opened.store.onboarding.steps(partnerId)).filter((step) => step.doneAt !== null).map((step) => step.key);

let registrations = 0;

/** A deal registered through the service, as the modal does it, for `partner` by `actor`. */
async function register(actor: Actor, partner: PartnerRecord) {
  registrations += 1;
  const result = await world.services.deals.register(
    actor,
    {
      partnerId: String(partner.id),
      customerName: `Customer ${registrations}`,
      customerDomain: `customer-${registrations}.example`,
      product: "Seats",
      amount: "1,000.00",
      currency: "EUR",
      stage: "proposal",
    },
    `onboarding-deal-${registrations}`,
    "C_SALES",
  );
  if (result.kind !== "created") throw new Error(JSON.stringify(result));
  return result.deal;
}

/** A partner added with /partner add by the program's manager: onboarding with the default steps. */
async function added(program: Program, name: string) {
  return world.services.partners.add(program.manager, { name, region: "EMEA" });
}

describe(`onboarding (${DB})`, () => {
  it("starts a partner added by hand on the program's checklist, nothing done yet", async () => {
    const program = await world.program();
    const initech = await added(program, "Initech");
    expect(initech).toMatchObject({ status: "onboarding", onboardedAt: null, tier: "registered" });
    const shown = await world.services.onboarding.show(program.manager, "initech");
    expect(shown.partner.id).toBe(initech.id);
    expect(shown.steps.map((step) => [step.label, step.auto, step.doneAt])).toEqual([
      ["Partner agreement signed", "agreement_signed", null],
      ["Team members added to Partner Hub", "member_added", null],
      ["First training completed", "training_completed", null],
      ["First deal registered", "deal_registered", null],
      ["First deal won", "deal_won", null],
      ["Kickoff call held", null, null],
    ]);
    expect(shown).toMatchObject({ stuck: false, canTick: true, lastProgressAt: world.clock.now });
  });

  it("ticks steps by the events that complete them, each audited for the person whose action fired it", async () => {
    const program = await world.program();
    const initech = await added(program, "Initech");
    const workspaceId = program.admin.workspace.id;

    await world.services.partners.assign(program.manager, "U_IRA", "Initech");
    expect(await doneKeys(initech.id)).toEqual(["team"]);
    const ira = await program.actor("U_IRA");

    const deal = await register(ira, initech);
    expect(await doneKeys(initech.id)).toEqual(["team", "first_deal"]);
    // A second registration finds the step done: it is not ticked (or audited) again.
    await register(ira, initech);

    await world.services.deals.changeStage(ira, deal.id, "won");
    expect(await doneKeys(initech.id)).toEqual(["team", "first_deal", "first_win"]);

    const steps = await auditOf(workspaceId, "onboarding.step");
    expect(steps).toEqual([
      {
        actor: program.manager.userId,
        target: String(initech.id),
        data: { key: "team", label: "Team members added to Partner Hub", event: "member_added" },
      },
      {
        actor: "U_IRA",
        target: String(initech.id),
        data: { key: "first_deal", label: "First deal registered", event: "deal_registered" },
      },
      {
        actor: "U_IRA",
        target: String(initech.id),
        data: { key: "first_win", label: "First deal won", event: "deal_won" },
      },
    ]);
    const shown = await world.services.onboarding.show(ira);
    expect(shown.steps.find((step) => step.key === "first_win")).toMatchObject({
      doneBy: "U_IRA",
      doneAt: world.clock.now,
    });
    expect((await world.opened.store.partners.findById(workspaceId, initech.id))?.status).toBe("onboarding");
  });

  it("counts a deal edited to won as its first win, and leaves established partners' events alone", async () => {
    const program = await world.program();
    const initech = await added(program, "Initech");
    await world.services.partners.assign(program.manager, "U_IRA", "Initech");
    const ira = await program.actor("U_IRA");
    const deal = await register(ira, initech);
    const edited = await world.services.deals.editDeal(ira, deal.id, { stage: "won" });
    expect(edited.kind).toBe("edited");
    expect(await doneKeys(initech.id)).toContain("first_win");

    // Acme joined before onboarding checklists existed: it has no steps, and its wins tick nothing.
    const acmeDeal = await program.deal(program.acme);
    await world.services.deals.changeStage(program.ana, acmeDeal.id, "won");
    expect(await world.opened.store.onboarding.steps(program.acme.id)).toEqual([]);
    expect((await world.opened.store.partners.findById(program.admin.workspace.id, program.acme.id))?.status).toBe(
      "active",
    );
  });

  it("finishes when the last step is done: active, onboarded now, audited and announced once", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const initech = await added(program, "Initech");
    await world.services.partners.assign(program.manager, "U_IRA", "Initech");
    const ira = await program.actor("U_IRA");
    const deal = await register(ira, initech);
    await world.services.deals.changeStage(ira, deal.id, "won");
    await world.opened.store.transaction((tx) =>
      fireOnboardingEvent(tx, program.admin.workspace, initech.id, "training_completed", "U_IRA", world.clock.now),
    );
    // The agreement is ticked by hand here (no application was approved); the partner's own people may tick.
    const agreement = await world.services.onboarding.completeStep(program.manager, initech.id, "agreement");
    expect(agreement.finished).toBe(false);
    expect(
      await outboxOf(world, workspaceId).then((rows) => rows.filter((row) => row.kind === "onboarding.finished")),
    ).toEqual([]);

    world.clock.now = new Date(world.clock.now.getTime() + 60_000);
    const kickoff = await world.services.onboarding.completeStep(ira, initech.id, "kickoff");
    expect(kickoff.finished).toBe(true);
    expect(kickoff.partner).toMatchObject({ status: "active", onboardedAt: world.clock.now });
    expect(kickoff.steps.every((step) => step.doneAt !== null)).toBe(true);
    expect(await auditOf(workspaceId, "onboarding.finish")).toEqual([
      { actor: "U_IRA", target: String(initech.id), data: { partner: "Initech", steps: 6 } },
    ]);
    const announced = (await outboxOf(world, workspaceId)).filter((row) => row.kind === "onboarding.finished");
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ channelId: "C_APPROVALS", action: "post" });
    expect(JSON.parse(String(announced[0]?.subject))).toEqual({ partnerId: initech.id });
    expect(await world.services.onboarding.overview(program.manager)).toEqual([]);

    // A second click on a step already done says so and finishes nothing again.
    expect(await refusal(() => world.services.onboarding.completeStep(ira, initech.id, "kickoff"))).toEqual({
      code: "onboarding_step_done",
      params: { label: "Kickoff call held" },
    });
    expect(await auditOf(workspaceId, "onboarding.finish")).toHaveLength(1);
  });

  it("announces a finished partner in its own channel when it has one", async () => {
    const program = await world.program();
    const initech = await added(program, "Initech");
    await world.opened.store.partners.setHomeChannel(initech.id, "C_INITECH");
    for (const step of await world.opened.store.onboarding.steps(initech.id)) {
      await world.services.onboarding.completeStep(program.manager, initech.id, step.key);
    }
    const announced = (await outboxOf(world, program.admin.workspace.id)).filter(
      (row) => row.kind === "onboarding.finished",
    );
    expect(announced.map((row) => row.channelId)).toEqual(["C_INITECH"]);
  });

  it("lets managers and the partner's own people tick steps, and refuses everyone else", async () => {
    const program = await world.program();
    const initech = await added(program, "Initech");
    expect(await refusal(() => world.services.onboarding.completeStep(program.ana, initech.id, "kickoff"))).toEqual({
      code: "forbidden",
      params: { action: "complete_onboarding" },
    });
    expect(await refusal(() => world.services.onboarding.completeStep(program.nobody, initech.id, "kickoff"))).toEqual({
      code: "forbidden",
      params: { action: "complete_onboarding" },
    });
    expect(await refusal(() => world.services.onboarding.completeStep(program.manager, initech.id, "party"))).toEqual({
      code: "onboarding_step_unknown",
      params: { text: "party" },
    });
    expect(
      await refusal(() => world.services.onboarding.completeStep(program.manager, program.acme.id, "kickoff")),
    ).toEqual({ code: "onboarding_not_started", params: { partner: "Acme Solutions" } });
    expect(await doneKeys(initech.id)).toEqual([]);

    // Members see only their own partner's checklist.
    expect(await refusal(() => world.services.onboarding.show(program.ana, "Initech"))).toEqual({
      code: "forbidden",
      params: { action: "see_other_partners" },
    });
    expect(await refusal(() => world.services.onboarding.show(program.nobody))).toMatchObject({ code: "no_partner" });
    expect(await refusal(() => world.services.onboarding.show(program.ana))).toEqual({
      code: "onboarding_not_started",
      params: { partner: "Acme Solutions" },
    });
    expect(await refusal(() => world.services.onboarding.overview(program.ana))).toMatchObject({ code: "forbidden" });
    await world.services.partners.assign(program.manager, "U_IRA", "Initech");
    const ira = await program.actor("U_IRA");
    expect((await world.services.onboarding.show(ira)).canTick).toBe(true);
    expect((await world.services.onboarding.show(program.manager, "Initech")).canTick).toBe(true);
  });

  it("lists partners still onboarding for managers, the stuck ones (nothing done for 14 days) first", async () => {
    const program = await world.program();
    const start = world.clock.now;
    try {
      const initech = await added(program, "Initech");
      world.clock.now = new Date(start.getTime() + 3 * DAY);
      const hooli = await added(program, "Hooli");
      world.clock.now = new Date(start.getTime() + 10 * DAY);
      await world.services.onboarding.completeStep(program.manager, initech.id, "kickoff");
      world.clock.now = new Date(start.getTime() + 17 * DAY);

      const overview = await world.services.onboarding.overview(program.manager);
      expect(overview.map((row) => [row.partner.name, row.done, row.total, row.stuck])).toEqual([
        ["Hooli", 0, 6, true],
        ["Initech", 1, 6, false],
      ]);
      expect(overview[0]?.lastProgressAt).toEqual(new Date(start.getTime() + 3 * DAY));
      expect(overview[1]?.lastProgressAt).toEqual(new Date(start.getTime() + 10 * DAY));
      expect((await world.services.onboarding.show(program.manager, "Hooli")).stuck).toBe(true);

      world.clock.now = new Date(start.getTime() + 24 * DAY);
      expect((await world.services.onboarding.overview(program.manager)).map((row) => row.stuck)).toEqual([true, true]);
      // A step done moves a partner out of the stuck ones.
      await world.services.onboarding.completeStep(program.manager, hooli.id, "kickoff");
      expect(
        (await world.services.onboarding.overview(program.manager)).map((row) => [row.partner.name, row.stuck]),
      ).toEqual([
        ["Initech", true],
        ["Hooli", false],
      ]);
    } finally {
      world.clock.now = start;
    }
  });

  it("finishes exactly once when the last two steps are completed by events at the same moment", async () => {
    const program = await world.program();
    const { workspace } = program.admin;
    const initech = await added(program, "Initech");
    for (const key of ["agreement", "training", "first_deal", "kickoff"]) {
      await world.services.onboarding.completeStep(program.manager, initech.id, key);
    }
    // Left: "Team members added" and "First deal won". The first event's transaction stays open
    // while the second one runs: the second must wait for it and then see its step done.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstFired = () => {};
    const fired = new Promise<void>((resolve) => {
      firstFired = resolve;
    });
    const first = world.opened.store.transaction(async (tx) => {
      const result = await fireOnboardingEvent(tx, workspace, initech.id, "member_added", "U_A", world.clock.now);
      firstFired();
      await gate;
      return result;
    });
    await fired;
    const second = world.opened.store.transaction((tx) =>
      fireOnboardingEvent(tx, workspace, initech.id, "deal_won", "U_B", world.clock.now),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const results = await Promise.all([first, second]);
    expect(results.map((result) => result.completed.map((step) => step.key))).toEqual([["team"], ["first_win"]]);
    expect(results.map((result) => result.finished)).toEqual([false, true]);
    expect((await world.opened.store.partners.findById(workspace.id, initech.id))?.status).toBe("active");
    expect(await auditOf(workspace.id, "onboarding.finish")).toEqual([
      { actor: "U_B", target: String(initech.id), data: { partner: "Initech", steps: 6 } },
    ]);
  });
});
