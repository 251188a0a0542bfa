import { DomainError } from "../../../domain/shared/domain-error";

/** Deal buttons carry the deal id as their value; anything else is a forged or stale click. */
export function dealIdFrom(value: string | undefined): number {
  const id = Number(value?.split(":")[0]);
  if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError("bad_button");
  return id;
}
