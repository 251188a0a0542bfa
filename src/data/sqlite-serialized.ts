import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { whenUnlocked } from "./sqlite-busy";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type IsolationLevel = Parameters<Adapter["startTransaction"]>[0];
type Query = Parameters<Adapter["queryRaw"]>[0];

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });

/** A first-come lock: each holder runs alone, in the order they asked. */
class Turns {
  private tail: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((done) => {
      release = done;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => mine);
    return ready;
  }
}

/**
 * A transaction on the adapter's one connection, which this process holds for its turn. Prisma
 * ends it with a COMMIT or ROLLBACK statement and then calls commit() or rollback(); if that
 * statement fails, commit() never comes, so the turn is given back here rather than kept forever.
 */
function transactionOn(adapter: Adapter, release: () => void): Transaction {
  const end = async (query: Query): Promise<number> => {
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      await adapter.executeRaw(statement("ROLLBACK")).catch(() => 0);
      release();
      throw error;
    }
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) =>
      query.sql === "COMMIT" || query.sql === "ROLLBACK" ? end(query) : adapter.executeRaw(query),
    commit: async () => release(),
    rollback: async () => release(),
  };
}

/**
 * better-sqlite3 gives Prisma one connection. Prisma's adapter locks it for interactive
 * transactions, but a plain query issued meanwhile (the outbox dispatcher marking a row sent
 * while a request registers a deal) runs on that same connection, inside the other caller's
 * transaction: it would be undone by that transaction's rollback, and it can stall it. Here
 * every plain query and every transaction takes turns, so SQLite has one writer at a time.
 *
 * Another connection (another instance, a backup, an admin's sqlite3 shell) may hold the write
 * lock for seconds. Waiting for it happens between turns and without blocking (see sqlite-busy):
 * a statement refused with SQLITE_BUSY gives its turn up, pauses and asks again; a transaction
 * begins IMMEDIATE, so it meets the lock at BEGIN, where a refusal is harmless, rather than at its
 * first write, where only the whole transaction could be retried.
 */
export function serializedSqlite(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const turns = new Turns();
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await turns.take();
    try {
      return await work();
    } finally {
      release();
    }
  };
  // A statement refused for a lock had no effect in autocommit mode, so it can simply be asked again.
  const aloneUnlocked = <T>(work: () => Promise<T>): Promise<T> => whenUnlocked(() => alone(work));
  const begin = (adapter: Adapter): Promise<Transaction> =>
    whenUnlocked(async () => {
      const release = await turns.take();
      try {
        await adapter.executeRaw(statement("BEGIN IMMEDIATE"));
      } catch (error) {
        release();
        throw error;
      }
      return transactionOn(adapter, release);
    });
  const wrapAdapter = (adapter: Adapter): Adapter =>
    new Proxy(adapter, {
      get(target, property, receiver) {
        switch (property) {
          case "queryRaw":
            return (query: Query) => aloneUnlocked(() => target.queryRaw(query));
          case "executeRaw":
            return (query: Query) => aloneUnlocked(() => target.executeRaw(query));
          case "executeScript":
            // Not retried: a script refused half-way has already run its first statements.
            return (script: string) => alone(() => target.executeScript(script));
          case "startTransaction":
            return (isolationLevel?: IsolationLevel) =>
              // The adapter refuses any level but SERIALIZABLE (SQLite's only one) before touching the connection.
              isolationLevel === undefined || isolationLevel === "SERIALIZABLE"
                ? begin(target)
                : target.startTransaction(isolationLevel);
          default: {
            const value = Reflect.get(target, property, receiver);
            return typeof value === "function" ? value.bind(target) : value;
          }
        }
      },
    });
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === "connect") return async () => wrapAdapter(await target.connect());
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
