import { beforeAll, describe, expect, it } from "vitest";
import type { NewShoutout, ShoutoutRecord } from "../../src/services/recognition/recognition-store";
import type { Store } from "../../src/services/store";
import { useTestStore } from "../support/test-store";

const opened = useTestStore();
let store: Store;
let teams = 0;
let keys = 0;

beforeAll(async () => {
  ({ store } = opened);
});

/** Each test gets its own workspace, so lists and counts see only its shout-outs. */
async function workspace(): Promise<number> {
  teams += 1;
  return (await store.workspaces.ensure(`T${teams}`)).id;
}

async function partner(workspaceId: number, name: string): Promise<number> {
  const created = await store.partners.create(workspaceId, {
    name,
    nameKey: name.toLowerCase(),
    region: null,
    tier: "registered",
  });
  if (!created) throw new Error("partner name taken");
  return created.id;
}

function draft(workspaceId: number, fields: Partial<NewShoutout> = {}): NewShoutout {
  keys += 1;
  return {
    workspaceId,
    fromUserId: "U_GIVER",
    message: "Thanks for the demo!",
    value: null,
    award: null,
    announce: true,
    channelId: "C_GENERAL",
    recipients: [{ userId: "U_ANA", partnerId: null }],
    idempotencyKey: `view-${keys}`,
    createdAt: new Date("2026-11-20T10:00:00Z"),
    ...fields,
  };
}

async function give(workspaceId: number, fields: Partial<NewShoutout> = {}): Promise<ShoutoutRecord> {
  const created = await store.transaction((tx) => tx.shoutouts.create(draft(workspaceId, fields)));
  if (!created) throw new Error("idempotency key taken");
  return created;
}

