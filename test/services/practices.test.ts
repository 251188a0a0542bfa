import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import type { PracticeDraft } from "../../src/domain/practices/practice-input";
import { DomainError } from "../../src/domain/shared/domain-error";
import { AccessService, type Actor } from "../../src/services/access-service";
import { createPracticeUseCases, type PracticeUseCases } from "../../src/services/practices";
import type { Store } from "../../src/services/store";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TEAM = "T_PRACTICES";
const DRAFT: PracticeDraft = {
  title: "Answer the pricing objection with a pilot",
  body: "When customers push back on price, offer a 30-day pilot before any discount.",
  tags: ["pricing"],
  newTags: "Pricing Objections",
  region: "DACH",
  link: "https://example.com/pilot-guide",
};

let database: TestDatabase;
let db: Db;
let store: Store;
let access: AccessService;
let now: Date;
let practices: PracticeUseCases;
let author: Actor;
let colleague: Actor;
let manager: Actor;
let keys = 0;

const key = () => `view-${++keys}`;

async function actorFor(userId: string, teamId = TEAM): Promise<Actor> {
  return access.identify({ teamId, userId });
}

async function outboxRows(prefix: string) {
  return db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { id: "asc" } });
}

async function shared(draft: PracticeDraft = DRAFT, by: Actor = author, channel: string | null = "C_PARTNERS") {
  const result = await practices.share(by, draft, key(), channel);
  if (result.kind !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result.practice;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  db = createDb(database.url);
  store = createStore(db);
  access = new AccessService(store, ["U_ADMIN"]);
  now = new Date();
  practices = createPracticeUseCases({ store, clock: () => now });
  author = await actorFor("U_AUTHOR");
  colleague = await actorFor("U_COLLEAGUE");
  const plain = await actorFor("U_MANAGER");
  await store.members.setRole(plain.member.id, "manager");
  manager = await actorFor("U_MANAGER");
  expect(manager.role).toBe("manager");
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

beforeEach(() => {
  now = new Date();
});

describe(`practice use cases (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`, () => {
  it("shares a practice with its card owed in the outbox; a repeated submit returns the same one", async () => {
    const idempotencyKey = key();
    const first = await practices.share(author, DRAFT, idempotencyKey, "C_PARTNERS");
    expect(first.kind).toBe("created");
    if (first.kind === "invalid") return;
    expect(first.practice).toMatchObject({
      workspaceId: author.workspace.id,
      teamId: TEAM,
      authorId: "U_AUTHOR",
      creditedUserId: null,
      title: DRAFT.title,
      tags: ["pricing", "pricing-objections"],
      region: "DACH",
      link: "https://example.com/pilot-guide",
      channelId: "C_PARTNERS",
      helpfulCount: 0,
      deletedAt: null,
    });
    const repeat = await practices.share(author, { ...DRAFT, title: "Changed meanwhile" }, idempotencyKey, "C_X");
    expect(repeat).toEqual({ kind: "repeat", practice: first.practice });

    const id = first.practice.id;
    expect(await db.practice.count({ where: { idempotencyKey } })).toBe(1);
    const rows = await outboxRows(`practice:${id}:`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "practice.card",
      action: "post",
      channelId: "C_PARTNERS",
      fallbackChannelId: "U_AUTHOR",
      messageKey: `practice:${id}:card`,
      dedupeKey: `practice:${id}:card`,
    });
    expect(JSON.parse(rows[0]?.subject ?? "{}")).toEqual({ practiceId: id });
  });

  it("creates one practice when the same submit arrives twice at once", async () => {
    const idempotencyKey = key();
    const results = await Promise.all([
      practices.share(author, DRAFT, idempotencyKey, "C_PARTNERS"),
      practices.share(author, DRAFT, idempotencyKey, "C_PARTNERS"),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["created", "repeat"]);
    expect(await db.practice.count({ where: { idempotencyKey } })).toBe(1);
    const id = results[0]?.kind === "invalid" ? 0 : results[0]?.practice.id;
    expect(await outboxRows(`practice:${id}:`)).toHaveLength(1);
  });

  it("posts the card to the author's DM when shared outside a channel", async () => {
    const practice = await shared(DRAFT, author, null);
    expect(practice.channelId).toBeNull();
    expect((await outboxRows(`practice:${practice.id}:card`))[0]).toMatchObject({
      channelId: "U_AUTHOR",
      fallbackChannelId: null,
    });
  });

  it("credits the writer of a saved message, but not the author themselves", async () => {
    const saved = await shared({ ...DRAFT, creditedUserId: "U_WRITER", sourcePermalink: "https://x.slack.com/p1" });
    expect(saved).toMatchObject({ creditedUserId: "U_WRITER", sourcePermalink: "https://x.slack.com/p1" });
    const own = await shared({ ...DRAFT, creditedUserId: "U_AUTHOR" });
    expect(own.creditedUserId).toBeNull();
  });

  it("creates nothing from an invalid draft and says what is wrong per field", async () => {
    const practicesBefore = await db.practice.count();
    const outboxBefore = await db.outboxMessage.count();
    const idempotencyKey = key();
    const result = await practices.share(
      author,
      { title: "ab", body: "", newTags: "???", link: "javascript:alert(1)" },
      idempotencyKey,
      "C_PARTNERS",
    );
    expect(result).toEqual({
      kind: "invalid",
      problems: {
        title: { code: "practice_title_too_short", params: { min: 3 } },
        body: { code: "practice_body_missing" },
        tags: { code: "practice_tag_invalid", params: { tag: "???" } },
        link: { code: "practice_link_invalid", params: { text: "javascript:alert(1)" } },
      },
    });
    expect(await db.practice.count()).toBe(practicesBefore);
    expect(await db.outboxMessage.count()).toBe(outboxBefore);
    // The key was not used up: the corrected submit of the same modal creates it.
    expect((await practices.share(author, DRAFT, idempotencyKey, null)).kind).toBe("created");
  });

  it("offers the tags in use and the partner's region in the share form", async () => {
    await shared({ ...DRAFT, tags: [], newTags: "renewals" });
    const form = await practices.shareForm(author);
    expect(form.knownTags).toEqual(expect.arrayContaining(["pricing", "pricing-objections", "renewals"]));
    expect(form.defaultRegion).toBeNull();
  });

  it("toggles a vote, one per person, and redraws the card through the outbox each time", async () => {
    const practice = await shared();
    expect(await practices.vote(colleague, practice.id)).toMatchObject({ voted: true, practice: { helpfulCount: 1 } });
    expect(await practices.vote(manager, practice.id)).toMatchObject({ voted: true, practice: { helpfulCount: 2 } });
    expect(await practices.vote(colleague, practice.id)).toMatchObject({ voted: false, practice: { helpfulCount: 1 } });
    expect(await practices.vote(colleague, practice.id)).toMatchObject({ voted: true, practice: { helpfulCount: 2 } });
    expect((await practices.get(author, practice.id)).helpfulCount).toBe(2);
    expect(await db.practiceVote.count({ where: { practiceId: practice.id } })).toBe(2);

    expect([...(await practices.votedBy(colleague, [practice.id, practice.id + 999]))]).toEqual([practice.id]);
    expect((await practices.votedBy(author, [practice.id])).size).toBe(0);

    const updates = await outboxRows(`practice:${practice.id}:card:update:vote:`);
    expect(updates).toHaveLength(4);
    for (const row of updates) {
      expect(row).toMatchObject({
        kind: "practice.card",
        action: "update",
        messageKey: `practice:${practice.id}:card`,
      });
    }
  });

  it("lets the author and managers edit, and refuses other members", async () => {
    const practice = await shared();
    await expect(practices.forEdit(colleague, practice.id)).rejects.toEqual(new DomainError("practice_not_yours"));
    await expect(practices.edit(colleague, practice.id, DRAFT)).rejects.toEqual(new DomainError("practice_not_yours"));
    expect((await practices.forEdit(author, practice.id)).id).toBe(practice.id);
    expect((await practices.forEdit(manager, practice.id)).id).toBe(practice.id);

    const byAuthor = await practices.edit(author, practice.id, { ...DRAFT, title: "Pilot before discount", tags: [] });
    expect(byAuthor).toMatchObject({
      kind: "saved",
      practice: { title: "Pilot before discount", tags: ["pricing-objections"], authorId: "U_AUTHOR" },
    });
    const byManager = await practices.edit(manager, practice.id, { ...DRAFT, region: "", link: null });
    expect(byManager).toMatchObject({ kind: "saved", practice: { region: null, link: null, authorId: "U_AUTHOR" } });

    const invalid = await practices.edit(author, practice.id, { ...DRAFT, body: "short" });
    expect(invalid).toEqual({
      kind: "invalid",
      problems: { body: { code: "practice_body_too_short", params: { min: 10 } } },
    });
    expect((await practices.get(author, practice.id)).body).toBe(DRAFT.body);

    const updates = await outboxRows(`practice:${practice.id}:card:update:edit:`);
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatchObject({ action: "update", messageKey: `practice:${practice.id}:card` });
  });

  it("lets the author or a manager delete (soft), redraws the card, and leaves it out afterwards", async () => {
    const mine = await shared({
      ...DRAFT,
      title: "Zebra onboarding checklist",
      body: "Send the zebra checklist on day one.",
    });
    const other = await shared({ ...DRAFT, title: "Walrus pricing story" });
    await expect(practices.remove(colleague, mine.id)).rejects.toEqual(new DomainError("practice_not_yours"));

    const deleted = await practices.remove(author, mine.id);
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect((await practices.remove(manager, other.id)).deletedAt).toBeInstanceOf(Date);

    const notFound = new DomainError("practice_not_found", { id: mine.id });
    await expect(practices.get(author, mine.id)).rejects.toEqual(notFound);
    await expect(practices.remove(author, mine.id)).rejects.toEqual(notFound);
    await expect(practices.vote(colleague, mine.id)).rejects.toEqual(notFound);
    await expect(practices.edit(author, mine.id, DRAFT)).rejects.toEqual(notFound);
    expect((await practices.search(author, "zebra")).results).toEqual([]);
    expect((await practices.mine(author)).map((practice) => practice.id)).not.toContain(mine.id);
    // The outbox still draws its card, as deleted.
    expect((await practices.forMessage(author.workspace.id, mine.id))?.deletedAt).toBeInstanceOf(Date);

    const rows = await outboxRows(`practice:${mine.id}:card:update:`);
    expect(rows).toMatchObject([{ dedupeKey: `practice:${mine.id}:card:update:deleted`, action: "update" }]);
  });

  it("searches with plain terms over title, text and tags, in any case and word form", async () => {
    const onboarding = await shared({
      title: "Kick-off call for new customers",
      body: "Run a kick-off call in the first week; share the onboarding plan.",
      newTags: "Onboarding",
    });
    const found = await practices.search(colleague, "  Customer!! a KICK-OFF customer ");
    expect(found.terms).toEqual(["customer", "kick", "off"]);
    expect(found.results.map((practice) => practice.id)).toContain(onboarding.id);
    expect((await practices.search(colleague, "ONBOARDING")).results.map((practice) => practice.id)).toContain(
      onboarding.id,
    );
    await expect(practices.search(colleague, " ?! a ")).rejects.toEqual(new DomainError("practice_search_empty"));
  });

  it("lists by tag as typed, the person's own, the top of a period and the App Home", async () => {
    const tagged = await shared({ ...DRAFT, tags: [], newTags: "Channel Conflict" });
    expect((await practices.byTag(colleague, " #channel CONFLICT ")).map((practice) => practice.id)).toContain(
      tagged.id,
    );
    await expect(practices.byTag(colleague, "!!")).rejects.toEqual(
      new DomainError("practice_tag_invalid", { tag: "!!" }),
    );

    const own = await shared(DRAFT, colleague);
    expect((await practices.mine(colleague)).map((practice) => practice.id)).toEqual([own.id]);

    await practices.vote(manager, own.id);
    expect((await practices.top(author, "week"))[0]?.helpfulCount).toBeGreaterThanOrEqual(1);
    expect((await practices.top(author, "all")).map((practice) => practice.id)).toContain(own.id);
    // A month from now, nothing was shared this week.
    now = new Date(Date.now() + 40 * 86_400_000);
    expect(await practices.top(author, "week")).toEqual([]);
    expect((await practices.top(author, "all")).length).toBeGreaterThan(0);

    const home = await practices.home(author);
    expect(home.newest.length).toBeGreaterThan(0);
    expect(home.newest.length).toBeLessThanOrEqual(5);
    expect(home.mostHelpful.length).toBeGreaterThan(0);
    expect(home.mostHelpful.length).toBeLessThanOrEqual(5);
    expect(home.mostHelpful.every((practice) => practice.helpfulCount > 0)).toBe(true);
    expect(home.newest[0]?.id).toBe(own.id);
  });

  it("posts a copy to another channel once per request", async () => {
    const practice = await shared();
    await practices.shareToChannel(colleague, practice.id, "C_SALES", "click-1");
    await practices.shareToChannel(colleague, practice.id, "C_SALES", "click-1");
    await practices.shareToChannel(colleague, practice.id, "C_SALES", "click-2");
    const rows = await outboxRows(`practice:${practice.id}:share:`);
    expect(rows).toMatchObject([
      {
        kind: "practice.card",
        action: "post",
        channelId: "C_SALES",
        fallbackChannelId: "U_COLLEAGUE",
        messageKey: `practice:${practice.id}:share:click-1`,
      },
      { messageKey: `practice:${practice.id}:share:click-2` },
    ]);
  });

  it("keeps workspaces apart", async () => {
    const practice = await shared();
    const stranger = await actorFor("U_STRANGER", "T_ELSEWHERE");
    await expect(practices.get(stranger, practice.id)).rejects.toEqual(
      new DomainError("practice_not_found", { id: practice.id }),
    );
    expect((await practices.search(stranger, "pilot")).results).toEqual([]);
    expect(await practices.home(stranger)).toEqual({ newest: [], mostHelpful: [] });
  });
});
