// The one error type of the public HTTP edge. Every refusal a route gives is an HttpError: a stable
// `code` for programs, an HTTP status, and a message key (with ICU values) that becomes a sentence in
// the caller's language; `details` carries what a program needs to act (bad parameters, issues).
// Errors of the domain code (lib/auth AppError, curation, builder, translation) are converted here,
// so that a route never invents a body of its own.
import { Refusal } from "./refusal";
import type { MessageValues } from "./messages";

export const HTTP_ERROR_STATUS = {
  /** The request itself is malformed: bad encoding, control characters, over-long parts */
  badRequest: 400,
  /** A query parameter has a value the endpoint does not accept (details.params says which) */
  invalidParameters: 400,
  fileMissing: 400,
  wrongPassword: 400,
  unauthenticated: 401,
  invalidCredentials: 401,
  forbidden: 403,
  crossSite: 403,
  accountDisabled: 403,
  notFound: 404,
  conflict: 409,
  notReady: 409,
  invalidXlsform: 409,
  emailTaken: 409,
  selfLockout: 409,
  tooLarge: 413,
  invalidInput: 422,
  importRefused: 422,
  exportTooLarge: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS;

export type HttpErrorOptions = {
  /** Defaults to `errors.<code>` */
  messageKey?: string;
  params?: MessageValues;
  details?: Record<string, unknown>;
};

export class HttpError extends Error {
  readonly status: number;
  readonly messageKey: string;
  readonly params?: MessageValues;
  readonly details?: Record<string, unknown>;

  constructor(
    readonly code: HttpErrorCode,
    { messageKey, params, details }: HttpErrorOptions = {},
  ) {
    super(code);
    this.name = "HttpError";
    this.status = HTTP_ERROR_STATUS[code];
    this.messageKey = messageKey ?? `errors.${code}`;
    this.params = params;
    this.details = details;
  }
}

/** The codes the domain errors share with the edge; any other domain refusal is a bad request. */
const SHARED_DOMAIN_CODES = new Set<string>(["unauthenticated", "forbidden", "notFound", "conflict", "invalidInput"]);

/** The HttpError an error thrown below the edge stands for, or null when it is not a refusal (a bug or an outage). */
export function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof Refusal && error.edgeCodes === "all" && error.code in HTTP_ERROR_STATUS) {
    return new HttpError(
      error.code as HttpErrorCode,
      error.fieldErrors ? { details: { fieldErrors: error.fieldErrors } } : {},
    );
  }
  if (error instanceof Refusal)
    return new HttpError(SHARED_DOMAIN_CODES.has(error.code) ? (error.code as HttpErrorCode) : "badRequest");
  return null;
}
