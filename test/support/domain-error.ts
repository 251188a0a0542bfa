import { DomainError } from "../../src/domain/shared/domain-error";

/** The DomainError `run` throws, to assert on its code and params; fails when it throws none. */
export function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
