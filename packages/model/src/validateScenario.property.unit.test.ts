import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import {
  ScenarioSchema,
  ScenarioError,
  isIsoDate,
  parseScenario,
  scenarioHash,
  validateScenario,
  type Scenario,
} from "./index.js";
import { childPath, isRecord, isWithinPath, ROOT_PATH } from "./issuePath.js";
import { type BreakableJson, validSmall } from "../test/validSmall.js";

const RUNS = { seed: 42, numRuns: 300 };

/** One node of the fixture: where it is, how to reach it, and the schema that governs it. */
interface Node {
  path: string;
  keys: (string | number)[];
  schema: TSchema;
  /** the node is a required property of its parent object */
  required: boolean;
}

/** Every node of `value` under `schema`, following the branch a discriminated union picks. */
function nodesOf(
  schema: TSchema,
  value: unknown,
  path = ROOT_PATH,
  keys: (string | number)[] = [],
  required = true,
  out: Node[] = [],
): Node[] {
  if (Array.isArray(schema.anyOf) && isRecord(value)) {
    const branch = (schema.anyOf as TSchema[]).find(
      (b) =>
        b.type === "object" &&
        Object.entries(b.properties as Record<string, TSchema>).some(([k, s]) => "const" in s && s.const === value[k]),
    );
    if (branch) return nodesOf(branch, value, path, keys, required, out);
  }
  out.push({ path, keys, schema, required });
  if (schema.type === "object" && isRecord(value)) {
    const properties = (schema.properties ?? {}) as Record<string, TSchema>;
    const requiredKeys = new Set((schema.required ?? []) as string[]);
    const patterns = schema.patternProperties as Record<string, TSchema> | undefined;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = properties[key] ?? (patterns ? Object.values(patterns)[0] : undefined);
      if (childSchema) nodesOf(childSchema, child, childPath(path, key), [...keys, key], requiredKeys.has(key), out);
    }
  } else if (schema.type === "array" && Array.isArray(value)) {
    value.forEach((child: unknown, i) => {
      nodesOf(schema.items as TSchema, child, childPath(path, i), [...keys, i], true, out);
    });
  }
  return out;
}

const FIXTURE_NODES = nodesOf(ScenarioSchema, validSmall()).filter((n) => n.path !== ROOT_PATH);

