import { afterEach, describe, expect, it } from "vitest";
import { DEAL_MESSAGE_KINDS } from "../../src/services/deals/deal-messages";
import type { DealRecord } from "../../src/services/records";
import { outboxOf, type Program, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";
/** A Tuesday. */
const TUESDAY = new Date("2026-03-10T12:00:00Z");

afterEach(() => {
  world.clock.now = TUESDAY;
});

async function registeredOn(p: Program, iso: string, fields = {}): Promise<DealRecord> {
  const deal = await p.deal(p.acme, { customerName: `Customer ${iso}`, domain: null, ...fields });
  await world.opened.db.deal.update({ where: { id: deal.id }, data: { createdAt: new Date(iso) } });
  return deal;
}

async function reminders(workspaceId: number) {
  return (await outboxOf(world, workspaceId))
    .filter((row) => row.kind === DEAL_MESSAGE_KINDS.approvalReminder)
    .map((row) => ({ key: row.dedupeKey, channel: row.channelId, subject: JSON.parse(String(row.subject)) }));
}

describe(`approval reminders (${DB})`, () => {
  it("lists registrations waiting more than 2 working days, once a day, in the approvals channel", async () => {
    const p = await world.program();
    const thursday = await registeredOn(p, "2026-03-05T12:00:00Z");
    const friday = await registeredOn(p, "2026-03-06T12:00:00Z");
    await registeredOn(p, "2026-03-09T12:00:00Z");
    const decided = await registeredOn(p, "2026-03-02T12:00:00Z");
    await world.services.deals.decide(p.manager, decided.id, "reject", "No");

    world.clock.now = TUESDAY;
    expect(await world.services.deals.remindApprovals()).toBe(1);
    const id = p.admin.workspace.id;
    expect(await reminders(id)).toEqual([
      {
        key: `approval-reminder:${id}:2026-03-10`,
        channel: "C_APPROVALS",
        subject: { dealIds: [thursday.id], total: 1 },
      },
    ]);
    // A second run that day (another instance, a restart) posts nothing more.
    expect(await world.services.deals.remindApprovals()).toBe(0);
    expect(await reminders(id)).toHaveLength(1);

    // Wednesday: Friday's registration has waited Monday, Tuesday and Wednesday.
    world.clock.now = new Date("2026-03-11T08:00:00Z");
    await world.services.deals.remindApprovals();
    expect((await reminders(id)).at(-1)?.subject).toEqual({ dealIds: [thursday.id, friday.id], total: 2 });

    // No reminders at the weekend.
    world.clock.now = new Date("2026-03-14T12:00:00Z");
    await world.services.deals.remindApprovals();
    expect(await reminders(id)).toHaveLength(2);
  });

  it("follows the workspace's threshold and time zone; off or without an approvals channel, nothing is posted", async () => {
    const p = await world.program();
    // Thursday 22:00 in Auckland.
    await registeredOn(p, "2026-03-05T09:00:00Z");
    const { workspace } = await world.services.settings.change(p.admin, "approval-reminder", "off");
    expect(workspace.approvalReminderDays).toBe(0);
    await world.services.deals.remindApprovals();
    expect(await reminders(p.admin.workspace.id)).toEqual([]);

    await world.services.settings.change(p.admin, "approval-reminder", "3");
    // Tuesday 23:00 UTC: in UTC only Fri, Mon, Tue have passed (3, not more than 3)…
    world.clock.now = new Date("2026-03-10T23:00:00Z");
    await world.opened.store.workspaces.updateSettings(p.admin.workspace.id, { timezone: "UTC" });
    await world.services.deals.remindApprovals();
    expect(await reminders(p.admin.workspace.id)).toEqual([]);
    // …but it is Wednesday noon in Auckland: Fri, Mon, Tue, Wed = 4.
    await world.opened.store.workspaces.updateSettings(p.admin.workspace.id, { timezone: "Pacific/Auckland" });
    await world.services.deals.remindApprovals();
    expect((await reminders(p.admin.workspace.id)).map((r) => r.key)).toEqual([
      `approval-reminder:${p.admin.workspace.id}:2026-03-11`,
    ]);

    const silent = await world.program({ approvalsChannel: null });
    await registeredOn(silent, "2026-03-02T12:00:00Z");
    await world.services.deals.remindApprovals();
    expect(await reminders(silent.admin.workspace.id)).toEqual([]);
  });
});
