/**
 * Publishing, stop search and calendar feeds over the real app, with a hand-made plan stored
 * directly (feed behaviour must not hinge on solver output). Every feed is parsed back with
 * ical.js: the holiday Monday of the second cycle week (2026-07-13) is skipped, a re-publish
 * that moves a visit keeps its UID with a higher SEQUENCE, and a dropped visit is CANCELLED.
 */
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, WEEK, createTestApp, storeTinyWithPlan, tinyRoute, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { allowedHosts: ["buses.example:8080"] } });
  await storeTinyWithPlan(t, WEEK, "plan-1");
});
afterAll(async () => t.close());

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: c.getFirstPropertyValue("status") as string,
      start: e.startDate.toString(),
      utc: e.startDate.toJSDate().toISOString(),
      summary: e.summary,
      description: e.description,
      location: e.location,
    };
  });
}

const publish = (planId: string) =>
  t.app.inject({ method: "POST", url: `/api/v1/plans/${planId}/publish`, headers: AUTH });

describe("before publishing", () => {
  it("404s stop search and feeds", async () => {
    expect((await t.app.inject("/api/v1/stops?q=usme")).json().code).toBe("CAREBUS_ERR_PUBLICATION_NOT_FOUND");
    expect((await t.app.inject("/calendars/stops/s-usme.ics")).statusCode).toBe(404);
  });
});

describe("publish", () => {
  it("needs the token, 404s an unknown plan, then publishes a done plan", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/v1/plans/plan-1/publish" })).statusCode).toBe(401);
    expect((await publish("nope")).statusCode).toBe(404);
    const res = await publish("plan-1");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ planId: "plan-1", scenarioId: "api-tiny" });
    const published = (await t.app.inject("/api/v1/scenarios/api-tiny/published")).json();
    expect(published.planId).toBe("plan-1");
    expect(published.plan.routes).toHaveLength(2);
    const list = (await t.app.inject("/api/v1/scenarios")).json();
    expect(list.scenarios[0].publishedPlanId).toBe("plan-1");
    expect((await t.app.inject("/api/v1/config")).json()).toEqual({
      defaultScenarioId: "api-tiny",
      tileUrl: null,
      tileAttribution: null,
    });
  });

  it("is idempotent: the latest plan published again answers 200 with the same publication", async () => {
    const first = await t.store.latestPublication("api-tiny");
    const again = await publish("plan-1");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      publicationId: first!.id,
      planId: "plan-1",
      scenarioId: "api-tiny",
      publishedAt: first!.publishedAt,
    });
    expect(await t.store.listPublications("api-tiny")).toHaveLength(1);
  });
});

describe("GET /api/v1/stops", () => {
  it("finds the nearest published stops with next visits over the cycle, holidays skipped", async () => {
    const res = await t.app.inject({
      url: "/api/v1/stops?near=4.48,-74.12&limit=2&from=2026-07-01",
      headers: { host: "buses.example:8080" },
    });
    expect(res.statusCode).toBe(200);
    const { stops } = res.json();
    expect(stops.map((s: { stopId: string }) => s.stopId)).toEqual(["s-usme", "s-tunal"]);
    expect(stops[0].distanceKm).toBeLessThan(1);
    // Monday 6 July is served; Monday 13 July (Virgen de Chiquinquirá) is a holiday
    expect(stops[0].nextVisits).toEqual([{ date: "2026-07-06", start: "08:30", end: "10:30", busId: "b1" }]);
    expect(stops[0].services).toEqual(["respite", "legal-psychological"]);
    expect(stops[0].serviceNames).toEqual(["Respiro para personas cuidadoras", "Orientación jurídica y psicosocial"]);
    expect(stops[0].feeds).toEqual({
      ics: "http://buses.example:8080/calendars/stops/s-usme.ics",
      webcal: "webcal://buses.example:8080/calendars/stops/s-usme.ics",
    });
  });

  it("matches text without regard to case or accents in name, neighbourhood and locality", async () => {
    const byLocality = (await t.app.inject("/api/v1/stops?q=BOSA&from=2026-07-01")).json().stops;
    expect(byLocality.map((s: { stopId: string }) => s.stopId)).toEqual(["s-bosa"]);
    expect(byLocality[0].nextVisits.map((v: { date: string }) => v.date)).toEqual(["2026-07-08", "2026-07-15"]);
    const byNeighbourhood = (await t.app.inject("/api/v1/stops?q=porvénir")).json().stops;
    expect(byNeighbourhood.map((s: { stopId: string }) => s.stopId)).toEqual(["s-bosa"]);
    expect((await t.app.inject("/api/v1/stops?q=nowhere")).json().stops).toEqual([]);
  });

  it("issue 12: finds a stop by words spread over its place names, and names its services in English on request", async () => {
    const found = (await t.app.inject("/api/v1/stops?q=bosa%20porvenir&lang=en")).json().stops;
    expect(found.map((s: { stopId: string }) => s.stopId)).toEqual(["s-bosa"]);
    expect(found[0].serviceNames).toEqual(["Respite for caregivers"]);
    expect(found[0].address).toBe("Salón comunal, Calle 54 Sur");
    expect((await t.app.inject("/api/v1/stops?q=bosa%20usme")).json().stops).toEqual([]);
  });

  it("lists only visits from the given date", async () => {
    const stop = (await t.app.inject("/api/v1/stops/s-bosa?from=2026-07-09")).json();
    expect(stop.nextVisits.map((v: { date: string }) => v.date)).toEqual(["2026-07-15"]);
  });

  it("answers 400 for bad queries and 404 for unknown stops and scenarios", async () => {
    for (const url of [
      "/api/v1/stops",
      "/api/v1/stops?near=4.6&q=x",
      "/api/v1/stops?near=abc",
      "/api/v1/stops?near=95,0",
      "/api/v1/stops?q=a&limit=0",
      "/api/v1/stops?q=a&from=2026-02-30",
      "/api/v1/stops?q=a&bogus=1",
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().issues.length, url).toBeGreaterThan(0);
    }
    expect((await t.app.inject("/api/v1/stops/nope")).json().code).toBe("CAREBUS_ERR_STOP_NOT_FOUND");
    expect((await t.app.inject("/api/v1/stops?q=a&scenarioId=nope")).statusCode).toBe(404);
  });
});

