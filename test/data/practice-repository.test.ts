import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/data/database";
import type { NewPractice, PracticeRecord } from "../../src/services/practices/practice-store";
import type { Store } from "../../src/services/store";
import { useTestStore } from "../support/test-store";

const opened = useTestStore();
let db: Db;
let store: Store;
let teams = 0;
let keys = 0;

beforeAll(async () => {
  ({ db, store } = opened);
});

/** Each test gets its own workspace, so lists and searches see only its practices. */
async function workspace(): Promise<number> {
  teams += 1;
  return (await store.workspaces.ensure(`T${teams}`)).id;
}

function draft(workspaceId: number, fields: Partial<NewPractice> = {}): NewPractice {
  keys += 1;
  return {
    workspaceId,
    authorId: "U_AUTHOR",
    creditedUserId: null,
    title: "A practice",
    body: "Some text.",
    tags: [],
    region: null,
    link: null,
    sourcePermalink: null,
    channelId: null,
    idempotencyKey: `view-${keys}`,
    ...fields,
  };
}

async function share(workspaceId: number, fields: Partial<NewPractice> = {}): Promise<PracticeRecord> {
  const created = await store.transaction((tx) => tx.practices.create(draft(workspaceId, fields)));
  if (!created) throw new Error("idempotency key taken");
  return created;
}

async function titlesFound(workspaceId: number, words: string[]): Promise<string[]> {
  return (await store.practices.search(workspaceId, words, 10)).map((p) => p.title);
}

async function vote(practiceId: number, voters: number): Promise<void> {
  for (let i = 0; i < voters; i += 1) await store.practices.toggleVote(practiceId, `U_VOTER_${i}`);
}

