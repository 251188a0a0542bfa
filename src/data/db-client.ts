import type { Db } from "./database";
import type { Prisma } from "./generated/sqlite/client";

/** A repository works the same on the root client and inside an interactive transaction. */
export type DbClient = Db | Prisma.TransactionClient;

/** Prisma's unique-constraint violation (same code from both generated clients). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
