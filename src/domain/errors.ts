/**
 * Typed errors with a stable code. Every failure the plant's users can meet is one of these;
 * the CLI (exit codes) and the HTTP API (status codes) map them in one place each, by `kind`.
 *
 * @example
 * throw new ValidationError('scenario.invalid', 'scenario has 2 errors', [
 *   { path: 'lines[2].rate', problem: 'must be > 0, got -5' },
 * ]);
 */

/** What sort of failure: decides the exit code and the HTTP status, never the wording. */
export type ErrorKind =
  | 'invalid' // the input is wrong: fix it and try again (HTTP 400, exit 2)
  | 'unauthenticated' // who are you? (HTTP 401)
  | 'forbidden' // your role may not do this (HTTP 403)
  | 'not_found' // no such record (HTTP 404)
  | 'conflict' // the records are not in a state that allows it (HTTP 409)
  | 'refused' // a business rule says no, with reasons (HTTP 422)
  | 'unavailable'; // a dependency is down (HTTP 503)

/** One problem with one field of an input, named by its path (`lines[2].rate`). */
export interface FieldProblem {
  readonly path: string;
  readonly problem: string;
}

export class HeadstampError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, kind: ErrorKind, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HeadstampError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }
}

/** The input is wrong; `problems` names every field at fault, all at once. */
export class ValidationError extends HeadstampError {
  readonly problems: readonly FieldProblem[];

  constructor(
    code: string,
    message: string,
    problems: readonly FieldProblem[],
    details: Record<string, unknown> = {},
  ) {
    super(code, 'invalid', message, { ...details, problems });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export class NotFoundError extends HeadstampError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'not_found', message, details);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends HeadstampError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden', message, details);
    this.name = 'ForbiddenError';
  }
}

export class ConflictError extends HeadstampError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'conflict', message, details);
    this.name = 'ConflictError';
  }
}

/** A business rule refuses the act; `reasons` names each failed condition. */
export class RefusedError extends HeadstampError {
  readonly reasons: readonly string[];

  constructor(
    code: string,
    message: string,
    reasons: readonly string[],
    details: Record<string, unknown> = {},
  ) {
    super(code, 'refused', message, { ...details, reasons });
    this.name = 'RefusedError';
    this.reasons = reasons;
  }
}

export function isHeadstampError(value: unknown): value is HeadstampError {
  return value instanceof HeadstampError;
}