/** Writes `replacement` at `keys` (or deletes the node when `replacement` is DELETE). */
const DELETE = Symbol("delete");
function mutate(keys: readonly (string | number)[], replacement: unknown): unknown {
  const scenario = validSmall();
  let parent: BreakableJson = scenario;
  for (const key of keys.slice(0, -1)) parent = parent[key];
  const last = keys[keys.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return scenario;
}

function related(issuePath: string, mutatedPath: string): boolean {
  return isWithinPath(issuePath, mutatedPath) || isWithinPath(mutatedPath, issuePath);
}

function expectRelatedIssue(value: unknown, mutatedPath: string): void {
  const issues = validateScenario(value);
  expect(
    issues.some((i) => related(i.path, mutatedPath)),
    `no issue related to ${mutatedPath}: ${JSON.stringify(issues)}`,
  ).toBe(true);
}

/** A value of the wrong JSON type for the node's schema. */
function wrongType(schema: TSchema): unknown {
  if (Array.isArray(schema.anyOf)) return { not: "one of these" };
  switch (schema.type) {
    case "string":
      return 12345;
    case "number":
    case "integer":
      return "12";
    case "array":
      return { length: 1 };
    case "object":
      return ["an", "array"];
    default:
      return null;
  }
}

const arbNode = fc.constantFrom(...FIXTURE_NODES);

describe("validateScenario on mutated scenarios", () => {
  test("names the field that got the wrong type", () =>
    fc.assert(
      fc.property(arbNode, (node) => {
        expectRelatedIssue(mutate(node.keys, wrongType(node.schema)), node.path);
      }),
      RUNS,
    ));

  const requiredNodes = FIXTURE_NODES.filter((n) => n.required && typeof n.keys[n.keys.length - 1] === "string");
  test("names a required field that was deleted", () =>
    fc.assert(
      fc.property(fc.constantFrom(...requiredNodes), (node) => {
        expectRelatedIssue(mutate(node.keys, DELETE), node.path);
      }),
      RUNS,
    ));

  const rangedNodes = FIXTURE_NODES.filter((n) =>
    ["minimum", "maximum", "exclusiveMinimum"].some((k) => typeof n.schema[k] === "number"),
  );
  test("names a number pushed out of its range", () =>
    fc.assert(
      fc.property(fc.constantFrom(...rangedNodes), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (node, excess) => {
        const s = node.schema as { minimum?: number; maximum?: number; exclusiveMinimum?: number };
        const below = s.minimum ?? s.exclusiveMinimum;
        const outOfRange = below !== undefined ? below - excess : s.maximum! + excess;
        expectRelatedIssue(
          mutate(
            node.keys,
            node.schema.type === "integer" ? Math.floor(outOfRange) - (below === undefined ? -1 : 0) : outOfRange,
          ),
          node.path,
        );
      }),
      RUNS,
    ));

  const references = FIXTURE_NODES.filter((n) => /(\.depotId|\.busKinds\[\d+\]|\.busId|\.stopId)$/.test(n.path));
  test("names a dangling reference", () =>
    fc.assert(
      fc.property(fc.constantFrom(...references), fc.string({ minLength: 1, maxLength: 8 }), (node, suffix) => {
        expectRelatedIssue(mutate(node.keys, `missing-${suffix}`), node.path);
      }),
      RUNS,
    ));

  test("never throws when a subtree is replaced by arbitrary JSON, and names it when the schema rejects it", () =>
    fc.assert(
      fc.property(arbNode, fc.jsonValue(), (node, replacement) => {
        const value = mutate(node.keys, replacement);
        const issues = validateScenario(value);
        if (!Value.Check(node.schema, replacement)) {
          expect(
            issues.some((i) => related(i.path, node.path)),
            `no issue related to ${node.path}: ${JSON.stringify(issues)}`,
          ).toBe(true);
        }
        expect(
          issues.every((i) => typeof i.path === "string" && typeof i.message === "string" && i.message.length > 0),
        ).toBe(true);
      }),
      RUNS,
    ));

  const dateNodes = FIXTURE_NODES.filter(
    (n) => typeof n.schema.pattern === "string" && n.schema.pattern.includes("\\d{4}"),
  );
  test("never throws on a date of the right shape over any horizon length, and names an unreal one", () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...dateNodes),
        fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        fc.integer({ min: 1, max: 366 }),
        (node, date, days) => {
          const scenario = mutate(node.keys, date) as { horizon: { days: number } };
          scenario.horizon.days = days;
          const issues = validateScenario(scenario);
          if (!isIsoDate(date))
            expect(issues.some((i) => i.path === node.path && /not a real calendar date/.test(i.message))).toBe(true);
        },
      ),
      RUNS,
    ));

  test("never throws on arbitrary JSON at the root, and finds a problem", () =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(validateScenario(value).length).toBeGreaterThan(0);
        expect(() => parseScenario(value)).toThrow(ScenarioError);
      }),
      RUNS,
    ));

  test("never throws on values JSON cannot even express", () =>
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withBoxedValues: true,
          withSparseArray: true,
          withTypedArray: true,
          withMap: true,
          withSet: true,
          withDate: true,
        }),
        (value) => {
          expect(Array.isArray(validateScenario(value))).toBe(true);
        },
      ),
      RUNS,
    ));
});

/** Small valid scenarios: random horizon, fleet, stops and either demand form. */
/** A coordinate JSON can carry exactly (JSON has no negative zero). */
const coordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true }).map((v) => v + 0);

