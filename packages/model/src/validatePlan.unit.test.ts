import { describe, expect, it, test } from "vitest";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { PlanError, parsePlan, validatePlan } from "./index.js";
import { expectIssue } from "../test/expectIssues.js";
import type { BreakableJson } from "../test/validSmall.js";

const TEXT = readFileSync(new URL("../test/fixtures/valid-plan.json", import.meta.url), "utf8");

function plan(change: (p: BreakableJson) => void = () => {}): unknown {
  const p = JSON.parse(TEXT);
  change(p);
  return p;
}

describe("validatePlan", () => {
  it("accepts a well-formed plan", () => {
    expect(validatePlan(plan())).toEqual([]);
    expect(parsePlan(plan())).toMatchObject({ format: "carebus-plan" });
  });

  it("reports schema problems with their paths", () => {
    expectIssue(
      validatePlan(plan((p) => (p.routes[0].visits[0].km = "far"))),
      "routes[0].visits[0].km",
      /must be a number/,
    );
    expectIssue(
      validatePlan(plan((p) => (p.unvisited[0].reason = "tired"))),
      "unvisited[0].reason",
      /must be one of no-compatible-bus, .*fleet-time/,
    );
    expectIssue(validatePlan(plan((p) => delete p.stats)), "stats", /is required/);
    expectIssue(
      validatePlan(
        plan(
          (p) =>
            (p.routes[0].lunch = {
              start: "2026-11-23T12:00:00-05:00",
              end: "2026-11-23T12:30:00-05:00",
              afterStopId: 3,
            }),
        ),
      ),
      "routes[0].lunch.afterStopId",
      /must be a string or null/,
    );
  });

  it("wants a sha256 scenario hash", () => {
    expectIssue(validatePlan(plan((p) => (p.scenario.hash = "abc"))), "scenario.hash", /sha256/);
  });

  it("wants a known time zone and real dates", () => {
    expectIssue(validatePlan(plan((p) => (p.timeZone = "Moon/Base"))), "timeZone", /unknown IANA time zone/);
    expectIssue(validatePlan(plan((p) => (p.dates[2] = "2026-11-31"))), "dates[2]", /not a real calendar date/);
  });

  it("wants each route on one of the plan's dates, once per bus and date", () => {
    expectIssue(
      validatePlan(plan((p) => (p.routes[0].date = "2026-11-26"))),
      "routes[0].date",
      /not one of the plan's dates/,
    );
    expectIssue(
      validatePlan(plan((p) => p.routes.push(structuredClone(p.routes[0])))),
      "routes[1]",
      /second route of bus "bus-urban" on 2026-11-23 \(first: routes\[0\]\)/,
    );
  });

  it("wants local date-times with offsets, in time order", () => {
    expectIssue(
      validatePlan(plan((p) => (p.routes[0].visits[0].arrival = "2026-11-23 08:25"))),
      "routes[0].visits[0].arrival",
      /local date-time with offset/,
    );
    expectIssue(
      validatePlan(plan((p) => (p.routes[0].visits[0].serviceEnd = "2026-11-23T08:00:00-05:00"))),
      "routes[0].visits[0].serviceEnd",
      /earlier than routes\[0\]\.visits\[0\]\.serviceStart/,
    );
    expectIssue(
      validatePlan(plan((p) => (p.routes[0].return = "2026-11-23T10:00:00-05:00"))),
      "routes[0].return",
      /earlier than/,
    );
  });

  it("does not list a visited stop as unvisited, nor a stop twice", () => {
    expectIssue(
      validatePlan(plan((p) => (p.unvisited[0].stopId = "bosa-centro"))),
      "unvisited[0].stopId",
      /visited by a route, yet listed as unvisited/,
    );
    expectIssue(
      validatePlan(plan((p) => p.unvisited.push({ ...p.unvisited[0] }))),
      "unvisited[1].stopId",
      /listed twice/,
    );
  });

  it("throws PlanError with every issue from parsePlan", () => {
    try {
      parsePlan(
        plan((p) => {
          p.timeZone = 5;
          p.routes[0].date = "x";
        }),
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).code).toBe("CAREBUS_PLAN_INVALID");
      expect((error as PlanError).issues.map((i) => i.path)).toEqual(["timeZone", "routes[0].date"]);
    }
  });

  test("never throws on arbitrary JSON", () =>
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(validatePlan(value).length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 200 },
    ));
});
