import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import type { ShoutoutInput } from "../../src/domain/recognition/shoutout-input";
import { DomainError } from "../../src/domain/shared/domain-error";
import { textKey } from "../../src/domain/shared/text-key";
import { AccessService, type Actor } from "../../src/services/access-service";
import { createDealUseCases, type DealUseCases } from "../../src/services/deals";
import { createRecognitionUseCases, type RecognitionUseCases } from "../../src/services/recognition";
import { celebrateDealWon } from "../../src/services/recognition/celebrate-milestones";
import type { PartnerRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TEAM = "T_RECOGNITION";
const WHY = "Closed the Acme renewal two weeks early";

let database: TestDatabase;
let db: Db;
let store: Store;
let access: AccessService;
let now: Date;
let recognition: RecognitionUseCases;
let deals: DealUseCases;
let admin: Actor;
let keys = 0;

const key = () => `view-${++keys}`;
const actorFor = (userId: string): Promise<Actor> => access.identify({ teamId: TEAM, userId });
const people = (...ids: string[]) => ids.map((userId) => ({ userId }));

async function outboxRows(prefix: string) {
  return db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { id: "asc" } });
}

async function given(by: Actor, input: Partial<ShoutoutInput>, channel: string | null = "C_SALES") {
  const result = await recognition.give(by, { recipients: people("U_ANA"), message: WHY, ...input }, key(), channel);
  if (result.kind !== "given") throw new Error(`expected given, got ${JSON.stringify(result)}`);
  return result.shoutout;
}

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

async function partnerNamed(name: string, homeChannel: string | null): Promise<PartnerRecord> {
  const partner = await store.partners.createEstablished(admin.workspace.id, {
    name,
    nameKey: textKey(name),
    region: null,
    tier: "gold",
    status: "active",
    connectTeamId: null,
    homeChannel,
    onboardedAt: null,
  });
  if (!partner) throw new Error("partner exists");
  return partner;
}

/** A registered, approved deal of `partner`, won through the deal use case at the current clock. */
async function wonDeal(partner: PartnerRecord, name: string): Promise<number> {
  const deal = await store.deals.create({
    workspaceId: admin.workspace.id,
    partnerId: partner.id,
    createdBy: "U_ADMIN",
    customerName: name,
    customer: { domain: null, nameKey: textKey(name) },
    product: "Platform",
    amountMinor: 100_000,
    currency: "EUR",
    stage: "proposal",
    status: "approved",
    conflictDealId: null,
    expectedCloseOn: null,
    region: null,
    notes: null,
    channelId: null,
    idempotencyKey: key(),
  });
  if (!deal) throw new Error("deal exists");
  await deals.changeStage(admin, deal.id, "won");
  return deal.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createDb(database.url);
  store = createStore(db);
  access = new AccessService(store, ["U_ADMIN"]);
  now = new Date();
  recognition = createRecognitionUseCases({ store, clock: () => now });
  deals = createDealUseCases({ store, clock: () => now });
  admin = await actorFor("U_ADMIN");
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  now = new Date("2026-03-10T12:00:00Z");
});

