/**
 * issue 12 on the real Bogotá scenario, through the real app: a plan solved by the server
 * (iteration limit and seed, so the same plan every run) and published has every service
 * start and end on the scenario's 15-minute grid; a caregiver finds a stop by the UPZ she lives
 * in; and its feed names the services in Spanish, or in English with ?lang=en.
 */
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_LABELS, type Plan, type Scenario } from "@carebus/model";
import { UPZ_REFERENCE_POINTS } from "../../../data/scripts/upzReferencePoints.js";
import { AUTH, createTestApp, type TestApp } from "./helpers.js";

const bogota = JSON.parse(
  readFileSync(new URL("../../../data/bogota/scenario.json", import.meta.url), "utf8"),
) as Scenario;

let t: TestApp;
let plan: Plan;

beforeAll(async () => {
  t = await createTestApp();
  expect(
    (await t.app.inject({ method: "POST", url: "/api/v1/scenarios", headers: AUTH, payload: bogota })).statusCode,
  ).toBe(201);
  const job = await t.app.inject({
    method: "POST",
    url: "/api/v1/plans",
    headers: AUTH,
    payload: { scenarioId: bogota.id, options: { iterationLimit: 30, seed: 1 } },
  });
  const id = job.json().id as string;
  for (let i = 0; i < 3000; i++) {
    const body = (await t.app.inject(`/api/v1/plans/${id}`)).json();
    if (body.status !== "queued" && body.status !== "running") {
      expect(body.status, body.error).toBe("done");
      plan = body.plan;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(plan, "the Bogotá plan finished").toBeDefined();
  expect((await t.app.inject({ method: "POST", url: `/api/v1/plans/${id}/publish`, headers: AUTH })).statusCode).toBe(
    201,
  );
});
afterAll(async () => t.close());

const minuteOf = (localDateTime: string) =>
  Number(localDateTime.slice(11, 13)) * 60 + Number(localDateTime.slice(14, 16));

describe("the published Bogotá plan", () => {
  it("starts and ends every service on the quarter hour", () => {
    const visits = plan.routes.flatMap((r) => r.visits);
    expect(visits.length).toBeGreaterThan(20);
    for (const v of visits) {
      expect(minuteOf(v.serviceStart) % 15, `${v.stopId} starts ${v.serviceStart}`).toBe(0);
      expect(minuteOf(v.serviceEnd) % 15, `${v.stopId} ends ${v.serviceEnd}`).toBe(0);
      expect(v.serviceStart.slice(17, 19)).toBe("00");
    }
  });

  it("lets a caregiver find a visited stop by the UPZ it lies in", async () => {
    const upz = new Set(UPZ_REFERENCE_POINTS.map((u) => u.name));
    const visited = new Set(plan.routes.flatMap((r) => r.visits.map((v) => v.stopId)));
    const stop = bogota.stops.find((s) => visited.has(s.id) && s.neighbourhood && upz.has(s.neighbourhood))!;
    expect(stop).toBeDefined();
    const found = (await t.app.inject(`/api/v1/stops?q=${encodeURIComponent(stop.neighbourhood!)}&limit=200`)).json();
    expect(found.locale).toBe("es-CO");
    expect(found.stops.map((s: { stopId: string }) => s.stopId)).toContain(stop.id);
    for (const s of found.stops) expect(s.neighbourhood).toBe(stop.neighbourhood);
  });

  it("names the services of a stop's feed in Spanish, and in English with ?lang=en", async () => {
    const stopId = plan.routes.find((r) => r.visits.length > 0)!.visits[0]!.stopId;
    const stop = bogota.stops.find((s) => s.id === stopId)!;
    const parse = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const es = parse((await t.app.inject(`/calendars/stops/${stopId}.ics`)).body);
    const en = parse((await t.app.inject(`/calendars/stops/${stopId}.ics?lang=en`)).body);
    expect(es.length).toBeGreaterThan(0);
    for (const code of stop.services ?? []) {
      expect(es[0]!.description).toContain(SERVICE_LABELS[code]!.es);
      expect(en[0]!.description).toContain(SERVICE_LABELS[code]!.en);
      expect(es[0]!.description).not.toContain(code);
    }
    expect(es[0]!.summary).toMatch(/^Bus del Cuidado – /);
    expect(en[0]!.summary).toMatch(/^Care bus – /);
  });
});
