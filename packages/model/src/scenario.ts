/**
 * The scenario format: one versioned JSON document for a planning problem. The TypeBox
 * schemas below are the single source of both the TypeScript types and the published JSON
 * Schema (`carebus validate --schema`), so the API, the CLI and the types cannot drift apart.
 * Semantic rules that a schema cannot state (cross-references, windows versus dwell, …) live
 * in validateScenario.ts.
 */
import { Type, type Static } from "@sinclair/typebox";
import { HOLIDAY_CODE_PATTERN } from "./holidays.js";

export const SCENARIO_FORMAT = "carebus-scenario";
export const SCENARIO_VERSION = 1;

const Id = Type.String({ minLength: 1, maxLength: 200, description: "identifier, unique within its list" });
export const IsoDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "calendar date YYYY-MM-DD" });
export const ClockTime = Type.String({
  pattern: "^([01]\\d|2[0-3]):[0-5]\\d$",
  description: "local time of day HH:MM",
});
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });
const Minutes = Type.Number({ minimum: 0, description: "minutes" });

export const WeekdaySchema = Type.Union(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => Type.Literal(d)),
  { description: "day of the week" },
);
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export const ZoneSchema = Type.Union([Type.Literal("urban"), Type.Literal("rural")]);
export type Zone = Static<typeof ZoneSchema>;

export const TimeWindowSchema = Type.Object(
  { start: ClockTime, end: ClockTime },
  {
    additionalProperties: false,
    description:
      "interval in which the bus may be parked and serving; service (dwell) starts at or after start and ends at or before end",
  },
);
export type TimeWindow = Static<typeof TimeWindowSchema>;

export const HorizonSchema = Type.Object(
  {
    startDate: IsoDate,
    days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 366, description: "number of calendar days from startDate" }),
    ),
    dates: Type.Optional(
      Type.Array(IsoDate, { minItems: 1, description: "explicit dates instead of startDate + days" }),
    ),
    timeZone: Type.Optional(Type.String({ minLength: 1, default: "America/Bogota", description: "IANA time zone" })),
    weekdays: Type.Optional(
      Type.Array(WeekdaySchema, { minItems: 1, description: "weekdays the service runs (default mon–sat)" }),
    ),
    holidays: Type.Optional(
      Type.String({
        pattern: HOLIDAY_CODE_PATTERN,
        default: "CO",
        description:
          'exclude the public holidays of this ISO 3166 country or subdivision ("CO", "CL", "CL-LL", …; default Colombia), or "none"',
      }),
    ),
    excludedDates: Type.Optional(Type.Array(IsoDate, { description: "further dates without service" })),
    includedDates: Type.Optional(
      Type.Array(IsoDate, { description: "dates served even if a holiday (overrides the holiday calendar)" }),
    ),
    cycleWeeks: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 104, description: "weeks over which the weekly pattern repeats" }),
    ),
  },
  { additionalProperties: false },
);
export type Horizon = Static<typeof HorizonSchema>;

export const DepotSchema = Type.Object(
  { id: Id, name: Type.String(), lat: Latitude, lon: Longitude },
  { additionalProperties: false },
);
export type Depot = Static<typeof DepotSchema>;

export const ShiftSchema = Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false });
export type Shift = Static<typeof ShiftSchema>;

export const LunchSchema = Type.Object(
  { start: ClockTime, end: ClockTime, minutes: Type.Integer({ minimum: 1, maximum: 240 }) },
  { additionalProperties: false, description: "a break of `minutes` taken entirely inside [start, end]" },
);
export type Lunch = Static<typeof LunchSchema>;

export const BusSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    kind: Type.String({ minLength: 1, description: "e.g. urban, rural; stops list the kinds they accept" }),
    depotId: Id,
    days: Type.Optional(
      Type.Array(WeekdaySchema, { minItems: 1, description: "weekdays the bus works (default: the horizon's)" }),
    ),
    shift: ShiftSchema,
    shifts: Type.Optional(
      Type.Record(Type.String(), ShiftSchema, { description: "per-weekday shift overrides, keyed mon..sun" }),
    ),
    maxWorkMinutes: Type.Optional(Minutes),
    maxDriveMinutes: Type.Optional(Minutes),
    setupMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240, default: 0 })),
    packupMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240, default: 0 })),
    lunch: Type.Optional(LunchSchema),
  },
  { additionalProperties: false },
);
export type Bus = Static<typeof BusSchema>;

