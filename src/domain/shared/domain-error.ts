/**
 * A rule said no. `message` is written for the person who asked and is shown to them as is;
 * `code` is stable for tests and logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
