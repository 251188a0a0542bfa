import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

/**
 * `/hub digest` end to end, on a clock fixed on Wednesday Nov 25, 2026 12:00 UTC, in a program
 * whose time zone is Europe/Berlin: subscribing a channel (default and typed day, time and zone),
 * stopping it, the preview only the caller sees, a manager's own DM digest, and every refusal.
 */
const NOW = new Date("2026-11-25T12:00:00Z");
const ADMIN = "U0ADMIN";
const MANAGER = "U0MANAGER";
const MEMBER = "U0PARTNERA";
const SALES = "C0SALES";
const APPROVALS = "C0APPROVALS";
const SHARED = "C0PARTNERA";
const GLOBEX_CHANNEL = "C0PARTNERB";

let h: Harness;
let workspaceId = 0;

const subscriptions = () => h.hub.db.digestSubscription.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
const subscriptionOf = (channelId: string) =>
  h.hub.db.digestSubscription.findFirst({ where: { workspaceId, channelId } });

beforeAll(async () => {
  h = await startHarness({ hubAdmins: [ADMIN], clock: () => NOW });
  await h.command(ADMIN, "/hub", "timezone Europe/Berlin", APPROVALS);
  await h.command(ADMIN, "/hub", `role <@${MANAGER}> manager`, APPROVALS);
  await h.command(ADMIN, "/partner", "add Acme Resellers", APPROVALS);
  await h.command(ADMIN, "/partner", "add Globex", APPROVALS);
  await h.command(ADMIN, "/partner", `assign <@${MEMBER}> Acme Resellers`, APPROVALS);
  await h.command(ADMIN, "/partner", `channel <#${GLOBEX_CHANNEL}|partner-globex> Globex`, APPROVALS);
  workspaceId = (await h.hub.db.workspace.findFirstOrThrow({ where: { teamId: "T0VENDOR" } })).id;
});
afterAll(async () => {
  await h.close();
});

describe("/hub digest here, off and status", () => {
  it("says what is set and how to use it when nothing is", async () => {
    const reply = await h.command(ADMIN, "/hub", "digest", SALES);
    expect(reply.text).toContain("This channel gets no weekly digest.");
    expect(reply.text).toContain("You get no personal digest.");
    expect(reply.text).toContain("/hub digest here [monday] [09:00] [tz:Europe/Berlin]");
  });

  it("subscribes the channel on Mondays at 09:00 in the program's zone by default", async () => {
    const reply = await h.command(ADMIN, "/hub", "digest here", SALES);
    expect(reply.text).toContain("The weekly digest will be posted in");
    expect(reply.text).toContain("Mondays at 09:00 (Europe/Berlin)");
    // Monday Nov 30, 09:00 in Berlin, told in the admin's own zone (Berlin too).
    expect(reply.text).toContain("The next one: 2026-11-30 09:00");
    expect(reply.text).toContain("/hub digest preview");
    expect(await subscriptionOf(SALES)).toMatchObject({
      weekday: 1,
      hour: 9,
      timezone: "Europe/Berlin",
      active: true,
      createdBy: ADMIN,
    });
    expect((await h.command(ADMIN, "/hub", "digest", SALES)).text).toContain(
      "gets the weekly digest Mondays at 09:00 (Europe/Berlin)",
    );
  });

  it("changes day, time and zone in any order and spelling, keeping one subscription per channel", async () => {
    const forms: [string, { weekday: number; hour: number; minute: number; timezone: string }, string][] = [
      ["here friday 16:30", { weekday: 5, hour: 16, minute: 30, timezone: "Europe/Berlin" }, "Fridays at 16:30"],
      ["here 7:05 Tue", { weekday: 2, hour: 7, minute: 5, timezone: "Europe/Berlin" }, "Tuesdays at 07:05"],
      [
        "here tz:america/new_york THURSDAYS 08:00",
        { weekday: 4, hour: 8, minute: 0, timezone: "America/New_York" },
        "Thursdays at 08:00 (America/New_York)",
      ],
      // What is not typed stays as it was.
      ["here sun timezone:Asia/Tokyo", { weekday: 0, hour: 8, minute: 0, timezone: "Asia/Tokyo" }, "Sundays at 08:00"],
    ];
    for (const [text, schedule, said] of forms) {
      const reply = await h.command(MANAGER, "/hub", `digest ${text}`, SALES);
      expect(reply.text, text).toContain(said);
      expect(await subscriptionOf(SALES), text).toMatchObject({ ...schedule, active: true });
    }
    expect((await subscriptions()).filter((row) => row.channelId === SALES)).toHaveLength(1);
  });

  it("stops the channel's digest, and says so when there is none", async () => {
    const reply = await h.command(ADMIN, "/hub", "digest off", SALES);
    expect(reply.text).toContain("No more weekly digest in");
    expect(await subscriptionOf(SALES)).toMatchObject({ active: false });
    expect((await h.command(ADMIN, "/hub", "digest", SALES)).text).toContain("This channel gets no weekly digest.");
    const again = await h.command(ADMIN, "/hub", "digest off", SALES);
    expect(again.text).toContain(":no_entry_sign:");
    // Turned back on, it is the same subscription with the new schedule.
    await h.command(ADMIN, "/hub", "digest here monday 09:00 tz:Europe/Berlin", SALES);
    expect(await subscriptionOf(SALES)).toMatchObject({ active: true, weekday: 1, hour: 9, timezone: "Europe/Berlin" });
    expect((await subscriptions()).filter((row) => row.channelId === SALES)).toHaveLength(1);
  });

  it("gives a partner's own channel, Slack Connect or not, that partner's view", async () => {
    const reply = await h.command(ADMIN, "/hub", "digest here", GLOBEX_CHANNEL);
    expect(reply.text).toContain("tied to Globex");
    expect(reply.text).toContain("never another partner's deals");
    await h.command(ADMIN, "/partner", `channel <#${SHARED}|partner-acme> Acme Resellers`, APPROVALS);
    expect((await h.command(ADMIN, "/hub", "digest here", SHARED)).text).toContain("tied to Acme Resellers");
    await h.command(ADMIN, "/hub", "digest off", SHARED);
    await h.command(ADMIN, "/partner", `channel <#${SHARED}|partner-acme> off`, APPROVALS);
  });
});

