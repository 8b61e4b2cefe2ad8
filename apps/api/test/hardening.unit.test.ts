/**
 * Issue 17, the audit's findings one by one against the real app (inject): each test
 * reproduces a finding and checks the fix. Deep JSON, over-limit scenarios and OSRM URLs not
 * configured get 400 before anything is stored or solved; every error body has the documented
 * shape and its own code; wrong-token writes are rate limited; security headers are on every
 * response; links never echo the Host header; feeds end with CRLF and their Last-Modified is
 * when their text was rendered. Socket-level findings (slow bodies, malformed HTTP) are in
 * slowClients.integration.test.ts, the fuzzer in fuzz.integration.test.ts, the cache flood in
 * feedCache.unit.test.ts, memory in unknownIds.integration.test.ts.
 */
import { rmSync } from "node:fs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, WEEK, createTestApp, storeTinyWithPlan, tinyScenario, makeWebRoot, type TestApp } from "./helpers.js";

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  code: expect.stringMatching(/^(CAREBUS|FST)_/),
  error: expect.any(String),
  message: expect.any(String),
};

let t: TestApp;
let web: string;
beforeAll(async () => {
  web = makeWebRoot();
  t = await createTestApp({
    webRoot: web,
    config: { maxStops: 3, maxDemandPoints: 4, maxBusDays: 30, osrmUrls: ["http://osrm.internal:5000"] },
  });
  await storeTinyWithPlan(t, WEEK, "plan-1");
  expect((await t.app.inject({ method: "POST", url: "/api/v1/plans/plan-1/publish", headers: AUTH })).statusCode).toBe(
    201,
  );
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const postScenario = (payload: string | object) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/scenarios",
    headers: { ...AUTH, "content-type": "application/json" },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

describe("deep or huge JSON", () => {
  it.each([
    ["arrays", `{"stops":${"[".repeat(4500)}${"]".repeat(4500)}}`],
    ["objects", `{"stops":${'{"a":'.repeat(4500)}1${"}".repeat(4500)}}`],
    ["a 100,000-level array", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
  ])("answers nested %s with 400 CAREBUS_ERR_JSON_TOO_DEEP, never a 500", async (_what, body) => {
    const res = await postScenario(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ...ERROR_SHAPE, code: "CAREBUS_ERR_JSON_TOO_DEEP" });
  });

  it("still parses brackets inside strings as text", async () => {
    const res = await postScenario({ ...tinyScenario, id: "brackets", name: "[".repeat(100) });
    expect(res.statusCode).toBe(201);
  });

  it("keeps Fastify's prototype-poisoning refusal", async () => {
    const res = await postScenario('{"__proto__":{"x":1}}');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject(ERROR_SHAPE);
  });
});

describe("size limits and outbound URLs, checked before anything is stored or solved", () => {
  const fourStops = {
    ...tinyScenario,
    id: "too-many-stops",
    stops: [...tinyScenario.stops, { ...tinyScenario.stops[0]!, id: "s-extra" }],
  };

  it("refuses a scenario over the stop limit with 400 naming the limit", async () => {
    const res = await postScenario(fourStops);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "CAREBUS_ERR_SCENARIO_TOO_LARGE",
      issues: [{ path: "stops", message: expect.stringContaining("CAREBUS_MAX_STOPS") }],
    });
    expect((await t.store.listScenarios()).map((s) => s.id)).not.toContain("too-many-stops");
  });

  it("refuses a plan of a stored scenario over a lowered limit before queuing a job", async () => {
    const small = await createTestApp({ config: { maxBusDays: 1 } });
    try {
      await storeTinyWithPlan(small, WEEK, "p").catch(() => undefined);
      await small.store.insertScenario({
        id: "stored-before",
        name: "stored before the limit was lowered",
        hash: "h",
        scenario: { ...tinyScenario, id: "stored-before" },
        baseDir: null,
        createdAt: new Date().toISOString(),
      });
      const res = await small.app.inject({
        method: "POST",
        url: "/api/v1/plans",
        headers: AUTH,
        payload: { scenarioId: "stored-before", options: { iterationLimit: 1 } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: "CAREBUS_ERR_SCENARIO_TOO_LARGE",
        issues: [{ path: "buses", message: expect.stringContaining("CAREBUS_MAX_BUS_DAYS") }],
      });
    } finally {
      await small.close();
    }
  });

  it.each([
    ["a loopback service", "http://127.0.0.1:9"],
    ["the cloud metadata address", "http://169.254.169.254/latest"],
    ["a look-alike of the configured server", "http://osrm.internal:5000.evil.example"],
  ])("refuses an OSRM URL pointing at %s with 400 naming travel.url", async (_what, url) => {
    const res = await postScenario({ ...tinyScenario, id: "osrm-elsewhere", travel: { provider: "osrm", url } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "CAREBUS_ERR_TRAVEL_URL_NOT_ALLOWED",
      issues: [{ path: "travel.url" }],
    });
  });

  it("accepts the configured OSRM server, spelled with a trailing slash or capitals", async () => {
    const res = await postScenario({
      ...tinyScenario,
      id: "osrm-configured",
      travel: { provider: "osrm", url: "HTTP://osrm.internal:5000/" },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe("error bodies", () => {
  it("answers an unknown ?scenarioId= as an unknown scenario, not a missing publication", async () => {
    for (const url of [
      "/calendars/stops/s-usme.ics?scenarioId=nope",
      "/api/v1/stops?q=usme&scenarioId=nope",
      "/api/v1/stops/s-usme?scenarioId=nope",
      "/api/v1/scenarios/nope/published",
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ ...ERROR_SHAPE, code: "CAREBUS_ERR_SCENARIO_NOT_FOUND" });
    }
  });

  it("answers a directory under /assets/ with the route-not-found body, not a bare 403", async () => {
    for (const url of ["/assets/", "/assets/nothing/"]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ ...ERROR_SHAPE, code: "CAREBUS_ERR_ROUTE_NOT_FOUND" });
    }
    // an encoded way out of the folder serves nothing from outside it
    const outside = await t.app.inject("/assets/%2e%2e/index.html");
    expect(outside.body).not.toContain("planner");
  });

  it("counts wrong-token writes against the rate limit and answers 429 with its own code", async () => {
    const limited = await createTestApp({ config: { writeRateLimitPerMinute: 3 } });
    try {
      const wrong = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/v1/plans",
          headers: { authorization: "Bearer wrong-token-guess-0000" },
          payload: { scenarioId: "x" },
        });
      for (let i = 0; i < 3; i++) expect((await wrong()).statusCode).toBe(401);
      const res = await wrong();
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ ...ERROR_SHAPE, code: "CAREBUS_ERR_RATE_LIMITED" });
      expect(res.headers["retry-after"]).toBeDefined();
      // the right token from the same client waits too: guesses and writes share one budget
      const right = await limited.app.inject({
        method: "POST",
        url: "/api/v1/plans",
        headers: AUTH,
        payload: { scenarioId: "x" },
      });
      expect(right.statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("closes the connection after a 401 instead of reading the rest of the body", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/scenarios", payload: tinyScenario });
    expect(res.statusCode).toBe(401);
    expect(res.headers.connection).toBe("close");
  });
});

describe("headers and links", () => {
  it("sends security headers on pages, API answers, feeds and errors", async () => {
    for (const url of ["/", "/health", "/calendars/stops/s-usme.ics", "/api/v1/nothing", "/docs/"]) {
      const res = await t.app.inject(url);
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers["x-request-id"], url).toBeDefined();
    }
  });

  it("never copies a Host header into links or feeds", async () => {
    const host = "evil.example";
    const stop = await t.app.inject({ url: "/api/v1/stops/s-usme", headers: { host } });
    expect(stop.body).not.toContain(host);
    expect(stop.json().feeds.ics).toBe("http://localhost/calendars/stops/s-usme.ics");
    const feed = await t.app.inject({ url: "/calendars/stops/s-usme.ics", headers: { host } });
    expect(feed.body).not.toContain(host);
    expect(feed.body).toContain("URL:http://localhost/calendars/stops/s-usme.ics");
  });

  it("builds links from CAREBUS_PUBLIC_URL when it is set", async () => {
    const app = await createTestApp({ config: { publicUrl: "https://buses.example.org" } });
    try {
      await storeTinyWithPlan(app, WEEK, "p");
      await app.app.inject({ method: "POST", url: "/api/v1/plans/p/publish", headers: AUTH });
      const stop = await app.app.inject({ url: "/api/v1/stops/s-usme", headers: { host: "other.example" } });
      expect(stop.json().feeds).toEqual({
        ics: "https://buses.example.org/calendars/stops/s-usme.ics",
        webcal: "webcal://buses.example.org/calendars/stops/s-usme.ics",
      });
    } finally {
      await app.close();
    }
  });

  it("trusts X-Forwarded-* only from a configured proxy", async () => {
    const proxied = await createTestApp({ config: { trustProxy: true, allowedHosts: ["buses.example.org"] } });
    try {
      await storeTinyWithPlan(proxied, WEEK, "p");
      await proxied.app.inject({ method: "POST", url: "/api/v1/plans/p/publish", headers: AUTH });
      const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "buses.example.org" };
      const res = await proxied.app.inject({ url: "/api/v1/stops/s-usme", headers: forwarded });
      expect(res.json().feeds.ics).toBe("https://buses.example.org/calendars/stops/s-usme.ics");
      // the same headers to a server that trusts no proxy change nothing
      const direct = await t.app.inject({ url: "/api/v1/stops/s-usme", headers: forwarded });
      expect(direct.json().feeds.ics).toBe("http://localhost/calendars/stops/s-usme.ics");
    } finally {
      await proxied.close();
    }
  });
});

describe("feeds", () => {
  it("end every line, the last one included, with CRLF (rendered so by @carebus/calendar), and ical.js reads them", async () => {
    for (const url of ["/calendars/stops/s-usme.ics", "/calendars/buses/b1.ics", "/calendars/localities/usme.ics"]) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(res.body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent").length).toBeGreaterThan(0);
    }
  });

  it("date Last-Modified to the rendering of the text, not to the publication", async () => {
    const before = Date.now();
    const fresh = await createTestApp();
    try {
      await storeTinyWithPlan(fresh, WEEK, "p");
      await fresh.app.inject({ method: "POST", url: "/api/v1/plans/p/publish", headers: AUTH });
      const publishedAt = Date.parse(
        (await fresh.app.inject("/api/v1/scenarios/api-tiny/published")).json().publishedAt,
      );
      const res = await fresh.app.inject("/calendars/stops/s-usme.ics");
      const lastModified = Date.parse(String(res.headers["last-modified"]));
      expect(lastModified).toBeGreaterThanOrEqual(Math.floor(Math.max(before, publishedAt) / 1000) * 1000);
    } finally {
      await fresh.close();
    }
  });
});