export const PinnedVisitSchema = Type.Object(
  { busId: Id, date: IsoDate, start: ClockTime },
  {
    additionalProperties: false,
    description: "a visit a re-plan must keep: this bus serves the stop on this date starting at this time",
  },
);
export type PinnedVisit = Static<typeof PinnedVisitSchema>;

export const StopSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    lat: Latitude,
    lon: Longitude,
    zone: ZoneSchema,
    locality: Type.String(),
    neighbourhood: Type.Optional(
      Type.String({ description: "the barrio, UPZ or vereda people know the place by (searchable)" }),
    ),
    address: Type.Optional(
      Type.String({
        description:
          "street address or landmark people find the bus by (Salón comunal…, Parque…), shown in feeds and pages",
      }),
    ),
    services: Type.Optional(Type.Array(Type.String())),
    busKinds: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      description: "bus kinds allowed to serve the stop",
    }),
    weekdays: Type.Optional(
      Type.Array(WeekdaySchema, { minItems: 1, description: "weekdays the stop may be served (default all)" }),
    ),
    timeWindows: Type.Array(TimeWindowSchema, { minItems: 1 }),
    dwellMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: "how long the bus stays and serves" }),
    maxVisits: Type.Optional(Type.Integer({ minimum: 1, default: 1, description: "visits allowed in the horizon" })),
    minDaysBetween: Type.Optional(
      Type.Integer({ minimum: 0, default: 0, description: "minimum calendar days between two visits" }),
    ),
    pinned: Type.Optional(Type.Array(PinnedVisitSchema)),
  },
  { additionalProperties: false },
);
export type Stop = Static<typeof StopSchema>;

export const DemandPointSchema = Type.Object(
  {
    id: Type.Optional(Id),
    lat: Latitude,
    lon: Longitude,
    caregivers: Type.Number({ minimum: 0 }),
    weight: Type.Optional(Type.Number({ minimum: 0, default: 1, description: "priority weight" })),
    locality: Type.String(),
    zone: ZoneSchema,
    indicators: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: 0 }), {
        description:
          "needs indicators of the point (e.g. olderAdultsShare, ruralShare, povertyShare): non-negative numbers the scenario's priority index weighs",
      }),
    ),
  },
  { additionalProperties: false },
);
export type DemandPoint = Static<typeof DemandPointSchema>;

export const CareBlockSchema = Type.Object(
  { id: Id, name: Type.String(), lat: Latitude, lon: Longitude, locality: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type CareBlock = Static<typeof CareBlockSchema>;

export const CoverageRulesSchema = Type.Object(
  {
    catchmentMinutes: Type.Object(
      { urban: Minutes, rural: Minutes },
      { additionalProperties: false, description: "walking catchment per zone of the demand point" },
    ),
    walkingSpeedKmh: Type.Number({ exclusiveMinimum: 0, maximum: 10 }),
    detourFactor: Type.Number({ minimum: 1, maximum: 3 }),
    visitValues: Type.Array(Type.Number({ minimum: 0, maximum: 1 }), {
      minItems: 1,
      description: "value of the 1st, 2nd, 3rd… visit of a point in the horizon (later visits reuse the last value)",
    }),
    careBlockMinutes: Type.Optional(Minutes),
    careBlockDiscount: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: "fraction of demand inside a Care Block's walking area that is already served",
      }),
    ),
  },
  { additionalProperties: false },
);
export type CoverageRules = Static<typeof CoverageRulesSchema>;

export const PriorityIndexSchema = Type.Object(
  {
    weights: Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: 0 }), {
      description:
        "weight of each indicator in the index; each indicator is first scaled to 0–1 by its largest value over the points",
    }),
    minWeight: Type.Optional(
      Type.Number({ minimum: 0, default: 1, description: "priority weight of a point whose index is 0" }),
    ),
    maxWeight: Type.Optional(
      Type.Number({ minimum: 0, default: 2, description: "priority weight of a point whose index is 1" }),
    ),
  },
  {
    additionalProperties: false,
    description:
      "the needs index: index = Σ weight × (indicator ÷ its largest value) ÷ Σ weight, in 0–1; a point's priority weight = minWeight + index × (maxWeight − minWeight), multiplying its own weight",
  },
);
export type PriorityIndex = Static<typeof PriorityIndexSchema>;

