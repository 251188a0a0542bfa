import { beforeAll } from "vitest";
import { textKey } from "../../src/domain/shared/text-key";
import { createServices, type Services } from "../../src/services";
import { AccessService, type Actor } from "../../src/services/access-service";
import type { DealRecord, PartnerRecord } from "../../src/services/records";
import type { NewDeal } from "../../src/services/store";
import { type TestStore, useTestStore } from "../support/test-store";

/**
 * A migrated database with the services over it and a movable clock, for the deal use-case tests.
 * Each test makes its own workspace (`program()`), so lists and searches see only its rows.
 */
export interface DealWorld {
  opened: TestStore;
  services: Services;
  clock: { now: Date };
  /** A new workspace with an admin (U_ADMIN_<n>), a manager and two partners with one member each. */
  program(options?: { approvalsChannel?: string | null }): Promise<Program>;
}

export interface Program {
  teamId: string;
  admin: Actor;
  manager: Actor;
  acme: PartnerRecord;
  globex: PartnerRecord;
  /** A member of Acme / Globex. */
  ana: Actor;
  bob: Actor;
  /** Someone in no partner company. */
  nobody: Actor;
  actor(userId: string): Promise<Actor>;
  /** A deal written straight to the store (as registered long ago, or as the seed writes them). */
  deal(
    partner: PartnerRecord,
    fields?: Partial<NewDeal> & { customerName?: string; domain?: string | null; protectedUntil?: Date },
  ): Promise<DealRecord>;
}

let teams = 0;
let keys = 0;

export function useDealWorld(): DealWorld {
  const opened = useTestStore();
  const clock = { now: new Date("2026-03-10T12:00:00Z") };
  const world = { opened, clock } as DealWorld;
  beforeAll(() => {
    world.services = createServices(opened.store, {
      hubAdmins: [],
      system: { dialect: "sqlite", migrations: async () => ({ count: 0, latest: null }) },
      version: "test",
      clock: () => clock.now,
    });
  });
  world.program = async (options = {}) => {
    const { store } = opened;
    teams += 1;
    const teamId = `T_SVC_${teams}`;
    const access = new AccessService(store, []);
    const actor = (userId: string) => access.identify({ teamId, userId });
    const admin = await actor(`U_ADMIN_${teams}`);
    const approvalsChannel = options.approvalsChannel === undefined ? "C_APPROVALS" : options.approvalsChannel;
    if (approvalsChannel) await store.workspaces.setApprovalsChannel(admin.workspace.id, approvalsChannel, false);
    const partner = async (name: string) => {
      const created = await store.partners.create(admin.workspace.id, {
        name,
        nameKey: textKey(name),
        region: "EMEA",
        tier: "gold",
      });
      if (!created) throw new Error("partner exists");
      return created;
    };
    const acme = await partner("Acme Solutions");
    const globex = await partner("Globex");
    const memberOf = async (userId: string, partnerId: number | null, role?: "manager") => {
      const member = await store.members.ensure(admin.workspace.id, userId, teamId);
      if (partnerId !== null) await store.members.setPartner(member.id, partnerId);
      if (role) await store.members.setRole(member.id, role);
      return actor(userId);
    };
    return {
      teamId,
      admin: await actor(`U_ADMIN_${teams}`),
      manager: await memberOf("U_MANAGER", null, "manager"),
      acme,
      globex,
      ana: await memberOf("U_ANA", acme.id),
      bob: await memberOf("U_BOB", globex.id),
      nobody: await memberOf("U_NOBODY", null),
      actor,
      deal: async (partnerRecord, fields = {}) => {
        keys += 1;
        const { customerName = "Tanabe Robotics", domain = "tanabe.example", protectedUntil, ...rest } = fields;
        const created = await store.deals.create({
          workspaceId: admin.workspace.id,
          partnerId: partnerRecord.id,
          createdBy: partnerRecord.id === acme.id ? "U_ANA" : "U_BOB",
          customerName,
          customer: { domain, nameKey: textKey(customerName) },
          product: "Robot arms",
          amountMinor: 700_000,
          currency: "EUR",
          stage: "proposal",
          status: "pending",
          conflictDealId: null,
          expectedCloseOn: null,
          region: null,
          notes: null,
          channelId: "C_SALES",
          idempotencyKey: `svc-deal-${keys}`,
          ...rest,
        });
        if (!created) throw new Error("idempotency key taken");
        if (!protectedUntil) return created;
        const protectedDeal = await store.deals.update(created.id, {}, { protectedUntil });
        if (!protectedDeal) throw new Error("deal gone");
        return protectedDeal;
      },
    };
  };
  return world;
}

/** The outbox rows a workspace has, oldest first, to assert on what Slack will be told. */
export async function outboxOf(world: DealWorld, workspaceId: number) {
  return world.opened.db.outboxMessage.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
}

/** The DomainError code `run` rejects with (fails the test when it resolves). */
export async function refusal(run: () => Promise<unknown>): Promise<{ code: string; params: unknown }> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!error || typeof error !== "object" || !("code" in error))
    throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: String(error.code), params: (error as { params?: unknown }).params };
}
