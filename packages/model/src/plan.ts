/**
 * The plan format: what the solver returns and what the server stores, publishes and turns
 * into calendars. Versioned, with a JSON Schema from the same TypeBox source as the types.
 * Date-times are local ISO strings with the scenario's UTC offset (2026-11-24T08:30:00-05:00).
 */
import { Type, type Static } from "@sinclair/typebox";
import { IsoDate, ZoneSchema } from "./scenario.js";

export const PLAN_FORMAT = "carebus-plan";
export const PLAN_VERSION = 1;

const LocalDateTime = Type.String({ description: "local ISO date-time with offset, e.g. 2026-11-24T08:30:00-05:00" });

export const PlanVisitSchema = Type.Object({
  stopId: Type.String(),
  arrival: LocalDateTime,
  serviceStart: LocalDateTime,
  serviceEnd: LocalDateTime,
  departure: LocalDateTime,
  travelMinutes: Type.Number({ description: "driving minutes from the previous place (depot or stop)" }),
  km: Type.Number({ description: "road kilometres from the previous place" }),
  value: Type.Number({ description: "objective value this visit adds, given the visits before it" }),
});
export type PlanVisit = Static<typeof PlanVisitSchema>;

export const PlanBreakSchema = Type.Object({
  start: LocalDateTime,
  end: LocalDateTime,
  afterStopId: Type.Union([Type.String(), Type.Null()]),
});
export type PlanBreak = Static<typeof PlanBreakSchema>;

export const DirectionStepSchema = Type.Object({
  text: Type.String(),
  distanceM: Type.Number(),
  durationS: Type.Number(),
});
export type DirectionStep = Static<typeof DirectionStepSchema>;

export const PlanRouteSchema = Type.Object({
  busId: Type.String(),
  date: IsoDate,
  depotId: Type.String(),
  departure: LocalDateTime,
  return: LocalDateTime,
  visits: Type.Array(PlanVisitSchema),
  lunch: Type.Optional(PlanBreakSchema),
  returnTravelMinutes: Type.Number(),
  returnKm: Type.Number(),
  travelMinutes: Type.Number({ description: "driving minutes of the whole bus-day" }),
  km: Type.Number(),
  workMinutes: Type.Number({ description: "minutes from departure to return" }),
  geometry: Type.Optional(Type.Unknown({ description: "GeoJSON FeatureCollection of LineString legs" })),
  directions: Type.Optional(
    Type.Array(Type.Object({ from: Type.String(), to: Type.String(), steps: Type.Array(DirectionStepSchema) })),
  ),
});
export type PlanRoute = Static<typeof PlanRouteSchema>;

export const UnvisitedReasonSchema = Type.Union([
  Type.Literal("no-compatible-bus"),
  Type.Literal("unreachable-in-shift"),
  Type.Literal("windows-never-open"),
  Type.Literal("days-excluded"),
  Type.Literal("already-covered"),
  Type.Literal("search-stopped"),
  Type.Literal("fleet-time"),
]);
export type UnvisitedReason = Static<typeof UnvisitedReasonSchema>;

export const UnvisitedStopSchema = Type.Object({
  stopId: Type.String(),
  reason: UnvisitedReasonSchema,
  message: Type.String(),
  value: Type.Optional(
    Type.Number({ description: "value the stop would add to this plan (fleet-time, search-stopped)" }),
  ),
});
export type UnvisitedStop = Static<typeof UnvisitedStopSchema>;

export const PlanStatsSchema = Type.Object({
  value: Type.Number({ description: "objective: weighted caregivers covered (or score)" }),
  bound: Type.Number({ description: "a valid upper bound on value" }),
  boundKind: Type.Optional(
    Type.Union([Type.Literal("quick"), Type.Literal("strong")], {
      description:
        "quick: the fallback bound (every stop visited as often as it may be), far above what is reachable; strong: a solved relaxation",
    }),
  ),
  gap: Type.Number({ description: "(bound - value) / bound, 0 when bound is 0" }),
  travelMinutes: Type.Number(),
  iterations: Type.Integer(),
  elapsedMs: Type.Number(),
  seed: Type.Integer(),
  timeLimitSeconds: Type.Optional(Type.Number()),
  iterationLimit: Type.Optional(Type.Integer()),
  timeToBestMs: Type.Optional(Type.Number()),
  movedVisits: Type.Optional(
    Type.Integer({ description: "re-planned from a base plan: its visits not kept where they were" }),
  ),
});
export type PlanStats = Static<typeof PlanStatsSchema>;

export const PlanTotalsSchema = Type.Object({
  value: Type.Number(),
  caregiversReached: Type.Number({ description: "distinct caregivers within walking distance of at least one visit" }),
  visits: Type.Integer(),
  stopsVisited: Type.Integer(),
  travelMinutes: Type.Number(),
  km: Type.Number(),
  byLocality: Type.Array(Type.Object({ locality: Type.String(), caregivers: Type.Number(), value: Type.Number() })),
  byZone: Type.Array(Type.Object({ zone: ZoneSchema, caregivers: Type.Number(), value: Type.Number() })),
  byPriority: Type.Optional(
    Type.Array(
      Type.Object({
        band: Type.Union([Type.Literal("low"), Type.Literal("medium"), Type.Literal("high")]),
        caregivers: Type.Number({ description: "caregivers of the band reached" }),
        total: Type.Number({ description: "caregivers of the band in the scenario" }),
      }),
      {
        description: "caregivers reached by priority band (high, medium, low), when the scenario has a priority index",
      },
    ),
  ),
});
export type PlanTotals = Static<typeof PlanTotalsSchema>;

export const PlanSchema = Type.Object(
  {
    format: Type.Literal(PLAN_FORMAT),
    version: Type.Literal(PLAN_VERSION),
    scenario: Type.Object({
      id: Type.String(),
      hash: Type.String({ description: "sha256 of the canonical scenario JSON" }),
    }),
    timeZone: Type.String(),
    dates: Type.Array(IsoDate, {
      description: "the service dates of the horizon (holidays and excluded dates removed)",
    }),
    routes: Type.Array(PlanRouteSchema),
    totals: PlanTotalsSchema,
    unvisited: Type.Array(UnvisitedStopSchema),
    stats: PlanStatsSchema,
  },
  { $id: "https://carebus.dev/schemas/plan-v1.json", title: "carebus plan" },
);
export type Plan = Static<typeof PlanSchema>;
