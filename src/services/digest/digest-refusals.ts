import { DomainError } from "../../domain/shared/domain-error";
import type { ProtectedAction } from "../../domain/shared/error-codes";

/** The refusals of the digest use cases in one place. */
export const MANAGE_DIGESTS: ProtectedAction = "manage_digests";

export function notSubscribed(mine: boolean): DomainError {
  return new DomainError("digest_not_subscribed", { mine });
}
