import { DomainError } from "../../../domain/shared/domain-error";
import { isRecordId } from "../../parse/record-id";

/**
 * Deal buttons carry the deal id as their value (`42`, or `42:stage`); anything but digits is a
 * forged or stale click. Digits beyond the id range are a deal nobody can see, on either database.
 */
export function dealIdFrom(value: string | undefined): number {
  const digits = /^(\d+)(?::|$)/.exec(value ?? "")?.[1];
  if (digits === undefined || Number(digits) === 0) throw new DomainError("bad_button");
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("deal_not_found", { id: digits });
  return id;
}
