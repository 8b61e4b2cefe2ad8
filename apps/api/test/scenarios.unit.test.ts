/**
 * Scenario routes against the real app (inject): storing, idempotent re-posting, conflicts,
 * the validator's issues on bad input, the token, body limits, and a property test throwing
 * malformed bodies at the write route: always a 4xx with a useful message, never a 5xx, and
 * the store unchanged.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, createTestApp, tinyScenario, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 64 * 1024 });
});
afterAll(async () => t.close());

const post = (payload: unknown, headers: Record<string, string> = AUTH) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/scenarios",
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(payload),
  });

describe("POST /api/v1/scenarios", () => {
  it("stores a valid scenario (201) and answers 200 for the same content again", async () => {
    const first = await post(tinyScenario);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id: "api-tiny" });
    const again = await post({ ...tinyScenario, stops: [...tinyScenario.stops] });
    expect(again.statusCode).toBe(200);
  });

  it("refuses different content under a stored id with 409", async () => {
    const res = await post({ ...tinyScenario, name: "changed" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("CAREBUS_ERR_SCENARIO_EXISTS");
  });

  it("answers 400 with the validator's path: message issues", async () => {
    const broken = structuredClone(tinyScenario) as unknown as { stops: Array<Record<string, unknown>> };
    broken.stops[1]!.lat = 123;
    delete broken.stops[2]!.timeWindows;
    const res = await post({ ...broken, id: "broken" });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("CAREBUS_SCENARIO_INVALID");
    const paths = body.issues.map((i: { path: string }) => i.path);
    expect(paths.some((p: string) => p.startsWith("stops[1].lat"))).toBe(true);
    expect(paths.some((p: string) => p.startsWith("stops[2]"))).toBe(true);
    expect(body.issues.every((i: { message: string }) => i.message.length > 0)).toBe(true);
  });

  it("rejects a road-network file outside the server's folder", async () => {
    const res = await post({
      ...tinyScenario,
      id: "escape",
      travel: { provider: "road-graph", file: "../../etc/passwd" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe("travel.file");
  });

  it("needs the bearer token (401 without or with a wrong one), before reading the body", async () => {
    expect((await post(tinyScenario, {})).statusCode).toBe(401);
    expect((await post(tinyScenario, { authorization: "Bearer wrong-token-wrong-token" })).statusCode).toBe(401);
    expect((await post(tinyScenario, { authorization: "Basic dGVzdA==" })).statusCode).toBe(401);
    const res = await post(tinyScenario, {});
    expect(res.json()).toMatchObject({ statusCode: 401, code: "CAREBUS_ERR_UNAUTHORIZED", error: "Unauthorized" });
  });

  it("answers 413 to an oversized body and 400 to broken JSON", async () => {
    const huge = await post({ ...tinyScenario, description: "x".repeat(100 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe("CAREBUS_ERR_BODY_TOO_LARGE");
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/v1/scenarios",
      headers: { ...AUTH, "content-type": "application/json" },
      payload: '{"format": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("answers every malformed body with a 4xx naming the problem, never a 5xx, and leaves the store unchanged", async () => {
    const before = await t.store.listScenarios();
    const accepted = new Set<string>();
    const mutation = fc.oneof(
      fc.anything(),
      fc
        .record({
          key: fc.constantFrom("format", "version", "id", "horizon", "depots", "buses", "stops", "demand", "travel"),
          value: fc.anything(),
        })
        .map(({ key, value }) => ({ ...tinyScenario, id: "mutant", [key]: value })),
      fc
        .record({
          index: fc.nat(2),
          key: fc.constantFrom("lat", "lon", "zone", "timeWindows", "dwellMinutes", "busKinds", "id"),
          value: fc.anything(),
        })
        .map(({ index, key, value }) => {
          const copy = structuredClone(tinyScenario) as unknown as {
            id: string;
            stops: Array<Record<string, unknown>>;
          };
          copy.id = "mutant";
          copy.stops[index]![key] = value;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (body) => {
        const res = await post(body);
        if (res.statusCode === 201) {
          // a mutation that happens to be a valid scenario is stored; nothing else may be
          accepted.add(res.json().id);
          return;
        }
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const json = res.json();
        expect(json.message.length).toBeGreaterThan(0);
        expect(res.body).not.toMatch(/\n\s+at /);
      }),
      { seed: 42, numRuns: 150 },
    );
    const after = await t.store.listScenarios();
    expect(after.filter((s) => !accepted.has(s.id))).toEqual(before);
    expect(after.length).toBe(before.length + accepted.size);
  });
});

describe("GET scenarios", () => {
  it("lists stored scenarios with their published plan id", async () => {
    const res = await t.app.inject("/api/v1/scenarios");
    expect(res.statusCode).toBe(200);
    expect(res.json().scenarios).toContainEqual(
      expect.objectContaining({ id: "api-tiny", name: tinyScenario.name, publishedPlanId: null }),
    );
  });

  it("reads a scenario back unchanged and 404s an unknown id", async () => {
    const res = await t.app.inject("/api/v1/scenarios/api-tiny");
    expect(res.json()).toEqual(tinyScenario);
    const missing = await t.app.inject("/api/v1/scenarios/nope");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("CAREBUS_ERR_SCENARIO_NOT_FOUND");
  });

  it("404s the published plan before anything is published", async () => {
    const res = await t.app.inject("/api/v1/scenarios/api-tiny/published");
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("CAREBUS_ERR_PUBLICATION_NOT_FOUND");
  });
});
