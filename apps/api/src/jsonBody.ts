/**
 * The JSON body parser: Fastify's own (prototype-poisoning checks included), behind a nesting
 * check. JSON.parse copes with any depth, but every recursive walk after it (schema checks,
 * hashing, JSON.stringify when storing) overflows the stack somewhere past a few thousand
 * levels, which would be a 500. No carebus document nests more than about eight levels, so a
 * body deeper than MAX_JSON_DEPTH is refused with a 400 before it is parsed.
 */
import type { FastifyInstance } from "fastify";
import { ApiError } from "./errors.js";

/** Deepest nesting of arrays and objects accepted in a request body. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when the JSON text nests arrays/objects deeper than `limit` (strings are skipped). */
export function isNestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Replaces the application/json parser of `app` with the depth-checked one. */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    if (isNestedDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new ApiError(
          400,
          "CAREBUS_ERR_JSON_TOO_DEEP",
          `body: arrays and objects nest more than ${MAX_JSON_DEPTH} levels deep`,
          [{ path: "body", message: `nests more than ${MAX_JSON_DEPTH} levels deep` }],
        ),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
