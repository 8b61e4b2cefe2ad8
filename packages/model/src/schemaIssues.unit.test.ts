import { describe, expect, it } from "vitest";
import { Type } from "@sinclair/typebox";
import { schemaIssues, validateScenario } from "./index.js";
import { broken } from "../test/validSmall.js";
import { expectIssue } from "../test/expectIssues.js";

describe("schema issues of a scenario", () => {
  it("names a wrong type in plain words", () => {
    expectIssue(
      validateScenario(broken((s) => (s.stops[4].dwellMinutes = "60"))),
      "stops[4].dwellMinutes",
      /^must be a whole number \(got "60"\)$/,
    );
    expectIssue(validateScenario(broken((s) => (s.depots[0].lat = "4.6"))), "depots[0].lat", /^must be a number/);
    expectIssue(validateScenario(broken((s) => (s.stops = {}))), "stops", /^must be an array/);
    expectIssue(validateScenario(broken((s) => (s.horizon = "soon"))), "horizon", /^must be an object/);
    expectIssue(
      validateScenario(broken((s) => (s.buses[0].name = null))),
      "buses[0].name",
      /^must be a string \(got null\)$/,
    );
  });

  it("reports a missing field once, as required", () => {
    const issues = validateScenario(broken((s) => delete s.buses[1].shift));
    expect(issues).toEqual([{ path: "buses[1].shift", message: "is required" }]);
  });

  it("lists the allowed values of an enumeration", () => {
    expectIssue(
      validateScenario(broken((s) => (s.stops[0].zone = "suburban"))),
      "stops[0].zone",
      /^must be one of urban, rural \(got "suburban"\)$/,
    );
    expectIssue(
      validateScenario(broken((s) => (s.buses[0].days = ["mon", "Monday"]))),
      "buses[0].days[1]",
      /^must be one of mon, tue, wed, thu, fri, sat, sun/,
    );
  });

  it("reports an unknown field on the object that holds it", () => {
    const issues = validateScenario(broken((s) => (s.stops[2].colour = "red")));
    expect(issues).toEqual([{ path: "stops[2]", message: 'unknown field "colour"' }]);
  });

  it("names literal fields and ranges", () => {
    expectIssue(validateScenario(broken((s) => (s.format = "carebus"))), "format", /^must be "carebus-scenario"/);
    expectIssue(validateScenario(broken((s) => (s.version = 2))), "version", /^must be 1 \(got 2\)$/);
    expectIssue(
      validateScenario(broken((s) => (s.demand.coverage.walkingSpeedKmh = 0))),
      "demand.coverage.walkingSpeedKmh",
      /^must be more than 0/,
    );
    expectIssue(validateScenario(broken((s) => (s.stops = []))), "stops", /^must not be empty$/);
    expectIssue(validateScenario(broken((s) => (s.id = ""))), "id", /^must not be empty$/);
    expectIssue(
      validateScenario(broken((s) => (s.horizon.startDate = "23/11/2026"))),
      "horizon.startDate",
      /^must be a date YYYY-MM-DD/,
    );
  });

  it("reports only the demand form the document names", () => {
    const points = validateScenario(broken((s) => (s.demand.coverage.detourFactor = "x")));
    expect(points).toEqual([{ path: "demand.coverage.detourFactor", message: 'must be a number (got "x")' }]);
    const scores = validateScenario(
      broken((s) => (s.demand = { kind: "scores", scores: [{ stopId: "bosa-centro", score: -1 }] })),
    );
    expect(scores).toEqual([{ path: "demand.scores[0].score", message: "must be at least 0 (got -1)" }]);
  });

  it("names the discriminator when the form is missing or unknown", () => {
    expect(validateScenario(broken((s) => delete s.demand.kind))).toEqual([
      { path: "demand.kind", message: "is required (one of points, scores)" },
    ]);
    expectIssue(
      validateScenario(broken((s) => (s.travel = { provider: "google" }))),
      "travel.provider",
      /^must be one of estimate, road-graph, osrm \(got "google"\)$/,
    );
    expectIssue(validateScenario(broken((s) => (s.demand = 3))), "demand", /^must be an object \(got 3\)$/);
  });

  it("reports only the travel provider the document names", () => {
    expect(validateScenario(broken((s) => (s.travel = { provider: "osrm" })))).toEqual([
      { path: "travel.url", message: "is required" },
    ]);
  });

  it("quotes keys that are not identifiers", () => {
    expectIssue(
      validateScenario(broken((s) => (s.buses[1].shifts["a b"] = { start: "6:00", end: "13:00" }))),
      'buses[1].shifts["a b"].start',
      /must be a time of day/,
    );
  });

  it("uses (root) for the document itself", () => {
    for (const value of [null, 42, "scenario", [], true, undefined]) {
      expect(validateScenario(value)).toEqual([
        { path: "(root)", message: expect.stringMatching(/^must be an object/) as unknown as string },
      ]);
    }
  });
});

describe("schemaIssues on other schemas", () => {
  it("describes a union of types in words", () => {
    const schema = Type.Object({ after: Type.Union([Type.String(), Type.Null()]) });
    expect(schemaIssues(schema, { after: 3 })).toEqual([
      { path: "after", message: "must be a string or null (got 3)" },
    ]);
  });

  it("treats a numeric key of an object as a property, not an index", () => {
    const schema = Type.Record(Type.String(), Type.Number());
    expect(schemaIssues(schema, { 0: "x" })).toEqual([{ path: '["0"]', message: 'must be a number (got "x")' }]);
  });

  it("issue 17: quotes values nested thousands of levels deep without overflowing the stack", () => {
    const arrays = JSON.parse(`${"[".repeat(20_000)}1${"]".repeat(20_000)}`);
    const objects = JSON.parse(`${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`);
    expect(schemaIssues(Type.Number(), arrays)).toEqual([
      { path: "(root)", message: `must be a number (got ${"[".repeat(39)}…)` },
    ]);
    const [issue] = schemaIssues(Type.String(), objects);
    expect(issue!.message).toMatch(/^must be a string \(got \{"a":\{"a":.*…\)$/);
  });

  it("shortens long offending values", () => {
    const [issue] = schemaIssues(Type.Number(), "x".repeat(100));
    expect(issue!.message.length).toBeLessThan(80);
    expect(issue!.message).toMatch(/…\)$/);
  });
});
