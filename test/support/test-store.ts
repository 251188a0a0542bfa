import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../../src/data/database";
import { migrate } from "../../src/data/migrator";
import { createStore } from "../../src/data/prisma-store";
import type { Store } from "../../src/services/store";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestStore {
  db: Db;
  store: Store;
}

/**
 * A fresh, migrated database for the file's tests, with the repositories over it, closed and
 * dropped after them. Read `db` and `store` inside tests (they are set in beforeAll).
 */
export function useTestStore(): TestStore {
  const opened = {} as TestStore;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.url);
    opened.db = createDb(database.url);
    opened.store = createStore(opened.db);
  });
  afterAll(async () => {
    await opened.db?.$disconnect();
    await database?.drop();
  });
  return opened;
}
