import { type CustomerKeys, sameCustomer } from "./customer";
import { type RegistrationStatus, UNDECIDED_STATUSES } from "./registration";
import { isOpenStage, type Stage } from "./stages";

export interface ExistingRegistration {
  id: number;
  partnerId: number;
  customer: CustomerKeys;
  status: RegistrationStatus;
  stage: Stage;
  protectedUntil: Date | null;
}

export interface ConflictCheck {
  duplicateOf: ExistingRegistration | null;
  conflictsWith: ExistingRegistration[];
}

/**
 * A registration stands in the way of a new one while it is still being decided on an open deal,
 * or while its protection runs. A won deal keeps its protection (the customer was won through
 * that partner); a lost one gives the customer back.
 */
export function blocksNewRegistrations(registration: ExistingRegistration, now: Date): boolean {
  if (UNDECIDED_STATUSES.includes(registration.status)) return isOpenStage(registration.stage);
  return (
    registration.status === "approved" &&
    registration.protectedUntil !== null &&
    registration.protectedUntil > now &&
    registration.stage !== "lost"
  );
}

/**
 * What stands in the way of registering this customer for this partner. The candidate's own id,
 * when given, is skipped so an existing registration can be re-checked against the others.
 */
export function checkConflicts(
  candidate: { id?: number; partnerId: number; customer: CustomerKeys },
  existing: ExistingRegistration[],
  now: Date,
): ConflictCheck {
  const blocking = existing
    .filter(
      (r) => r.id !== candidate.id && blocksNewRegistrations(r, now) && sameCustomer(candidate.customer, r.customer),
    )
    .sort((a, b) => a.id - b.id);
  const own = blocking.filter((r) => r.partnerId === candidate.partnerId);
  return {
    duplicateOf: own[own.length - 1] ?? null,
    conflictsWith: blocking.filter((r) => r.partnerId !== candidate.partnerId),
  };
}

/**
 * Other partners' registrations that block this one, oldest first, checked when a manager is
 * about to decide rather than only when it was registered: a registration that was never flagged
 * (the other came later, or was approved first) is a conflict all the same.
 * `sameCustomer` may include the deal itself and the same partner's registrations; both are skipped.
 */
export function rivalsOf<R extends ExistingRegistration>(
  deal: ExistingRegistration & { id: number },
  sameCustomer: readonly R[],
  now: Date,
): R[] {
  const candidate = { id: deal.id, partnerId: deal.partnerId, customer: deal.customer };
  const blocking = new Set(checkConflicts(candidate, [...sameCustomer], now).conflictsWith.map((r) => r.id));
  return sameCustomer.filter((r) => blocking.has(r.id)).sort((a, b) => a.id - b.id);
}
