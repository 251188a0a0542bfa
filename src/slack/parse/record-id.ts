import { DomainError } from "../../domain/shared/domain-error";

/**
 * Row ids are 32-bit integers on PostgreSQL (Prisma `Int`), and a larger number in a query fails
 * there while SQLite just finds nothing. Ids from Slack (typed, or carried by a button) are checked
 * against that range here, so both databases answer the same way.
 */
export const MAX_RECORD_ID = 2_147_483_647;

export function isRecordId(id: number): boolean {
  return Number.isInteger(id) && id > 0 && id <= MAX_RECORD_ID;
}

/**
 * A deal number as typed (`42`, `#42`): null when the text is not a number; a number out of the
 * id range is a deal nobody can see, and is refused with that sentence.
 */
export function typedDealId(text: string): number | null {
  const digits = /^#?(\d+)$/.exec(text.trim())?.[1];
  if (digits === undefined) return null;
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("deal_not_found", { id: digits });
  return id;
}
