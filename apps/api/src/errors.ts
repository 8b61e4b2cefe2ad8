/**
 * The HTTP errors that belong to the API (unknown ids, a job in the wrong state, a missing
 * token). Each has a stable `code` clients can match on and the status it is sent with; the
 * error handler turns them, and the domain errors of other packages, into one JSON shape.
 */
import { CarebusError, type Issue } from "@carebus/model";

/** An error with an HTTP status, sent as `{statusCode, code, error, message, issues?}`. */
export class ApiError extends CarebusError {
  readonly statusCode: number;
  readonly issues: readonly Issue[] | undefined;
  constructor(statusCode: number, code: string, message: string, issues?: readonly Issue[]) {
    super(code, message);
    this.statusCode = statusCode;
    this.issues = issues;
  }
}

/** 404: no such id. `what` names the kind ("scenario", "plan", "stop", …). */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, `CAREBUS_ERR_${what.toUpperCase()}_NOT_FOUND`, `${what} ${JSON.stringify(id)} not found`);
}

/** 400: a request value that the schema allows but the meaning does not. */
export function badRequest(path: string, message: string): ApiError {
  return new ApiError(400, "CAREBUS_ERR_BAD_REQUEST", `${path}: ${message}`, [{ path, message }]);
}

/** 401: the write route needs `Authorization: Bearer <token>`. */
export function unauthorized(message: string): ApiError {
  return new ApiError(401, "CAREBUS_ERR_UNAUTHORIZED", message);
}

/** 409: the request conflicts with what is stored or running. */
export function conflict(code: string, message: string): ApiError {
  return new ApiError(409, code, message);
}
