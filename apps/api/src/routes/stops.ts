/**
 * "Which stop is mine, and when does the bus come?": stops of the published plan found by
 * place (nearest to a point) or by text (every word somewhere in the name, neighbourhood,
 * landmark or locality, ignoring case and accents: "bosa porvenir"), each with its next
 * visits, its services by name (Spanish unless `lang=en`) and its calendar feed links.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeName, type FeedEvent } from "@carebus/calendar";
import { haversineKm } from "@carebus/geo";
import { formatClock, isIsoDate, localeOf, serviceLabel, type Language, type Stop } from "@carebus/model";
import type { AppContext } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import type { Published } from "../feeds/publishedPlans.js";
import { errors } from "../schemas.js";

/** Most visits listed per stop. */
const MAX_NEXT_VISITS = 20;

const stopItem = {
  type: "object",
  properties: {
    stopId: { type: "string" },
    name: { type: "string" },
    locality: { type: "string" },
    neighbourhood: { type: ["string", "null"] },
    address: { type: ["string", "null"], description: "street address or landmark" },
    zone: { type: "string" },
    lat: { type: "number" },
    lon: { type: "number" },
    services: { type: "array", items: { type: "string" }, description: "service codes" },
    serviceNames: {
      type: "array",
      items: { type: "string" },
      description: "the services' names in the requested language, same order as services",
    },
    distanceKm: { type: "number" },
    nextVisits: {
      type: "array",
      items: {
        type: "object",
        properties: {
          date: { type: "string" },
          start: { type: "string" },
          end: { type: "string" },
          busId: { type: "string" },
        },
        required: ["date", "start", "end", "busId"],
      },
    },
    feeds: {
      type: "object",
      properties: { ics: { type: "string" }, webcal: { type: "string" } },
      required: ["ics", "webcal"],
    },
    locale: { type: "string", description: "the scenario's locale (BCP 47) for dates and numbers, e.g. es-CL" },
  },
  required: [
    "stopId",
    "name",
    "locality",
    "zone",
    "lat",
    "lon",
    "services",
    "serviceNames",
    "nextVisits",
    "feeds",
    "locale",
  ],
} as const;

interface StopsQuery {
  near?: string;
  q?: string;
  limit?: number;
  from?: string;
  scenarioId?: string;
  lang?: Language;
}

const langParam = {
  type: "string",
  enum: ["es", "en"],
  default: "es",
  description: "language of serviceNames",
} as const;

/** True when every word of `wanted` (normalized) appears in one of the stop's place names. */
function matchesWords(stop: Stop, words: readonly string[]): boolean {
  const haystack = [stop.name, stop.neighbourhood ?? "", stop.address ?? "", stop.locality]
    .map(normalizeName)
    .join(" \u0000 ");
  return words.every((word) => haystack.includes(word));
}

function parseFrom(from: string | undefined): string {
  if (from === undefined) return new Date().toISOString().slice(0, 10);
  if (!isIsoDate(from)) throw badRequest("querystring.from", `must be a date YYYY-MM-DD, got ${JSON.stringify(from)}`);
  return from;
}

function parseNear(near: string): { lat: number; lon: number } {
  const parts = near.split(",").map((p) => p.trim());
  const [lat, lon] = parts.map(Number) as [number, number];
  if (
    parts.length !== 2 ||
    parts.some((p) => p === "") ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon) ||
    Math.abs(lat) > 90 ||
    Math.abs(lon) > 180
  ) {
    throw badRequest(
      "querystring.near",
      `must be "lat,lon" in degrees (e.g. 4.60,-74.08), got ${JSON.stringify(near)}`,
    );
  }
  return { lat, lon };
}