describe("/hub digest preview", () => {
  it("shows the digest as it would look now, only to the caller, posting nothing", async () => {
    const before = h.fake.channelMessages(SALES).length;
    const reply = await h.command(ADMIN, "/hub", "digest preview", SALES);
    expect(reply.body.response_type ?? "ephemeral").toBe("ephemeral");
    expect(reply.text).toContain("Weekly digest");
    expect(reply.text).toContain("Preview: only you see this.");
    await h.outboxDrained();
    expect(h.fake.channelMessages(SALES)).toHaveLength(before);
  });
});

describe("/hub digest me", () => {
  it("subscribes a manager to a weekly DM of what waits, in their own zone, and stops it", async () => {
    const reply = await h.command(MANAGER, "/hub", "digest me friday 16:30", SALES);
    expect(reply.text).toContain("You'll get a DM of what waits for you");
    expect(reply.text).toContain("Fridays at 16:30 (America/New_York)");
    expect(await subscriptionOf(MANAGER)).toMatchObject({ weekday: 5, hour: 16, minute: 30, active: true });
    expect((await h.command(MANAGER, "/hub", "digest", SALES)).text).toContain(
      "You get a DM of what waits for you Fridays at 16:30 (America/New_York).",
    );
    // The channel's own digest is untouched by a personal one.
    expect(await subscriptionOf(SALES)).toMatchObject({ active: true });
    expect((await h.command(MANAGER, "/hub", "digest me off", SALES)).text).toContain("No more personal digest.");
    expect(await subscriptionOf(MANAGER)).toMatchObject({ active: false });
    expect((await h.command(MANAGER, "/hub", "digest", SALES)).text).toContain("You get no personal digest.");
  });
});

describe("refusals", () => {
  it("refuses partner members every change and the preview, storing nothing", async () => {
    const before = await subscriptions();
    for (const text of ["digest here", "digest off", "digest preview", "digest me", "digest me off"]) {
      const reply = await h.command(MEMBER, "/hub", text, SALES);
      expect(reply.text, text).toContain(":no_entry_sign:");
      expect(reply.text, text).not.toContain("Something went wrong");
    }
    expect(await subscriptions()).toEqual(before);
  });

  it("refuses a Slack Connect channel that is not tied to a partner", async () => {
    const reply = await h.command(ADMIN, "/hub", "digest here", SHARED);
    expect(reply.text).toContain("shared with another organization");
    expect(await subscriptionOf(SHARED)).toMatchObject({ active: false });
  });

  it("refuses a channel digest in a DM", async () => {
    const dm = h.fake.dmChannel(ADMIN).id;
    const reply = await h.command(ADMIN, "/hub", "digest here", dm);
    expect(reply.text).toContain("/hub digest me");
    expect(await subscriptionOf(dm)).toBeNull();
  });

  it("refuses words it doesn't understand, quoting them literally, and changes nothing", async () => {
    const before = await subscriptions();
    const cases: [string, string][] = [
      ["digest weekly", "I don't know “weekly” here."],
      ["digest here someday", "“someday” is not a day or a time."],
      ["digest here 9am", "“9am” is not a time: write it as 09:00 or 17:30 (24 h)."],
      ["digest here 24:00", "“24:00” is not a time"],
      ["digest here monday tuesday", "Give one day."],
      ["digest here 09:00 10:00", "Give one time."],
      ["digest here tz:Mars/Olympus", "“Mars/Olympus” is not a time zone"],
      ["digest here <#C0APPROVALS|deal-approvals>", "don't name people or channels"],
      ["digest me <@U0ADMIN>", "don't name people or channels"],
      ["digest off please", "takes nothing after it"],
      ["digest preview *now*", "takes nothing after it"],
      ["digest here &lt;!channel&gt;", "“&lt;!channel&gt;” is not a day or a time."],
    ];
    for (const [text, said] of cases) {
      const reply = await h.command(ADMIN, "/hub", text, SALES);
      expect(reply.text, text).toContain(said);
      expect(reply.text, text).toContain(":no_entry_sign:");
      expect(JSON.stringify(reply.body), text).not.toMatch(/<!channel>|<#C0APPROVALS/);
    }
    expect(await subscriptions()).toEqual(before);
  });

  it("lists the digest lines in /hub help for managers only", async () => {
    expect((await h.command(MANAGER, "/hub", "help", SALES)).text).toContain("/hub digest here monday 09:00");
    expect((await h.command(MEMBER, "/hub", "help", SALES)).text).not.toContain("/hub digest");
  });
});
