import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

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
 * better-sqlite3 gives Prisma one connection. Prisma's adapter locks it for interactive
 * transactions, but a plain query issued meanwhile (the outbox dispatcher marking a row sent
 * while a request registers a deal) runs on that same connection, inside the other caller's
 * transaction: it would be undone by that transaction's rollback, and it can stall it. Here
 * every plain query and every transaction takes turns, so SQLite has one writer at a time.
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
  const wrapTransaction = (transaction: Transaction, release: () => void): Transaction =>
    new Proxy(transaction, {
      get(target, property, receiver) {
        if (property === "commit" || property === "rollback") {
          return async () => {
            try {
              await target[property]();
            } finally {
              release();
            }
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrapAdapter = (adapter: Adapter): Adapter =>
    new Proxy(adapter, {
      get(target, property, receiver) {
        switch (property) {
          case "queryRaw":
            return (query: Parameters<Adapter["queryRaw"]>[0]) => alone(() => target.queryRaw(query));
          case "executeRaw":
            return (query: Parameters<Adapter["executeRaw"]>[0]) => alone(() => target.executeRaw(query));
          case "executeScript":
            return (script: string) => alone(() => target.executeScript(script));
          case "startTransaction":
            return async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) => {
              const release = await turns.take();
              try {
                return wrapTransaction(await target.startTransaction(isolationLevel), release);
              } catch (error) {
                release();
                throw error;
              }
            };
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