describe(`shout-out repository (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("creates a shout-out to people and a partner company and finds it by id in its workspace only", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const created = await give(ws, {
      message: "Closed the Globex deal together",
      value: "Win together",
      award: "Partner of the month",
      announce: false,
      recipients: [
        { userId: "U_ANA", partnerId: null },
        { userId: null, partnerId: acme },
      ],
    });
    expect(created).toMatchObject({
      workspaceId: ws,
      teamId: `T${teams}`,
      fromUserId: "U_GIVER",
      message: "Closed the Globex deal together",
      value: "Win together",
      award: "Partner of the month",
      announce: false,
      channelId: "C_GENERAL",
      plusOneCount: 0,
      recipients: [
        { userId: "U_ANA", partnerId: null, partnerName: null },
        { userId: null, partnerId: acme, partnerName: "Acme" },
      ],
    });
    expect(created.createdAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(await store.shoutouts.findById(ws, created.id)).toEqual(created);
    expect(await store.shoutouts.findById(await workspace(), created.id)).toBeNull();
  });

  it("returns null for a repeated idempotency key, records nothing more, and finds the first by its key", async () => {
    const ws = await workspace();
    const first = await give(ws, { idempotencyKey: "trigger-1" });
    const again = await store.transaction((tx) =>
      tx.shoutouts.create(draft(ws, { idempotencyKey: "trigger-1", message: "Second try" })),
    );
    expect(again).toBeNull();
    expect(await store.shoutouts.findByIdempotencyKey("trigger-1")).toEqual(first);
    expect(await store.shoutouts.recent(ws, 10)).toHaveLength(1);
  });

  it("counts the recipients a person recognized since a moment, not the shout-outs", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const day = new Date("2026-11-20T00:00:00Z");
    await give(ws, { createdAt: new Date("2026-11-19T23:59:59Z") });
    await give(ws, {
      recipients: [
        { userId: "U_ANA", partnerId: null },
        { userId: "U_BEN", partnerId: null },
      ],
    });
    await give(ws, { recipients: [{ userId: null, partnerId: acme }] });
    await give(ws, { fromUserId: "U_OTHER" });
    expect(await store.shoutouts.recipientsGivenSince(ws, "U_GIVER", day)).toBe(3);
    expect(await store.shoutouts.recipientsGivenSince(ws, "U_OTHER", day)).toBe(1);
    expect(await store.shoutouts.recipientsGivenSince(await workspace(), "U_GIVER", day)).toBe(0);
  });

  it("counts one +1 per person and takes it back on a second click", async () => {
    const ws = await workspace();
    const shoutout = await give(ws);
    expect(await store.shoutouts.togglePlusOne(shoutout.id, "U_FAN")).toEqual({ added: true, plusOneCount: 1 });
    expect(await store.shoutouts.togglePlusOne(shoutout.id, "U_FAN_2")).toEqual({ added: true, plusOneCount: 2 });
    expect(await store.shoutouts.togglePlusOne(shoutout.id, "U_FAN")).toEqual({ added: false, plusOneCount: 1 });
    expect((await store.shoutouts.findById(ws, shoutout.id))?.plusOneCount).toBe(1);
  });

  it("counts concurrent clicks by different people each once", async () => {
    const ws = await workspace();
    const shoutout = await give(ws);
    const fans = ["U_1", "U_2", "U_3", "U_4"];
    await Promise.all(fans.map((fan) => store.transaction((tx) => tx.shoutouts.togglePlusOne(shoutout.id, fan))));
    expect((await store.shoutouts.findById(ws, shoutout.id))?.plusOneCount).toBe(4);
  });

  it("lists received, given and recent shout-outs newest first, up to the limit", async () => {
    const ws = await workspace();
    const at = (day: number) => new Date(`2026-11-${day}T12:00:00Z`);
    const older = await give(ws, { createdAt: at(10), recipients: [{ userId: "U_ANA", partnerId: null }] });
    const newer = await give(ws, {
      createdAt: at(12),
      recipients: [
        { userId: "U_BEN", partnerId: null },
        { userId: "U_ANA", partnerId: null },
      ],
    });
    const fromAna = await give(ws, {
      createdAt: at(11),
      fromUserId: "U_ANA",
      recipients: [{ userId: "U_BEN", partnerId: null }],
    });
    const ids = (list: ShoutoutRecord[]) => list.map((s) => s.id);
    expect(ids(await store.shoutouts.received(ws, "U_ANA", 5))).toEqual([newer.id, older.id]);
    expect(ids(await store.shoutouts.received(ws, "U_BEN", 5))).toEqual([newer.id, fromAna.id]);
    expect(ids(await store.shoutouts.given(ws, "U_GIVER", 5))).toEqual([newer.id, older.id]);
    expect(ids(await store.shoutouts.given(ws, "U_ANA", 5))).toEqual([fromAna.id]);
    expect(ids(await store.shoutouts.recent(ws, 2))).toEqual([newer.id, fromAna.id]);
    expect(await store.shoutouts.received(await workspace(), "U_ANA", 5)).toEqual([]);
  });
});

describe(`milestone repository (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  const at = new Date("2026-11-20T10:00:00Z");

  it("claims a milestone once; another kind, key or partner is a milestone of its own", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const globex = await partner(ws, "Globex");
    const firstWin = { workspaceId: ws, partnerId: acme, kind: "first_win", key: "1", at };
    expect(await store.milestones.claim(firstWin)).toBe(true);
    expect(await store.milestones.claim(firstWin)).toBe(false);
    expect(await store.milestones.claim({ ...firstWin, partnerId: globex })).toBe(true);
    expect(await store.milestones.claim({ ...firstWin, kind: "record_month", key: "2026-11" })).toBe(true);
    expect(await store.milestones.claim({ ...firstWin, kind: "record_month", key: "2026-12" })).toBe(true);
  });

  it("gives two concurrent claims one winner, and neither caller's transaction is aborted", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const milestone = { workspaceId: ws, partnerId: acme, kind: "first_win", key: "1", at };
    const claimThenWrite = (caller: string) =>
      store.transaction(async (tx) => {
        const claimed = await tx.milestones.claim(milestone);
        // A write after the claim: it fails if a losing claim aborted the transaction.
        await tx.shoutouts.create(draft(ws, { fromUserId: caller }));
        return claimed;
      });
    const results = await Promise.all([claimThenWrite("U_ONE"), claimThenWrite("U_TWO")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.shoutouts.recent(ws, 10)).toHaveLength(2);
  });

  it("a repeated claim inside a transaction leaves the transaction usable", async () => {
    const ws = await workspace();
    const acme = await partner(ws, "Acme");
    const milestone = { workspaceId: ws, partnerId: acme, kind: "first_win", key: "1", at };
    await store.milestones.claim(milestone);
    const claimed = await store.transaction(async (tx) => {
      const again = await tx.milestones.claim(milestone);
      await tx.shoutouts.create(draft(ws));
      return again;
    });
    expect(claimed).toBe(false);
    expect(await store.shoutouts.recent(ws, 10)).toHaveLength(1);
  });
});

describe(`recognition settings (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("reads the program's defaults and stores changed values, allowance and celebrations", async () => {
    teams += 1;
    const ws = await store.workspaces.ensure(`T${teams}`);
    expect(ws).toMatchObject({
      shoutoutAllowance: 5,
      companyValues: ["Customer first", "Win together", "Own it", "Raise the bar"],
      celebrateFirstWin: true,
      celebrateRecordMonth: true,
      celebrationsChannel: null,
    });
    const patch = {
      shoutoutAllowance: 8,
      companyValues: ["Be kind", "Ship it"],
      celebrateRecordMonth: false,
      celebrationsChannel: "C_WINS",
    };
    const updated = await store.workspaces.updateSettings(ws.id, patch);
    expect(updated).toMatchObject({ ...patch, celebrateFirstWin: true });
    expect(await store.workspaces.find(`T${teams}`)).toEqual(updated);
  });

  it("stores a person's opt-out of public announcements and their time zone", async () => {
    const ws = await workspace();
    const member = await store.members.ensure(ws, "U_ANA", null);
    expect(member).toMatchObject({ announceShoutouts: true, timezone: null });
    expect(await store.members.setAnnounceShoutouts(member.id, false)).toMatchObject({ announceShoutouts: false });
    expect(await store.members.setTimezone(member.id, "Asia/Tokyo")).toMatchObject({ timezone: "Asia/Tokyo" });
    expect(await store.members.find(ws, "U_ANA")).toMatchObject({ announceShoutouts: false, timezone: "Asia/Tokyo" });
  });
});