describe("calendar feeds", () => {
  it("serves a stop feed that ical.js reads, with Bogotá times and validators", async () => {
    const res = await t.app.inject("/calendars/stops/s-bosa.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers["last-modified"]).toBeTruthy();
    const parsed = events(res.body);
    expect(parsed.map((e) => e.start)).toEqual(["2026-07-08T09:00:00", "2026-07-15T09:00:00"]);
    expect(parsed[0]!.utc).toBe("2026-07-08T14:00:00.000Z");
    expect(res.body).toContain("GEO:4.6285;-74.2025");
  });

  it("issue 12: names services and the landmark in Spanish by default and in English with ?lang=en", async () => {
    const [es] = events((await t.app.inject("/calendars/stops/s-bosa.ics")).body);
    expect(es!.summary).toBe("Bus del Cuidado – Salón Comunal Bosa Porvenir · Respiro para personas cuidadoras");
    expect(es!.description).toContain("Servicios: Respiro para personas cuidadoras");
    expect(es!.location).toBe("Salón Comunal Bosa Porvenir, Salón comunal, Calle 54 Sur, El Porvenir, Bosa");
    const [en] = events((await t.app.inject("/calendars/stops/s-bosa.ics?lang=en")).body);
    expect(en!.summary).toBe("Care bus – Salón Comunal Bosa Porvenir · Respite for caregivers");
    expect(en!.description).toContain("Services: Respite for caregivers");
    expect(en!.description).not.toContain("respite");
  });

  it("answers a conditional request with 304", async () => {
    const first = await t.app.inject("/calendars/stops/s-bosa.ics");
    const etag = first.headers.etag as string;
    const again = await t.app.inject({ url: "/calendars/stops/s-bosa.ics", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const since = await t.app.inject({
      url: "/calendars/stops/s-bosa.ics",
      headers: { "if-modified-since": first.headers["last-modified"] as string },
    });
    expect(since.statusCode).toBe(304);
    const stale = await t.app.inject({ url: "/calendars/stops/s-bosa.ics", headers: { "if-none-match": '"other"' } });
    expect(stale.statusCode).toBe(200);
  });

  it("serves bus and locality feeds and 404s unknown ids", async () => {
    const bus = events((await t.app.inject("/calendars/buses/b1.ics")).body);
    expect(bus.map((e) => e.start)).toEqual([
      "2026-07-06T08:30:00",
      "2026-07-06T13:00:00",
      "2026-07-08T09:00:00",
      "2026-07-15T09:00:00",
    ]);
    const locality = events((await t.app.inject("/calendars/localities/usme.ics?lang=en")).body);
    expect(locality).toHaveLength(1);
    expect((await t.app.inject("/calendars/stops/nope.ics")).statusCode).toBe(404);
    expect((await t.app.inject("/calendars/buses/b9.ics")).statusCode).toBe(404);
    expect((await t.app.inject("/calendars/stops/s-usme.txt")).statusCode).toBe(400);
  });

  it("after a re-publish that moves a visit: same UID, higher SEQUENCE, new ETag; a dropped visit is CANCELLED", async () => {
    const before = await t.app.inject("/calendars/stops/s-usme.ics");
    const [old] = events(before.body);
    const moved = [
      tinyRoute("2026-07-06", [["s-usme", "09:00", 120]]),
      tinyRoute("2026-07-08", [["s-bosa", "09:00", 120]]),
    ];
    await storeTinyWithPlan(t, moved, "plan-2");
    expect((await publish("plan-2")).statusCode).toBe(201);
    const after = await t.app.inject("/calendars/stops/s-usme.ics");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const [now] = events(after.body);
    expect(now!.uid).toBe(old!.uid);
    expect(now!.sequence).toBe(old!.sequence + 1);
    expect(now!.start).toBe("2026-07-06T09:00:00");
    const tunal = events((await t.app.inject("/calendars/stops/s-tunal.ics")).body);
    expect(tunal).toHaveLength(1);
    expect(tunal[0]!.status).toBe("CANCELLED");
    // the cancelled stop no longer offers visits in the stop search
    expect((await t.app.inject("/api/v1/stops?q=tunal")).json().stops).toEqual([]);
  });
});