describe(`practice repository (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("creates a practice with its tags (in order, once each) and finds it by id in its workspace only", async () => {
    const ws = await workspace();
    const created = await share(ws, {
      title: "Lead with the ROI calculator",
      creditedUserId: "U_WRITER",
      tags: ["pricing", "enterprise", "pricing"],
      region: "DACH",
      link: "https://example.com/roi",
      sourcePermalink: "https://slack.example/archives/C1/p1",
      channelId: "C_PRACTICES",
    });
    expect(created).toMatchObject({
      workspaceId: ws,
      teamId: `T${teams}`,
      authorId: "U_AUTHOR",
      creditedUserId: "U_WRITER",
      tags: ["pricing", "enterprise"],
      region: "DACH",
      link: "https://example.com/roi",
      channelId: "C_PRACTICES",
      helpfulCount: 0,
      deletedAt: null,
    });
    expect(await store.practices.findById(ws, created.id)).toEqual(created);
    expect(await store.practices.findById(await workspace(), created.id)).toBeNull();
  });

  it("returns null for a repeated idempotency key, and the key finds the first practice", async () => {
    const ws = await workspace();
    const first = draft(ws, { title: "First" });
    const created = await store.transaction((tx) => tx.practices.create(first));
    const repeat = await store.transaction((tx) => tx.practices.create({ ...first, title: "Second" }));
    expect(repeat).toBeNull();
    expect((await store.practices.findByIdempotencyKey(first.idempotencyKey))?.id).toBe(created?.id);
    expect(await store.practices.newest(ws, 10)).toHaveLength(1);
  });

  it("writes the search entry in the caller's transaction: a rollback leaves nothing to find", async () => {
    const ws = await workspace();
    await expect(
      store.transaction(async (tx) => {
        await tx.practices.create(draft(ws, { title: "Rolled back onboarding checklist" }));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await titlesFound(ws, ["onboarding"])).toEqual([]);
    expect(await store.practices.newest(ws, 10)).toEqual([]);
  });

  it("updates text, tags, region and link, and the search follows", async () => {
    const ws = await workspace();
    const practice = await share(ws, { title: "Webinar follow-up", tags: ["events"] });
    const patch = { title: "Roadshow follow-up", body: "Call within two days.", tags: ["field", "events"] };
    const updated = await store.transaction((tx) =>
      tx.practices.update(practice.id, { ...patch, region: "Nordics", link: null }),
    );
    expect(updated).toMatchObject({ ...patch, region: "Nordics", link: null });
    expect(await titlesFound(ws, ["roadshow"])).toEqual(["Roadshow follow-up"]);
    expect(await titlesFound(ws, ["webinar"])).toEqual([]);
    expect(await titlesFound(ws, ["field"])).toEqual(["Roadshow follow-up"]);
  });

  it("soft-deletes: kept for findById, gone from search and lists, and a second delete is null", async () => {
    const ws = await workspace();
    const practice = await share(ws, { title: "Quarterly business review", tags: ["qbr"] });
    const at = new Date("2026-11-01T10:00:00Z");
    const deleted = await store.transaction((tx) => tx.practices.markDeleted(practice.id, at));
    expect(deleted?.deletedAt).toEqual(at);
    expect(await store.practices.markDeleted(practice.id, at)).toBeNull();
    expect((await store.practices.findById(ws, practice.id))?.deletedAt).toEqual(at);
    expect(await titlesFound(ws, ["quarterly"])).toEqual([]);
    expect(await store.practices.newest(ws, 10)).toEqual([]);
    expect(await store.practices.top(ws, null, 10)).toEqual([]);
    expect(await store.practices.byTag(ws, "qbr", 10)).toEqual([]);
    expect(await store.practices.byAuthor(ws, "U_AUTHOR", 10)).toEqual([]);
    expect(await store.practices.knownTags(ws, 10)).toEqual([]);
    const patch = { title: "Back", body: "Again", tags: [], region: null, link: null };
    expect(await store.practices.update(practice.id, patch)).toBeNull();
  });

  it("toggles one vote per person and reports who voted", async () => {
    const ws = await workspace();
    const a = await share(ws);
    const b = await share(ws);
    expect(await store.practices.toggleVote(a.id, "U1")).toEqual({ voted: true, helpfulCount: 1 });
    expect(await store.practices.toggleVote(a.id, "U2")).toEqual({ voted: true, helpfulCount: 2 });
    expect(await store.practices.toggleVote(a.id, "U1")).toEqual({ voted: false, helpfulCount: 1 });
    expect(await store.practices.toggleVote(a.id, "U1")).toEqual({ voted: true, helpfulCount: 2 });
    expect(await store.practices.toggleVote(a.id, "U1")).toEqual({ voted: false, helpfulCount: 1 });
    expect((await store.practices.findById(ws, a.id))?.helpfulCount).toBe(1);
    expect(await store.practices.votedBy("U2", [a.id, b.id])).toEqual(new Set([a.id]));
    expect(await store.practices.votedBy("U1", [a.id, b.id])).toEqual(new Set());
    expect(await store.practices.votedBy("U2", [])).toEqual(new Set());
  });

  it("matches word forms, accents and case over title, body and tags", async () => {
    const ws = await workspace();
    await share(ws, { title: "Keep the customer close", body: "Weekly calls." });
    await share(ws, { title: "Anchor the price early", body: "Before the demo." });
    await share(ws, { title: "Send a résumé of the call", body: "Same day." });
    await share(ws, { title: "Tagged only", body: "Nothing here.", tags: ["healthcare"] });
    expect(await titlesFound(ws, ["customers"])).toEqual(["Keep the customer close"]);
    expect(await titlesFound(ws, ["pricing"])).toEqual(["Anchor the price early"]);
    expect(await titlesFound(ws, ["PRICE"])).toEqual(["Anchor the price early"]);
    expect(await titlesFound(ws, ["resume"])).toEqual(["Send a résumé of the call"]);
    expect(await titlesFound(ws, ["Résumé"])).toEqual(["Send a résumé of the call"]);
    expect(await titlesFound(ws, ["weekly"])).toEqual(["Keep the customer close"]);
    expect(await titlesFound(ws, ["healthcare"])).toEqual(["Tagged only"]);
    expect(await titlesFound(ws, ["nowhere"])).toEqual([]);
    expect(await titlesFound(ws, [])).toEqual([]);
    expect(await titlesFound(await workspace(), ["customers"])).toEqual([]);
  });

  it("ranks by relevance, then helpful votes; several words find practices with any of them", async () => {
    const ws = await workspace();
    const inBody = await share(ws, { title: "Call notes", body: "Ask about the discount policy early." });
    const inTitle = await share(ws, { title: "Discount policy", body: "Ask about it early on." });
    const twin = await share(ws, { title: "Renewal playbook", body: "Start ninety days out." });
    const twinVoted = await share(ws, { title: "Renewal checklist", body: "Start ninety days out." });
    await vote(inBody.id, 3);
    await vote(twinVoted.id, 2);
    expect(await titlesFound(ws, ["discount"])).toEqual([inTitle.title, inBody.title]);
    expect(await titlesFound(ws, ["renewal"])).toEqual([twinVoted.title, twin.title]);
    const both = await titlesFound(ws, ["discount", "renewal"]);
    expect(both).toHaveLength(4);
    expect(await titlesFound(ws, ["discount", "zebra"])).toEqual([inTitle.title, inBody.title]);
    expect(await store.practices.search(ws, ["renewal"], 1)).toHaveLength(1);
  });

  it("reads every term as a plain word: search syntax neither fails nor takes effect", async () => {
    const ws = await workspace();
    await share(ws, { title: "Stay near the buyer", body: "Pricing questions come late." });
    await share(ws, { title: "Other", body: "Unrelated text." });
    const attempts = ['"', "*", "NEAR", "-", ":", "'", 'pricing"', "pric*", "-pricing", "title:other", "NEAR(a b)"];
    for (const term of attempts) {
      await expect(store.practices.search(ws, [term], 10), term).resolves.toBeInstanceOf(Array);
    }
    expect(await titlesFound(ws, ["NEAR"])).toEqual(["Stay near the buyer"]);
    expect(await titlesFound(ws, ["-pricing"])).toEqual(["Stay near the buyer"]);
    expect(await titlesFound(ws, ['pricing"'])).toEqual(["Stay near the buyer"]);
    // As a column filter it would find "Other"; as plain words, no practice has "title" and "other".
    expect(await titlesFound(ws, ["title:other"])).toEqual([]);
    expect(await titlesFound(ws, ['\'; DROP TABLE "Practice"; --'])).toEqual([]);
    expect(await titlesFound(ws, ["*", ":", "'"])).toEqual([]);
    expect(await store.practices.newest(ws, 10)).toHaveLength(2);
  });

  it("lists top (with since), by tag, by author and newest, and the tags in use", async () => {
    const ws = await workspace();
    const old = await share(ws, { title: "Old favourite", tags: ["pricing", "emea"] });
    const mid = await share(ws, { title: "Middle", tags: ["pricing"], authorId: "U_OTHER" });
    const fresh = await share(ws, { title: "Fresh", tags: ["onboarding", "pricing"] });
    await db.practice.update({ where: { id: old.id }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    await db.practice.update({ where: { id: mid.id }, data: { createdAt: new Date("2026-06-01T00:00:00Z") } });
    await db.practice.update({ where: { id: fresh.id }, data: { createdAt: new Date("2026-11-01T00:00:00Z") } });
    await vote(old.id, 3);
    await vote(fresh.id, 1);
    const titles = (list: PracticeRecord[]) => list.map((p) => p.title);
    expect(titles(await store.practices.top(ws, null, 10))).toEqual(["Old favourite", "Fresh", "Middle"]);
    expect(titles(await store.practices.top(ws, new Date("2026-05-01T00:00:00Z"), 10))).toEqual(["Fresh", "Middle"]);
    expect(titles(await store.practices.top(ws, null, 1))).toEqual(["Old favourite"]);
    expect(titles(await store.practices.byTag(ws, "pricing", 10))).toEqual(["Old favourite", "Fresh", "Middle"]);
    expect(titles(await store.practices.byTag(ws, "emea", 10))).toEqual(["Old favourite"]);
    expect(titles(await store.practices.byTag(ws, "nothing", 10))).toEqual([]);
    expect(titles(await store.practices.byAuthor(ws, "U_AUTHOR", 10))).toEqual(["Fresh", "Old favourite"]);
    expect(titles(await store.practices.newest(ws, 2))).toEqual(["Fresh", "Middle"]);
    expect(await store.practices.knownTags(ws, 10)).toEqual(["pricing", "emea", "onboarding"]);
    expect(await store.practices.knownTags(ws, 1)).toEqual(["pricing"]);
  });
});
