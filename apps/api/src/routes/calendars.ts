/**
 * Calendar feeds of the published plan: per stop (what communities subscribe to), per bus
 * and per locality. Responses carry ETag and Last-Modified and answer conditional requests
 * with 304, because calendar apps poll these feeds many times a day.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CalendarLanguage } from "@carebus/calendar";
import { normalizeName } from "@carebus/calendar";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import type { FeedKind } from "../feeds/publishedPlans.js";
import { errors } from "../schemas.js";

interface FeedRequest {
  Params: { file: string };
  Querystring: { lang?: CalendarLanguage; scenarioId?: string };
}

const feedSchema = (what: string) => ({
  summary: `iCalendar feed of one ${what} (webcal-subscribable)`,
  tags: ["calendars"],
  params: {
    type: "object",
    properties: {
      file: { type: "string", pattern: "\\.ics$", maxLength: 250, description: `<${what} id or name>.ics` },
    },
    required: ["file"],
  },
  querystring: {
    type: "object",
    properties: {
      lang: { type: "string", enum: ["es", "en"], default: "es" },
      scenarioId: { type: "string", minLength: 1, maxLength: 200 },
    },
    additionalProperties: false,
  },
  produces: ["text/calendar"],
  response: {
    200: { type: "string", description: "text/calendar" },
    304: { type: "null", description: "not modified" },
    ...errors(400, 404),
  },
});

/** True when the request's validators say the client already has this version. */
function isFresh(request: FastifyRequest, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
  const since = request.headers["if-modified-since"];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

const FOLDERS: Record<FeedKind, string> = { stop: "stops", bus: "buses", locality: "localities" };

export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function serve(kind: FeedKind, request: FastifyRequest<FeedRequest>, reply: FastifyReply) {
    const asked = request.params.file.slice(0, -".ics".length);
    const published = await ctx.publishedFor(request);
    // The id as the scenario spells it: the cache key and the feed's own URL come from it, so
    // re-encodings of the same id (%75-kennedy) or of a locality (USME, usmé) share one feed.
    const id = published.feedIds[kind].get(kind === "locality" ? normalizeName(asked) : asked);
    if (id === undefined) throw notFound(kind === "locality" ? "locality" : kind, asked);
    const url = `${ctx.baseUrl(request)}/calendars/${FOLDERS[kind]}/${encodeURIComponent(id)}.ics`;
    const feed = ctx.published.feed(published, kind, id, request.query.lang ?? "es", url);
    void reply
      .header("etag", feed.etag)
      .header("last-modified", feed.lastModified.toUTCString())
      .header("cache-control", "public, max-age=300");
    if (isFresh(request, feed.etag, feed.lastModified)) return reply.code(304).send();
    return reply.type("text/calendar; charset=utf-8").send(feed.body);
  }

  app.get<FeedRequest>("/calendars/stops/:file", { schema: feedSchema("stop") }, (request, reply) =>
    serve("stop", request, reply),
  );
  app.get<FeedRequest>("/calendars/buses/:file", { schema: feedSchema("bus") }, (request, reply) =>
    serve("bus", request, reply),
  );
  app.get<FeedRequest>("/calendars/localities/:file", { schema: feedSchema("locality") }, (request, reply) =>
    serve("locality", request, reply),
  );
}