export function stopRoutes(app: FastifyInstance, ctx: AppContext): void {
  function feedLinks(request: FastifyRequest, stopId: string) {
    const base = ctx.baseUrl(request);
    const path = `/calendars/stops/${encodeURIComponent(stopId)}.ics`;
    return { ics: `${base}${path}`, webcal: `${base.replace(/^https?:/, "webcal:")}${path}` };
  }

  function item(
    request: FastifyRequest,
    published: Published,
    stop: Stop,
    visits: readonly FeedEvent[],
    from: string,
    lang: Language,
    distanceKm?: number,
  ) {
    return {
      stopId: stop.id,
      name: stop.name,
      locality: stop.locality,
      neighbourhood: stop.neighbourhood ?? null,
      address: stop.address ?? null,
      zone: stop.zone,
      lat: stop.lat,
      lon: stop.lon,
      services: stop.services ?? [],
      serviceNames: (stop.services ?? []).map((code) => serviceLabel(code, lang)),
      ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 1000) / 1000 } : {}),
      nextVisits: visits
        .filter((v) => v.date >= from)
        .slice(0, MAX_NEXT_VISITS)
        .map((v) => ({
          date: v.date,
          start: formatClock(v.startMinute),
          end: formatClock(v.endMinute),
          busId: v.busId,
        })),
      feeds: feedLinks(request, stop.id),
      locale: localeOf(published.scenario.scenario),
    };
  }

  app.get<{ Querystring: StopsQuery }>(
    "/api/v1/stops",
    {
      schema: {
        summary:
          "Stops of the published plan near a point (`near=lat,lon`) or matching a text (`q=`), with their next visits",
        tags: ["stops"],
        querystring: {
          type: "object",
          properties: {
            near: { type: "string", maxLength: 100, description: "lat,lon in degrees" },
            q: {
              type: "string",
              minLength: 1,
              maxLength: 200,
              description: "text in the stop's name, neighbourhood or locality",
            },
            limit: { type: "integer", minimum: 1, maximum: 200, description: "default 5 with near, 20 with q" },
            from: { type: "string", description: "first date of nextVisits (default today)" },
            scenarioId: { type: "string", minLength: 1, maxLength: 200 },
            lang: langParam,
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: "object",
            properties: {
              scenarioId: { type: "string" },
              planId: { type: "string" },
              locale: { type: "string", description: "the scenario's locale for dates and numbers, e.g. es-CO" },
              stops: { type: "array", items: stopItem },
            },
            required: ["scenarioId", "planId", "stops"],
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { near, q } = request.query;
      if ((near === undefined) === (q === undefined))
        throw badRequest("querystring", "give exactly one of near=lat,lon or q=text");
      const from = parseFrom(request.query.from);
      const lang = request.query.lang ?? "es";
      const published = await ctx.publishedFor(request);
      const stops = published.scenario.scenario.stops.filter((s) => published.visitsByStop.has(s.id));
      const visitsOf = (s: Stop) => published.visitsByStop.get(s.id) ?? [];
      let items: Array<ReturnType<typeof item>>;
      if (near !== undefined) {
        const point = parseNear(near);
        const limit = request.query.limit ?? 5;
        items = stops
          .map((s) => ({ s, d: haversineKm(point, s) }))
          .sort((a, b) => a.d - b.d || a.s.id.localeCompare(b.s.id))
          .slice(0, limit)
          .map(({ s, d }) => item(request, published, s, visitsOf(s), from, lang, d));
      } else {
        const words = normalizeName(q!).split(/\s+/).filter(Boolean);
        const limit = request.query.limit ?? 20;
        items = stops
          .filter((s) => matchesWords(s, words))
          .slice(0, limit)
          .map((s) => item(request, published, s, visitsOf(s), from, lang));
      }
      return {
        scenarioId: published.scenario.id,
        planId: published.latest.planId,
        locale: localeOf(published.scenario.scenario),
        stops: items,
      };
    },
  );

  app.get<{ Params: { stopId: string }; Querystring: { from?: string; scenarioId?: string; lang?: Language } }>(
    "/api/v1/stops/:stopId",
    {
      schema: {
        summary: "One stop of the default (or given) scenario with its next visits in the published plan",
        tags: ["stops"],
        params: {
          type: "object",
          properties: { stopId: { type: "string", minLength: 1, maxLength: 200 } },
          required: ["stopId"],
        },
        querystring: {
          type: "object",
          properties: {
            from: { type: "string" },
            scenarioId: { type: "string", minLength: 1, maxLength: 200 },
            lang: langParam,
          },
          additionalProperties: false,
        },
        response: { 200: stopItem, ...errors(400, 404) },
      },
    },
    async (request) => {
      const from = parseFrom(request.query.from);
      const published = await ctx.publishedFor(request);
      const stop = published.scenario.scenario.stops.find((s) => s.id === request.params.stopId);
      if (!stop) throw notFound("stop", request.params.stopId);
      return item(
        request,
        published,
        stop,
        published.visitsByStop.get(stop.id) ?? [],
        from,
        request.query.lang ?? "es",
      );
    },
  );
}