export const PointsDemandSchema = Type.Object(
  {
    kind: Type.Literal("points"),
    points: Type.Array(DemandPointSchema),
    coverage: CoverageRulesSchema,
    careBlocks: Type.Optional(Type.Array(CareBlockSchema)),
    priority: Type.Optional(PriorityIndexSchema),
  },
  { additionalProperties: false },
);
export const ScoresDemandSchema = Type.Object(
  {
    kind: Type.Literal("scores"),
    scores: Type.Array(
      Type.Object({ stopId: Id, score: Type.Number({ minimum: 0 }) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false, description: "classic orienteering form: a plain score per stop, counted once" },
);
export const DemandSchema = Type.Union([PointsDemandSchema, ScoresDemandSchema]);
export type PointsDemand = Static<typeof PointsDemandSchema>;
export type ScoresDemand = Static<typeof ScoresDemandSchema>;
export type Demand = Static<typeof DemandSchema>;

const PlaceSchema = Type.Object({ lat: Latitude, lon: Longitude }, { additionalProperties: false });

export const FerryCrossingSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    area: Type.Array(Type.Tuple([Longitude, Latitude]), {
      minItems: 4,
      description: "the island (or area reached only by this ferry) as a closed ring of [lon, lat], first = last",
    }),
    islandRamp: PlaceSchema,
    mainlandRamp: PlaceSchema,
    crossingMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 1440 }),
    waitMinutes: Type.Optional(Type.Number({ minimum: 0, maximum: 1440, default: 0 })),
  },
  {
    additionalProperties: false,
    description:
      "a ferry the estimate must use: a journey between a place inside `area` and one outside drives to the ramp, waits, crosses and drives on",
  },
);
export type FerryCrossing = Static<typeof FerryCrossingSchema>;

export const TravelSettingsSchema = Type.Union([
  Type.Object(
    {
      provider: Type.Literal("estimate"),
      urbanSpeedKmh: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 130 })),
      ruralSpeedKmh: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 130 })),
      detourFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
      accessMinutes: Type.Optional(Minutes),
      ferries: Type.Optional(Type.Array(FerryCrossingSchema)),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      provider: Type.Literal("road-graph"),
      file: Type.String({
        minLength: 1,
        description: "GeoJSON, .osm or .osm.pbf road network, relative to the scenario file",
      }),
      defaultSpeedKmh: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 130 })),
      ferryWaitMinutes: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: 600,
          description: "expected wait at the ramp added to every ferry crossing (OSM route=ferry ways)",
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      provider: Type.Literal("osrm"),
      url: Type.String({ minLength: 1 }),
      profile: Type.Optional(Type.String()),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
      retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
      chunkSize: Type.Optional(Type.Integer({ minimum: 2 })),
    },
    { additionalProperties: false },
  ),
]);
export type TravelSettings = Static<typeof TravelSettingsSchema>;

export const SolveOptionsSchema = Type.Object(
  {
    timeLimitSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86400 })),
    iterationLimit: Type.Optional(Type.Integer({ minimum: 0 })),
    seed: Type.Optional(Type.Integer({ minimum: 0 })),
    objective: Type.Optional(
      Type.Array(Type.Union([Type.Literal("coverage"), Type.Literal("travel")]), { minItems: 1, maxItems: 2 }),
    ),
    timeGrid: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 240,
        default: 15,
        description:
          "minutes: published service starts fall on this grid from midnight (ends too when the dwell is a multiple), so people read 13:00–16:00, not 12:54–15:54; 0 = exact times",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ScenarioOptions = Static<typeof SolveOptionsSchema>;

/** Grid of published service starts when a scenario sets none, in minutes. */
export const DEFAULT_TIME_GRID = 15;

/** The grid a scenario's service starts fall on, in minutes (0 = exact times). */
export function timeGridOf(scenario: { options?: ScenarioOptions | undefined }): number {
  return scenario.options?.timeGrid ?? DEFAULT_TIME_GRID;
}

export const ScenarioSchema = Type.Object(
  {
    format: Type.Literal(SCENARIO_FORMAT),
    version: Type.Literal(SCENARIO_VERSION),
    id: Id,
    name: Type.String(),
    description: Type.Optional(Type.String()),
    locale: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 35,
        default: "es-CO",
        description:
          'BCP 47 language tag for dates and numbers on every surface ("es-CO", "es-CL", "en"; default "es-CO")',
      }),
    ),
    horizon: HorizonSchema,
    depots: Type.Array(DepotSchema, { minItems: 1 }),
    buses: Type.Array(BusSchema, { minItems: 1 }),
    stops: Type.Array(StopSchema, { minItems: 1 }),
    demand: DemandSchema,
    travel: Type.Optional(TravelSettingsSchema),
    options: Type.Optional(SolveOptionsSchema),
  },
  { additionalProperties: false, $id: "https://carebus.dev/schemas/scenario-v1.json", title: "carebus scenario" },
);
export type Scenario = Static<typeof ScenarioSchema>;