const arbValidScenario: fc.Arbitrary<Scenario> = fc
  .record({
    start: fc.date({
      min: new Date("2025-01-01T00:00:00Z"),
      max: new Date("2027-12-20T00:00:00Z"),
      noInvalidDate: true,
    }),
    days: fc.integer({ min: 7, max: 21 }),
    kinds: fc.uniqueArray(fc.constantFrom("urban", "rural", "van"), { minLength: 1, maxLength: 3 }),
    shiftStart: fc.integer({ min: 5 * 60, max: 9 * 60 }),
    shiftHours: fc.integer({ min: 6, max: 12 }),
    stops: fc.array(
      fc.record({
        lat: coordinate(90),
        lon: coordinate(180),
        rural: fc.boolean(),
        locality: fc.string({ maxLength: 12 }),
        windowStart: fc.integer({ min: 0, max: 12 * 60 }),
        windowMinutes: fc.integer({ min: 30, max: 8 * 60 }),
        dwellShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
        maxVisits: fc.integer({ min: 1, max: 40 }),
        score: fc.nat({ max: 1000 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    points: fc.option(
      fc.array(fc.record({ caregivers: fc.nat({ max: 5000 }), lat: coordinate(90), lon: coordinate(180) }), {
        maxLength: 10,
      }),
      { nil: undefined },
    ),
  })
  .map(({ start, days, kinds, shiftStart, shiftHours, stops, points }): Scenario => {
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return {
      format: "carebus-scenario",
      version: 1,
      id: "generated",
      name: "generated",
      horizon: { startDate: start.toISOString().slice(0, 10), days },
      depots: [{ id: "d", name: "Depot", lat: 4.6, lon: -74.1 }],
      buses: kinds.map((kind, i) => ({
        id: `b${i}`,
        name: `Bus ${i}`,
        kind,
        depotId: "d",
        shift: { start: clock(shiftStart), end: clock(Math.min(shiftStart + shiftHours * 60, 23 * 60 + 59)) },
      })),
      stops: stops.map((s, i) => ({
        id: `s${i}`,
        name: `Stop ${i}`,
        lat: s.lat,
        lon: s.lon,
        zone: s.rural ? "rural" : "urban",
        locality: s.locality,
        busKinds: [kinds[i % kinds.length]!],
        timeWindows: [{ start: clock(s.windowStart), end: clock(s.windowStart + s.windowMinutes) }],
        dwellMinutes: Math.max(1, Math.floor(s.windowMinutes * s.dwellShare)),
        maxVisits: s.maxVisits,
      })),
      demand: points
        ? {
            kind: "points",
            points: points.map((p, i) => ({
              id: `p${i}`,
              lat: p.lat,
              lon: p.lon,
              caregivers: p.caregivers,
              locality: "x",
              zone: "urban",
            })),
            coverage: {
              catchmentMinutes: { urban: 15, rural: 30 },
              walkingSpeedKmh: 4,
              detourFactor: 1.3,
              visitValues: [1, 0.5],
            },
          }
        : { kind: "scores", scores: stops.map((s, i) => ({ stopId: `s${i}`, score: s.score })) },
    };
  });

describe("valid scenarios", () => {
  test("validate, and round-trip through JSON unchanged", () =>
    fc.assert(
      fc.property(arbValidScenario, (scenario) => {
        expect(validateScenario(scenario)).toEqual([]);
        const copy = JSON.parse(JSON.stringify(scenario)) as unknown;
        expect(copy).toEqual(scenario);
        expect(parseScenario(copy)).toBe(copy);
        expect(scenarioHash(copy as Scenario)).toBe(scenarioHash(scenario));
      }),
      RUNS,
    ));

  test("the fixture round-trips through JSON unchanged", () =>
    fc.assert(
      fc.property(fc.constant(validSmall()), (scenario) => {
        expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
        expect(validateScenario(JSON.parse(JSON.stringify(scenario)))).toEqual([]);
      }),
      { seed: 42, numRuns: 1 },
    ));
});
