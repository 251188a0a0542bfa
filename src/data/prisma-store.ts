import type { Store } from "../services/store";
import { type Db, pingDb } from "./database";
import type { DbClient } from "./db-client";
import { PrismaAuditLog } from "./repositories/audit-log";
import { PrismaDealRepository } from "./repositories/deal-repository";
import { PrismaMemberRepository } from "./repositories/member-repository";
import { PrismaPartnerRepository } from "./repositories/partner-repository";
import { PrismaWorkspaceRepository } from "./repositories/workspace-repository";

function repositories(client: DbClient) {
  return {
    workspaces: new PrismaWorkspaceRepository(client),
    members: new PrismaMemberRepository(client),
    partners: new PrismaPartnerRepository(client),
    audit: new PrismaAuditLog(client),
    deals: new PrismaDealRepository(client),
  };
}

export function createStore(db: Db): Store {
  const store: Store = {
    ...repositories(db),
    transaction: (work) =>
      db.$transaction(
        (tx) => {
          const nested: Store = {
            ...repositories(tx),
            // Already inside one: nested work joins it rather than opening a second.
            transaction: (inner) => inner(nested),
            ping: store.ping,
          };
          return work(nested);
        },
        { maxWait: 10_000, timeout: 20_000 },
      ),
    ping: () => pingDb(db),
  };
  return store;
}
