import { describe, expect, it } from "vitest";
import type { ApplicationDraft } from "../../src/domain/program/application-input";
import { AccessService } from "../../src/services/access-service";
import type { ApplicationReviewInput } from "../../src/services/applications";
import { outboxOf, type Program, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
const SHARED = "C_SHARED_INITECH";

async function auditOf(workspaceId: number, action: string) {
  const entries = await world.opened.db.auditEntry.findMany({ where: { workspaceId, action }, orderBy: { id: "asc" } });
  return entries.map((entry) => ({
    actor: entry.actor,
    target: entry.target,
    data: JSON.parse(entry.data) as unknown,
  }));
}

function draft(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
    company: "Initech",
    website: "https://www.Initech.com/about",
    regions: "EMEA, APAC",
    segments: "Mid-market",
    solutions: "Managed print services",
    teamSize: "40",
    reference1: "Jane Doe, jane@umbrella.example",
    reference2: "Bill Lumbergh",
    ...overrides,
  };
}

/** Every criterion scored and every check ticked: what approval needs. */
const COMPLETE: Omit<ApplicationReviewInput, "decision" | "reason"> = {
  scores: {
    reputation: { score: 4, note: "Known locally" },
    track_record: { score: 3, note: null },
    customer_base: { score: 5, note: null },
    product_fit: { score: 4, note: null },
    cultural_fit: { score: 3, note: null },
  },
  checked: ["References checked", "Partner agreement signed", "NDA signed", "Credit check done"],
};

let submissions = 0;

/** A Slack Connect guest of another organization, as the access service identifies them. */
function guest(program: Program, userId = "U_GUEST", userTeamId = "T_INITECH") {
  return new AccessService(world.opened.store, []).identify({
    teamId: program.teamId,
    userId,
    userTeamId,
    internal: false,
  });
}

