import { pathToFileURL } from "node:url";
import { ZEnv } from "../src/config";
import { createDb } from "../src/data/database";
import { migrate } from "../src/data/migrator";
import { createStore } from "../src/data/prisma-store";
import { describeSeed, seedDemo } from "./seed";

/** `npm run seed` / `npm run seed:demo`: adds the demo data (prisma/seed) to the database of DATABASE_URL. */
async function main(): Promise<void> {
  const env = ZEnv.pick({ DATABASE_URL: true }).safeParse(process.env);
  if (!env.success) {
    console.error(`Configuration error: DATABASE_URL ${env.error.issues[0]?.message ?? "is invalid"}`);
    process.exit(1);
  }
  const url = env.data.DATABASE_URL;
  await migrate(url);
  const db = createDb(url);
  try {
    console.log(describeSeed(await seedDemo(createStore(db), { now: new Date() })));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
