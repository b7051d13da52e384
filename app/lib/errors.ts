// The small, fixed set of error codes. Domain detail goes in `reason` (a message-catalog key),
// never in new codes. One boundary (app/lib/respond.server.ts and the root ErrorBoundary)
// turns these into pages and API bodies.
export const ERROR_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-large": 413,
  unsupported: 415,
  "rate-limited": 429,
  "deadline-passed": 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: string;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, reason: string, fields?: Record<string, string>) {
    super(`${code}: ${reason}`);
    this.code = code;
    this.reason = reason;
    this.fields = fields;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (reason = "errors.notFound") => new AppError("not-found", reason);
export const forbidden = (reason = "errors.forbidden") => new AppError("forbidden", reason);
export const invalid = (reason: string, fields?: Record<string, string>) =>
  new AppError("invalid", reason, fields);
export const conflict = (reason: string) => new AppError("conflict", reason);