async function submit(
  actor: Awaited<ReturnType<typeof guest>>,
  overrides: Partial<ApplicationDraft> = {},
  channelId: string | null = null,
) {
  submissions += 1;
  const result = await world.services.applications.submit(actor, draft(overrides), {
    channelId,
    idempotencyKey: `application-${submissions}`,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.application;
}

const outboxRows = async (workspaceId: number, kind: string) =>
  (await outboxOf(world, workspaceId))
    .filter((row) => row.kind === kind)
    .map((row) => ({
      action: row.action,
      channelId: row.channelId,
      fallbackChannelId: row.fallbackChannelId,
      messageKey: row.messageKey,
      subject: JSON.parse(String(row.subject)) as unknown,
    }));

describe(`partner applications (${DB})`, () => {
  it("takes an internal application: stored as typed, audited, a card for managers and a receipt in the applicant's DM", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const application = await submit(program.nobody, {}, "C_GENERAL");
    expect(application).toMatchObject({
      company: "Initech",
      companyKey: "initech",
      website: "initech.com",
      regions: "EMEA, APAC",
      teamSize: 40,
      references: [
        { name: "Jane Doe", contact: "jane@umbrella.example" },
        { name: "Bill Lumbergh", contact: "" },
      ],
      applicantUserId: "U_NOBODY",
      external: false,
      status: "pending",
      scores: {},
      checklist: {},
    });
    expect(await auditOf(workspaceId, "application.submit")).toEqual([
      {
        actor: "U_NOBODY",
        target: String(application.id),
        data: { company: "Initech", external: false, channelId: "C_GENERAL" },
      },
    ]);
    expect(await outboxRows(workspaceId, "application.card")).toEqual([
      {
        action: "post",
        channelId: "C_APPROVALS",
        fallbackChannelId: null,
        messageKey: `application:${application.id}`,
        subject: { applicationId: application.id },
      },
    ]);
    expect(await outboxRows(workspaceId, "application.applicant")).toEqual([
      {
        action: "post",
        channelId: "U_NOBODY",
        fallbackChannelId: null,
        messageKey: `application:${application.id}:applicant:received`,
        subject: { applicationId: application.id, event: "received" },
      },
    ]);
    const forMessage = await world.services.applications.forMessage(workspaceId, application.id);
    expect(forMessage).toMatchObject({ application: { id: application.id }, partnerName: null });
    expect(forMessage?.config.criteria).toHaveLength(5);
  });

  it("answers an external applicant in the shared channel they applied from, their DM when it refuses", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const application = await submit(await guest(program), {}, SHARED);
    expect(application).toMatchObject({ external: true, applicantTeamId: "T_INITECH", channelId: SHARED });
    expect(await outboxRows(workspaceId, "application.applicant")).toEqual([
      expect.objectContaining({ channelId: SHARED, fallbackChannelId: "U_GUEST" }),
    ]);
  });

  it("says what is wrong with each field and stores nothing", async () => {
    const program = await world.program();
    const result = await world.services.applications.submit(
      program.nobody,
      draft({ company: "  ", website: "not a site", teamSize: "0", reference2: null }),
      { channelId: null, idempotencyKey: "bad-application" },
    );
    if (result.ok) throw new Error("accepted");
    expect(Object.keys(result.errors).sort()).toEqual(["company", "reference2", "teamSize", "website"]);
    expect(result.errors.company).toEqual({ code: "application_field_missing", params: { field: "company" } });
    expect(await world.opened.store.applications.list(program.admin.workspace.id, { limit: 10 })).toEqual([]);
  });

  it("refuses people of a partner, a company that is a partner, and a second application while one waits", async () => {
    const program = await world.program();
    expect(await refusal(() => world.services.applications.canApply(program.ana))).toEqual({
      code: "application_already_partner",
      params: { partner: "Acme Solutions" },
    });
    await world.services.applications.canApply(program.nobody);
    await world.services.applications.canApply(program.manager);
    const partner = await world.services.applications.submit(program.nobody, draft({ company: "ACME solutions." }), {
      channelId: null,
      idempotencyKey: "acme-again",
    });
    expect(partner).toEqual({
      ok: false,
      errors: { company: { code: "application_already_partner", params: { partner: "Acme Solutions" } } },
    });
    await submit(program.nobody);
    const again = await world.services.applications.submit(program.manager, draft({ company: "initech" }), {
      channelId: null,
      idempotencyKey: "initech-again",
    });
    expect(again).toEqual({
      ok: false,
      errors: { company: { code: "application_pending_exists", params: { company: "Initech" } } },
    });
    // A guest whose organization is a partner already is one of its people.
    await world.opened.store.partners.createEstablished(program.admin.workspace.id, {
      name: "Hooli",
      nameKey: "hooli",
      region: null,
      tier: "registered",
      status: "active",
      connectTeamId: "T_HOOLI",
      homeChannel: null,
      onboardedAt: null,
    });
    expect(
      await refusal(async () => world.services.applications.canApply(await guest(program, "U_GAVIN", "T_HOOLI"))),
    ).toEqual({ code: "application_already_partner", params: { partner: "Hooli" } });
    expect(await world.opened.store.applications.list(program.admin.workspace.id, { limit: 10 })).toHaveLength(1);
  });

  it("lets managers save a review: scores with notes and who gave them, checks with who ticked them", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const application = await submit(program.nobody);
    expect(await refusal(() => world.services.applications.reviewForm(program.ana, application.id))).toEqual({
      code: "forbidden",
      params: { action: "review_applications" },
    });
    expect(await refusal(() => world.services.applications.reviewForm(program.manager, 999_999))).toEqual({
      code: "application_not_found",
      params: { id: 999_999 },
    });
    const form = await world.services.applications.reviewForm(program.manager, application.id);
    expect(form.config.dueDiligence).toHaveLength(4);

    const saved = await world.services.applications.decide(program.manager, application.id, {
      decision: "save",
      scores: { reputation: { score: 4, note: " Known locally " }, track_record: { score: null, note: null } },
      checked: ["References checked", "Not a check"],
      reason: null,
    });
    expect(saved.partner).toBeNull();
    expect(saved.application).toMatchObject({
      status: "pending",
      scores: { reputation: { score: 4, note: "Known locally", by: "U_MANAGER" } },
      checklist: { "References checked": { by: "U_MANAGER", at: world.clock.now.toISOString() } },
    });
    // Another manager adds their scores; the first one's stay, and so does who ticked the check.
    const second = await world.services.applications.decide(program.admin, application.id, {
      decision: "save",
      scores: { customer_base: { score: 5, note: null } },
      checked: ["References checked", "NDA signed"],
      reason: null,
    });
    expect(Object.keys(second.application.scores).sort()).toEqual(["customer_base", "reputation"]);
    expect(second.application.checklist["References checked"]?.by).toBe("U_MANAGER");
    expect(second.application.checklist["NDA signed"]?.by).toBe(program.admin.userId);
    expect(await outboxRows(workspaceId, "application.card_update")).toEqual([
      expect.objectContaining({ action: "update", messageKey: `application:${application.id}` }),
      expect.objectContaining({ action: "update", messageKey: `application:${application.id}` }),
    ]);
    expect(
      await refusal(() =>
        world.services.applications.decide(program.manager, application.id, {
          decision: "save",
          scores: { reputation: { score: 6, note: null } },
          checked: [],
          reason: null,
        }),
      ),
    ).toEqual({ code: "score_invalid", params: { min: 1, max: 5 } });
  });

  it("approves only with every check done, every weighted criterion scored and a reason", async () => {
    const program = await world.program();
    const application = await submit(program.nobody);
    const decide = (input: Partial<ApplicationReviewInput>) =>
      refusal(() =>
        world.services.applications.decide(program.manager, application.id, {
          ...COMPLETE,
          decision: "approve",
          reason: "Strong fit",
          ...input,
        }),
      );
    expect(await decide({ checked: ["References checked", "NDA signed"] })).toEqual({
      code: "application_checks_open",
      params: { open: ["Partner agreement signed", "Credit check done"] },
    });
    expect(await decide({ scores: { ...COMPLETE.scores, product_fit: { score: null, note: null } } })).toEqual({
      code: "application_unscored",
      params: { missing: ["Product fit"] },
    });
    expect(await decide({ reason: "  " })).toEqual({ code: "reason_missing", params: undefined });
    expect(await decide({ reason: "x".repeat(501) })).toEqual({ code: "reason_too_long", params: { max: 500 } });
    const stored = await world.opened.store.applications.findById(program.admin.workspace.id, application.id);
    expect(stored).toMatchObject({ status: "pending", scores: {}, checklist: {} });
    expect(await world.opened.store.partners.findByKey(program.admin.workspace.id, "initech")).toBeNull();
  });

  it("approves an external applicant: their company becomes a partner onboarding, with them and their channel", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const applicant = await guest(program);
    const application = await submit(applicant, {}, SHARED);
    world.clock.now = new Date(world.clock.now.getTime() + 3_600_000);
    const decided = await world.services.applications.decide(program.manager, application.id, {
      ...COMPLETE,
      decision: "approve",
      reason: " Strong fit for EMEA ",
    });
    expect(decided.partner).toMatchObject({
      name: "Initech",
      region: "EMEA",
      tier: "registered",
      status: "onboarding",
      connectTeamId: "T_INITECH",
      homeChannel: SHARED,
      onboardedAt: null,
    });
    const partnerId = decided.partner?.id;
    expect(decided.application).toMatchObject({
      status: "approved",
      decidedBy: "U_MANAGER",
      decidedAt: world.clock.now,
      decisionReason: "Strong fit for EMEA",
      partnerId,
    });
    // The applicant is the partner's first member, so the team step is done, and the agreement was checked.
    expect((await world.opened.store.members.find(workspaceId, "U_GUEST"))?.partnerId).toBe(partnerId);
    const steps = await world.opened.store.onboarding.steps(partnerId ?? 0);
    expect(steps.filter((step) => step.doneAt !== null).map((step) => [step.key, step.doneBy])).toEqual([
      ["agreement", "U_MANAGER"],
      ["team", "U_MANAGER"],
    ]);
    expect(await auditOf(workspaceId, "application.approve")).toEqual([
      {
        actor: "U_MANAGER",
        target: String(application.id),
        data: { company: "Initech", reason: "Strong fit for EMEA", partnerId },
      },
    ]);
    expect(await outboxRows(workspaceId, "application.card_update")).toEqual([
      expect.objectContaining({ action: "update", messageKey: `application:${application.id}` }),
    ]);
    expect((await outboxRows(workspaceId, "application.applicant")).at(-1)).toEqual({
      action: "post",
      channelId: SHARED,
      fallbackChannelId: "U_GUEST",
      messageKey: `application:${application.id}:applicant:approved`,
      subject: { applicationId: application.id, event: "approved", reason: "Strong fit for EMEA" },
    });
    expect((await world.services.applications.forMessage(workspaceId, application.id))?.partnerName).toBe("Initech");
    // Decided once: a second click, by anyone, changes nothing.
    expect(
      await refusal(() =>
        world.services.applications.decide(program.admin, application.id, {
          ...COMPLETE,
          decision: "decline",
          reason: "No",
        }),
      ),
    ).toEqual({ code: "application_decided", params: { status: "approved", decidedBy: "U_MANAGER" } });
    expect(await refusal(() => world.services.applications.canApply(applicant))).toEqual({
      code: "application_already_partner",
      params: { partner: "Initech" },
    });
  });

  it("approves an internal proposal as a partner with no members or channel yet", async () => {
    const program = await world.program();
    const application = await submit(
      program.nobody,
      { regions: "Everywhere in the northern hemisphere but Antarctica, EMEA" },
      "C_GENERAL",
    );
    const decided = await world.services.applications.decide(program.manager, application.id, {
      ...COMPLETE,
      decision: "approve",
      reason: "Proposed by sales",
    });
    expect(decided.partner).toMatchObject({
      region: null,
      connectTeamId: null,
      homeChannel: null,
      status: "onboarding",
    });
    expect((await world.opened.store.members.find(program.admin.workspace.id, "U_NOBODY"))?.partnerId).toBeNull();
    const steps = await world.opened.store.onboarding.steps(decided.partner?.id ?? 0);
    expect(steps.filter((step) => step.doneAt !== null).map((step) => step.key)).toEqual(["agreement"]);
  });

  it("declines with the reason told to the applicant, and no partner", async () => {
    const program = await world.program();
    const workspaceId = program.admin.workspace.id;
    const application = await submit(program.nobody);
    const decided = await world.services.applications.decide(program.manager, application.id, {
      decision: "decline",
      scores: {},
      checked: [],
      reason: "No overlap with our products",
    });
    expect(decided).toMatchObject({ partner: null, application: { status: "declined", partnerId: null } });
    expect(await world.opened.store.partners.findByKey(workspaceId, "initech")).toBeNull();
    expect(await auditOf(workspaceId, "application.decline")).toHaveLength(1);
    expect((await outboxRows(workspaceId, "application.applicant")).at(-1)).toMatchObject({
      channelId: "U_NOBODY",
      subject: { applicationId: application.id, event: "declined", reason: "No overlap with our products" },
    });
    // Declined, the company may apply again.
    await submit(program.nobody);
  });

  it("makes one partner when two managers approve at the same moment; the other hears it was decided", async () => {
    const program = await world.program();
    const application = await submit(program.nobody);
    const results = await Promise.allSettled(
      [program.manager, program.admin].map((actor) =>
        world.services.applications.decide(actor, application.id, { ...COMPLETE, decision: "approve", reason: "Yes" }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && (rejected.reason as { code: string }).code).toBe("application_decided");
    const partners = await world.opened.store.partners.list(program.admin.workspace.id);
    expect(partners.filter((partner) => partner.name === "Initech")).toHaveLength(1);
    expect(await auditOf(program.admin.workspace.id, "application.approve")).toHaveLength(1);
  });

  it("keeps both managers' scores when they save reviews of the same application at the same moment", async () => {
    const program = await world.program();
    const application = await submit(program.nobody);
    await Promise.all([
      world.services.applications.decide(program.manager, application.id, {
        decision: "save",
        scores: { reputation: { score: 2, note: null } },
        checked: [],
        reason: null,
      }),
      world.services.applications.decide(program.admin, application.id, {
        decision: "save",
        scores: { product_fit: { score: 5, note: null } },
        checked: [],
        reason: null,
      }),
    ]);
    const stored = await world.opened.store.applications.findById(program.admin.workspace.id, application.id);
    expect(stored?.scores).toEqual({
      reputation: { score: 2, note: null, by: "U_MANAGER" },
      product_fit: { score: 5, note: null, by: program.admin.userId },
    });
  });

  it("lists applications for managers and puts the five waiting longest on their Home, oldest first", async () => {
    const program = await world.program();
    const start = world.clock.now;
    const companies = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];
    try {
      for (const [index, company] of companies.entries()) {
        world.clock.now = new Date(start.getTime() + index * 60_000);
        await submit(program.nobody, { company });
      }
    } finally {
      world.clock.now = start;
    }
    const first = (await world.opened.store.applications.list(program.admin.workspace.id, { limit: 10 })).find(
      (application) => application.company === "Alpha",
    );
    await world.services.applications.decide(program.manager, first?.id ?? 0, {
      decision: "decline",
      scores: {},
      checked: [],
      reason: "Not now",
    });
    const pending = await world.services.applications.pending(program.manager);
    expect(pending.map((application) => application.company)).toEqual(["Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]);
    const declined = await world.services.applications.list(program.manager, { status: "declined" });
    expect(declined.applications.map((application) => application.company)).toEqual(["Alpha"]);
    expect(declined.criteria).toHaveLength(5);
    expect((await world.services.applications.list(program.admin)).applications).toHaveLength(6);
    for (const run of [
      () => world.services.applications.pending(program.ana),
      () => world.services.applications.list(program.nobody),
    ]) {
      expect(await refusal(run)).toEqual({ code: "forbidden", params: { action: "review_applications" } });
    }
  });
});
