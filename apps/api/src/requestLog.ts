/**
 * The server log's request lines: one per request (Fastify writes two, "incoming request" and
 * "request completed"), with the request id pino adds as `reqId`, the method, the path, the
 * status and the time taken. The query string is left out: it is the caller's, and logs are
 * kept. 5xx answers are logged with their cause by the error handler.
 */
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

/** Fastify's log controller with one line per request. */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      path: request.url.split("?")[0],
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request");
  }
}