describe(`recognition use cases (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("recognizes several people and a partner: one post, a DM per person; a repeat records nothing more", async () => {
    const giver = await actorFor("U_GIVER_1");
    const partner = await partnerNamed("Acme Partners", null);
    const idempotencyKey = key();
    const input: ShoutoutInput = {
      recipients: [...people("U_ANA", "U_BEN"), { partnerName: "acme  PARTNERS" }],
      message: WHY,
      value: "win together",
    };
    const first = await recognition.give(giver, input, idempotencyKey, "C_SALES");
    if (first.kind !== "given") throw new Error(JSON.stringify(first));
    expect(first.shoutout).toMatchObject({
      fromUserId: "U_GIVER_1",
      message: WHY,
      value: "Win together",
      award: null,
      announce: true,
      channelId: "C_SALES",
      teamId: TEAM,
      plusOneCount: 0,
      recipients: [
        { userId: "U_ANA", partnerId: null },
        { userId: "U_BEN", partnerId: null },
        { userId: null, partnerId: partner.id, partnerName: "Acme Partners" },
      ],
    });
    const id = first.shoutout.id;
    const rows = await outboxRows(`shoutout:${id}:`);
    expect(rows.map((row) => [row.kind, row.action, row.channelId])).toEqual([
      ["shoutout.post", "post", "C_SALES"],
      ["shoutout.dm", "post", "U_ANA"],
      ["shoutout.dm", "post", "U_BEN"],
    ]);
    expect(rows[0]?.messageKey).toBe(`shoutout:${id}:post`);

    const repeat = await recognition.give(giver, input, idempotencyKey, "C_SALES");
    expect(repeat).toMatchObject({ kind: "repeat", shoutout: { id } });
    expect(await outboxRows(`shoutout:${id}:`)).toHaveLength(3);
    expect((await recognition.giveForm(giver)).allowanceLeft).toBe(2);
  });

  it("says which partner it does not know", async () => {
    const giver = await actorFor("U_GIVER_2");
    const result = await recognition.give(
      giver,
      { recipients: [{ partnerName: "Nobody Inc" }], message: WHY },
      key(),
      null,
    );
    expect(result).toEqual({
      kind: "invalid",
      problems: { recipients: { code: "partner_not_found", params: { name: "Nobody Inc" } } },
    });
  });

  it("refuses self and bot shout-outs, recording nothing", async () => {
    const giver = await actorFor("U_GIVER_3");
    const self = await recognition.give(giver, { recipients: people("U_ANA", "U_GIVER_3"), message: WHY }, key(), null);
    expect(self).toEqual({ kind: "invalid", problems: { recipients: { code: "shoutout_self" } } });
    const bot = await recognition.give(
      giver,
      { recipients: people("U_BOT"), message: WHY, botUserIds: ["U_BOT"] },
      key(),
      null,
    );
    expect(bot).toEqual({
      kind: "invalid",
      problems: { recipients: { code: "shoutout_bot", params: { userId: "U_BOT" } } },
    });
    expect((await recognition.home(giver)).given).toEqual([]);
  });

  it("lets a manager give an award and refuses a peer's", async () => {
    const plain = await actorFor("U_MANAGER");
    await store.members.setRole(plain.member.id, "manager");
    const manager = await actorFor("U_MANAGER");
    const award = await given(manager, { award: "Partner of the month" });
    expect(award.award).toBe("Partner of the month");
    expect((await recognition.giveForm(manager)).canAward).toBe(true);

    const peer = await actorFor("U_GIVER_4");
    expect((await recognition.giveForm(peer)).canAward).toBe(false);
    const refused = await recognition.give(
      peer,
      { recipients: people("U_ANA"), message: WHY, award: "Star" },
      key(),
      null,
    );
    expect(refused).toEqual({ kind: "invalid", problems: { award: { code: "shoutout_award_managers_only" } } });
  });

  it("refuses a shout-out past the allowance whole, says when it resets, and resets at the giver's midnight", async () => {
    const plain = await actorFor("U_GIVER_TOKYO");
    await store.members.setTimezone(plain.member.id, "Asia/Tokyo");
    const giver = await actorFor("U_GIVER_TOKYO");
    // 23:00 in Tokyo, 14:00 UTC: the program's own day (UTC) goes on for ten more hours.
    now = new Date("2026-03-10T14:00:00Z");
    await given(giver, { recipients: people("U_A", "U_B", "U_C", "U_D") });
    expect(await recognition.giveForm(giver)).toMatchObject({
      allowanceLeft: 1,
      resetsAt: new Date("2026-03-10T15:00:00Z"),
    });

    const exhausted = await refusal(() =>
      recognition.give(giver, { recipients: people("U_E", "U_F"), message: WHY }, key(), "C_SALES"),
    );
    expect(exhausted.problem).toEqual({
      code: "shoutout_allowance_exhausted",
      params: { left: 1, resetsAt: "2026-03-10T15:00:00.000Z", timezone: "Asia/Tokyo" },
    });
    expect((await recognition.home(giver)).given).toHaveLength(1);
    expect(await db.shoutout.count({ where: { fromUserId: "U_GIVER_TOKYO" } })).toBe(1);

    // Midnight in Tokyo: a new day there, though still 10 March in UTC.
    now = new Date("2026-03-10T15:00:00Z");
    await given(giver, { recipients: people("U_E", "U_F") });
    expect((await recognition.giveForm(giver)).allowanceLeft).toBe(3);
  });

  it("uses the program's allowance, which only admins change", async () => {
    const peer = await actorFor("U_GIVER_5");
    expect((await refusal(() => recognition.setAllowance(peer, 2))).problem).toEqual({
      code: "forbidden",
      params: { action: "change_settings" },
    });
    expect((await recognition.setAllowance(admin, 2)).shoutoutAllowance).toBe(2);
    const giver = await actorFor("U_GIVER_5");
    await given(giver, { recipients: people("U_A", "U_B") });
    const error = await refusal(() =>
      recognition.give(giver, { recipients: people("U_C"), message: WHY }, key(), null),
    );
    expect(error.code).toBe("shoutout_allowance_exhausted");
    await recognition.setAllowance(admin, 5);
    const audited = await db.auditEntry.count({ where: { action: "settings.recognition" } });
    expect(audited).toBe(2);
  });

  it("edits the company values a shout-out may name", async () => {
    const updated = await recognition.setValues(admin, ["Own it", "#Be kind", "own it"]);
    expect(updated.companyValues).toEqual(["Own it", "Be kind"]);
    const giver = await actorFor("U_GIVER_6");
    expect((await recognition.giveForm(giver)).values).toEqual(["Own it", "Be kind"]);
    const unknown = await recognition.give(
      giver,
      { recipients: people("U_ANA"), message: WHY, value: "Win together" },
      key(),
      null,
    );
    expect(unknown).toMatchObject({ kind: "invalid", problems: { value: { code: "shoutout_value_unknown" } } });
  });

  it("delivers privately when a recipient opted out, and it still counts", async () => {
    const ana = await actorFor("U_SHY");
    await recognition.setAnnounce(ana, false);
    const giver = await actorFor("U_GIVER_7");
    const shoutout = await given(giver, { recipients: people("U_SHY", "U_BOLD") });
    expect(shoutout.announce).toBe(false);
    const rows = await outboxRows(`shoutout:${shoutout.id}:`);
    expect(rows.map((row) => [row.kind, row.channelId])).toEqual([
      ["shoutout.dm", "U_SHY"],
      ["shoutout.dm", "U_BOLD"],
    ]);
    expect((await recognition.home(ana)).received.map((s) => s.id)).toContain(shoutout.id);
    await recognition.setAnnounce(ana, true);
  });

  it("counts one +1 per person: a second click takes it back; each redraws the post", async () => {
    const giver = await actorFor("U_GIVER_8");
    const shoutout = await given(giver, {});
    const ben = await actorFor("U_BEN");
    const carl = await actorFor("U_CARL");
    expect(await recognition.plusOne(ben, shoutout.id)).toMatchObject({ added: true, shoutout: { plusOneCount: 1 } });
    expect(await recognition.plusOne(carl, shoutout.id)).toMatchObject({ added: true, shoutout: { plusOneCount: 2 } });
    expect(await recognition.plusOne(ben, shoutout.id)).toMatchObject({ added: false, shoutout: { plusOneCount: 1 } });
    const updates = await outboxRows(`shoutout:${shoutout.id}:update:`);
    expect(updates).toHaveLength(3);
    expect(
      updates.every((row) => row.kind === "shoutout.update" && row.messageKey === `shoutout:${shoutout.id}:post`),
    ).toBe(true);
    expect((await refusal(() => recognition.plusOne(ben, 999_999))).code).toBe("shoutout_not_found");
  });

  it("celebrates a partner's first won deal once, in its channel, even when claimed again by another instance", async () => {
    const partner = await partnerNamed("First Win GmbH", "C_FIRSTWIN");
    const dealId = await wonDeal(partner, "Globex");
    const firstWin = `milestone:${partner.id}:first_win:1`;
    expect((await outboxRows(firstWin)).map((row) => [row.kind, row.channelId])).toEqual([
      ["milestone.celebration", "C_FIRSTWIN"],
    ]);

    // Another instance (its own client) runs the same step for the same won deal: already claimed.
    const otherDb = createDb(database.url);
    const other = createStore(otherDb);
    const deal = await store.deals.findById(admin.workspace.id, dealId);
    if (!deal) throw new Error("deal gone");
    await Promise.all([
      store.transaction((tx) => celebrateDealWon(tx, deal, now)),
      other.transaction((tx) => celebrateDealWon(tx, deal, now)),
    ]);
    await otherDb.$disconnect();
    await wonDeal(partner, "Initech");
    expect(await outboxRows(`milestone:${partner.id}:`)).toHaveLength(1);
  });

  it("celebrates a record month, and nothing an admin switched off", async () => {
    const partner = await partnerNamed("Record Reseller", null);
    await recognition.setCelebrations(admin, { firstWin: false, channel: "C_CELEBRATE" });
    now = new Date("2026-01-15T12:00:00Z");
    await wonDeal(partner, "Jan One");
    now = new Date("2026-02-15T12:00:00Z");
    await wonDeal(partner, "Feb One");
    now = new Date("2026-03-05T12:00:00Z");
    await wonDeal(partner, "Mar One");
    expect(await outboxRows(`milestone:${partner.id}:`)).toEqual([]);
    now = new Date("2026-03-06T12:00:00Z");
    await wonDeal(partner, "Mar Two");
    now = new Date("2026-03-07T12:00:00Z");
    await wonDeal(partner, "Mar Three");
    const rows = await outboxRows(`milestone:${partner.id}:`);
    expect(rows.map((row) => [row.kind, row.channelId, row.dedupeKey])).toEqual([
      ["milestone.celebration", "C_CELEBRATE", `milestone:${partner.id}:record_month:2026-03`],
    ]);
    await recognition.setCelebrations(admin, { firstWin: true, channel: null });
  });
});
