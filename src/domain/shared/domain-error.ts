import type { ErrorCode, ErrorParams, Problem } from "./error-codes";

export type { ErrorCode, ErrorParams, Problem } from "./error-codes";

type ParamsArg<C extends ErrorCode> = ErrorParams[C] extends undefined ? [] : [params: ErrorParams[C]];

/**
 * A rule said no. `code` and `params` say what and why; the sentence the person reads is written
 * from them in the Slack layer (slack/views/error-sentences.ts). `message` is for logs only.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: ErrorParams[C];

  constructor(
    readonly code: C,
    ...params: ParamsArg<C>
  ) {
    const [given] = params as unknown[];
    super(given === undefined ? code : `${code} ${JSON.stringify(given)}`);
    this.name = "DomainError";
    this.params = given as ErrorParams[C];
  }

  /** The same refusal as data, for answers that collect several (a modal's field errors). */
  get problem(): Problem {
    // code and params were given together to the constructor, so they match.
    return (this.params === undefined ? { code: this.code } : { code: this.code, params: this.params }) as Problem;
  }

  static of(problem: Problem): DomainError {
    // A Problem pairs a code with its own params, which the constructor's overloads can't see through a union.
    const args = ("params" in problem ? [problem.params] : []) as ParamsArg<ErrorCode>;
    return new DomainError<ErrorCode>(problem.code, ...args);
  }
}

export function isDomainError(error: unknown): error is DomainError;
export function isDomainError<C extends ErrorCode>(error: unknown, code: C): error is DomainError<C>;
export function isDomainError(error: unknown, code?: ErrorCode): boolean {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
