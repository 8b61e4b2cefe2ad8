/**
 * One JSON shape for every error: `{statusCode, code, error, message, issues?}`. Schema
 * failures and invalid scenarios both list `{path, message}` issues; Fastify's own client
 * errors keep their status (413 body too large, 415, 429 rate limited) and get a code of
 * their own when they come without one; anything unexpected becomes a 500 whose message says
 * nothing about the internals (the details go to the log). Routing errors are summarised (see
 * publicErrors.ts). Malformed HTTP that never reaches a route gets the same shape from
 * `writeClientError`, written straight to the socket.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { STATUS_CODES, type ServerResponse } from "node:http";
import { CarebusError, type Issue } from "@carebus/model";
import type { Socket } from "node:net";
import { ApiError } from "./errors.js";
import { publicSummary } from "./publicErrors.js";

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues?: Issue[];
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** "/stops/3/name" → "stops[3].name", prefixed by the request part ("body", "querystring"…). */
function ajvPath(context: string, issue: AjvIssue): string {
  let path = context;
  for (const part of (issue.instancePath ?? "").split("/").slice(1)) {
    path += /^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, "/").replace(/~0/g, "~")}`;
  }
  if (issue.keyword === "required" && typeof issue.params?.missingProperty === "string")
    path += `.${issue.params.missingProperty}`;
  if (issue.keyword === "additionalProperties" && typeof issue.params?.additionalProperty === "string")
    path += `.${issue.params.additionalProperty}`;
  return path;
}

function ajvMessage(issue: AjvIssue): string {
  if (issue.keyword === "additionalProperties") return "is not an allowed property";
  if (issue.keyword === "required") return "is required";
  return issue.message ?? "is invalid";
}

function body(statusCode: number, code: string, message: string, issues?: readonly Issue[]): ErrorBody {
  return {
    statusCode,
    code,
    error: STATUS_CODES[statusCode] ?? "Error",
    message,
    ...(issues ? { issues: [...issues] } : {}),
  };
}

/** The code of a 4xx that arrived without one of ours. */
function codeOfStatus(status: number): string {
  if (status === 403 || status === 404) return "CAREBUS_ERR_ROUTE_NOT_FOUND";
  if (status === 408) return "CAREBUS_ERR_REQUEST_TIMEOUT";
  if (status === 429) return "CAREBUS_ERR_RATE_LIMITED";
  return "CAREBUS_ERR_BAD_REQUEST";
}

/** Maps any thrown value to the error body and status sent to the client. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return body(error.statusCode, error.code, error.message, error.issues);
  if (error instanceof CarebusError) {
    const issues = (error as { issues?: readonly Issue[] }).issues;
    if (
      error.code === "CAREBUS_SCENARIO_INVALID" ||
      error.code === "CAREBUS_PLAN_INVALID" ||
      error.code === "CAREBUS_CHANGES_INVALID"
    ) {
      return body(
        400,
        error.code,
        issues && issues.length > 0
          ? `${issues.length} problem(s): ${issues
              .slice(0, 3)
              .map((i) => `${i.path}: ${i.message}`)
              .join("; ")}`
          : error.message,
        issues,
      );
    }
    if (error.code.startsWith("CAREBUS_GEO_")) return body(503, error.code, publicSummary(error.code, error.message));
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    const context = fastifyError.validationContext ?? "request";
    const issues = fastifyError.validation.map((v) => ({ path: ajvPath(context, v), message: ajvMessage(v) }));
    return body(400, "CAREBUS_ERR_BAD_REQUEST", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    if (status === 413)
      return body(413, "CAREBUS_ERR_BODY_TOO_LARGE", "request body is larger than the server accepts");
    // Fastify's own client errors keep their documented FST_ codes; anything else (a plugin's
    // bare 403 or 404) gets the code of its status, never a stray one.
    const code = fastifyError.code?.startsWith("FST_ERR_") ? fastifyError.code : codeOfStatus(status);
    const message = status === 403 || status === 404 ? "not found" : (fastifyError.message ?? "bad request");
    return status === 403 ? body(404, code, message) : body(status, code, message);
  }
  return body(500, "CAREBUS_ERR_INTERNAL", "internal error; the server log has the details");
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const response = toErrorBody(error);
    if (response.statusCode >= 500) request.log.error({ err: error }, "request failed");
    return reply.code(response.statusCode).type("application/json; charset=utf-8").send(response);
  });
  app.setNotFoundHandler((request, reply) => {
    return reply
      .code(404)
      .send(body(404, "CAREBUS_ERR_ROUTE_NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`));
  });
}

/** What `writeClientError` answers for each kind of malformed or too slow HTTP. */
const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: "CAREBUS_ERR_REQUEST_TIMEOUT",
    message: "the request (headers and body) did not arrive within the server's time limit",
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: "CAREBUS_ERR_HEADERS_TOO_LARGE",
    message: "the request headers are larger than the server accepts",
  },
};

/**
 * Fastify's `clientErrorHandler`: HTTP that Node's parser refuses (or that arrives too slowly)
 * never reaches a route, so the error body is written to the socket here, then the socket is
 * closed, as Node itself does. When a response has already started on the socket (the bytes
 * after a complete request are what is malformed), nothing more is written: like Node's own
 * handler, one exchange gets one response.
 */
export function writeClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ""] ?? {
    status: 400,
    code: "CAREBUS_ERR_MALFORMED_REQUEST",
    message: "the request is not valid HTTP/1.1",
  };
  const text = JSON.stringify(body(known.status, known.code, known.message));
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (socket.writable && !current?.headersSent) {
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
