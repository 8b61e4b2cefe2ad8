/**
 * Issue 14: the Los Lagos scenario, built from planner-style files through `carebus import`.
 * Expected figures are recomputed here from the facts (Census 2024 women, the region's share
 * of women aged 15+, 13.0 % carers), not read back from the builder.
 */
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildStopCalendar } from "@carebus/calendar";
import { areaOf, createTravelProvider } from "@carebus/geo";
import { formatJson, importScenario } from "@carebus/import";
import {
  type Plan,
  type Scenario,
  summarizeScenario,
  utcOffsetMinutes,
  validatePlan,
  validateScenario,
} from "@carebus/model";
import { checkSolution, solve } from "@carebus/solver";
import { prepareScenario, solvePrepared } from "@carebus/planner";
import { LOS_LAGOS_INPUTS, losLagosInputFiles } from "../scripts/buildLosLagos.js";
import { COMMUNES, INNER_ISLAND_COMMUNES } from "../scripts/losLagosFacts.js";

const DIR = new URL("../los-lagos/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, DIR), "utf8");
const committedText = read("scenario.json");
const scenario = JSON.parse(committedText) as Scenario;
const ferries = (scenario.travel?.provider === "estimate" ? scenario.travel.ferries : undefined) ?? [];
const chacao = ferries.find((f) => f.name.includes("Chacao"))!;

describe("data/los-lagos", () => {
  it("ships exactly the input files the builder writes", () => {
    for (const [path, text] of Object.entries(losLagosInputFiles())) expect(read(path), path).toBe(text);
  });

  it("has the scenario that importing those files gives, byte for byte", () => {
    const file = (path: string) => ({ name: `data/los-lagos/${path}`, text: read(path) });
    const imported = importScenario({
      stops: file(LOS_LAGOS_INPUTS.stops),
      demand: file(LOS_LAGOS_INPUTS.demand),
      depots: file(LOS_LAGOS_INPUTS.depots),
      buses: file(LOS_LAGOS_INPUTS.buses),
      settings: file(LOS_LAGOS_INPUTS.settings),
    });
    expect(formatJson(imported)).toBe(committedText);
  });

  it("validates, in Chilean time, calendar and locale, over a horizon that crosses the April clock change", () => {
    expect(validateScenario(scenario)).toEqual([]);
    expect(scenario.locale).toBe("es-CL");
    expect(scenario.horizon).toMatchObject({ timeZone: "America/Santiago", holidays: "CL-LL" });
    const summary = summarizeScenario(scenario);
    expect(summary.holidaysSkipped.map((h) => h.date)).toEqual(["2026-04-03", "2026-04-04"]);
    const offset = (date: string) => utcOffsetMinutes("America/Santiago", Date.parse(`${date}T16:00:00Z`));
    expect(offset(summary.firstDate)).toBe(-180);
    expect(offset(summary.lastDate)).toBe(-240);
  });

  it("covers the four provinces with urban and rural stops, and no stop on the inner-ferry islands", () => {
    const provinceOf = new Map(COMMUNES.map((c) => [c.name, c.province]));
    expect(new Set(scenario.stops.map((s) => provinceOf.get(s.locality)))).toEqual(
      new Set(["Llanquihue", "Chiloé", "Osorno", "Palena"]),
    );
    expect(scenario.stops.some((s) => s.zone === "urban")).toBe(true);
    expect(scenario.stops.some((s) => s.zone === "rural")).toBe(true);
    expect(scenario.stops.filter((s) => INNER_ISLAND_COMMUNES.has(s.locality))).toEqual([]);
  });

  it("apportions every commune's caregivers from the census: women × 375,741/453,015 × 13 %", () => {
    const summary = summarizeScenario(scenario);
    for (const commune of COMMUNES) {
      const expected = Math.round(commune.women2024 * (375741 / 453015) * 0.13);
      expect(summary.caregiversByLocality[commune.name], commune.name).toBe(expected);
    }
    expect(summary.caregivers).toBeGreaterThan(48000);
    expect(summary.caregivers).toBeLessThan(50000); // ≈ 49,000 in the facts (B)
  });
});

describe("planning Los Lagos", () => {
  let plan: Plan;
  const placeOf = (id: string) => scenario.stops.find((s) => s.id === id) ?? scenario.depots.find((d) => d.id === id)!;

  beforeAll(async () => {
    const prepared = await prepareScenario(scenario);
    const search = solve(prepared.instance, { seed: 1, iterationLimit: 300 });
    expect(checkSolution(prepared.instance, search.routes).violations).toEqual([]);
    plan = await solvePrepared(scenario, prepared, { iterationLimit: 300, seed: 1, timeLimitSeconds: 30 });
  });

  it("gives a plan that passes the independent checker and validates", () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.routes.length).toBeGreaterThan(0);
  });

  it("reports caregivers reached by priority band, adding up to the totals", () => {
    const bands = plan.totals.byPriority!;
    expect(bands.map((b) => b.band)).toEqual(["high", "medium", "low"]);
    const sum = (key: "caregivers" | "total") => bands.reduce((s, b) => s + b[key], 0);
    expect(sum("total")).toBeCloseTo(summarizeScenario(scenario).caregivers, 6);
    expect(sum("caregivers")).toBeCloseTo(plan.totals.caregiversReached, 6);
    for (const b of bands) expect(b.caregivers).toBeLessThanOrEqual(b.total);
  });

  it("keeps visits at 10:00 local on both sides of the clock change", () => {
    const starts = plan.routes.flatMap((r) => r.visits.map((v) => ({ date: r.date, start: v.serviceStart })));
    for (const { date, start } of starts) {
      expect(start.slice(19), start).toBe(date < "2026-04-05" ? "-03:00" : "-04:00");
      expect(start.slice(11, 16) >= "10:00" && start.slice(11, 16) <= "16:00", start).toBe(true);
    }
    expect(starts.some((s) => s.date < "2026-04-05")).toBe(true);
    expect(starts.some((s) => s.date > "2026-04-05")).toBe(true);
  });

  it("never has a leg cross the Chacao channel without the ferry's crossing and wait", () => {
    const crossing = chacao.crossingMinutes + (chacao.waitMinutes ?? 0);
    const side = (id: string) => areaOf(placeOf(id), [chacao]);
    for (const route of plan.routes) {
      const stops = [route.depotId, ...route.visits.map((v) => v.stopId), route.depotId];
      const minutes = [...route.visits.map((v) => v.travelMinutes), route.returnTravelMinutes];
      minutes.forEach((m, k) => {
        if (side(stops[k]!) !== side(stops[k + 1]!))
          expect(m, `${stops[k]} → ${stops[k + 1]}`).toBeGreaterThanOrEqual(crossing);
      });
    }
  });

  it("prices every journey between the mainland and Chiloé with the ferry, whichever bus might drive it", async () => {
    const places = [...scenario.stops, ...scenario.depots];
    const matrix = await createTravelProvider(scenario.travel).matrix(places);
    const crossing = chacao.crossingMinutes + (chacao.waitMinutes ?? 0);
    let pairs = 0;
    for (const [i, a] of places.entries()) {
      for (const [j, b] of places.entries()) {
        if (areaOf(a, [chacao]) === areaOf(b, [chacao])) continue;
        pairs++;
        expect(matrix.minutes[i * places.length + j]).toBeGreaterThanOrEqual(crossing);
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it("serves Chiloé's stops only with buses based on the island", () => {
    const chiloe = new Set(scenario.stops.filter((s) => areaOf(s, [chacao]) === 0).map((s) => s.id));
    const islandDepots = new Set(scenario.depots.filter((d) => areaOf(d, [chacao]) === 0).map((d) => d.id));
    const visits = plan.routes.filter((r) => r.visits.some((v) => chiloe.has(v.stopId)));
    expect(visits.length).toBeGreaterThan(0);
    for (const route of visits) expect(islandDepots.has(route.depotId)).toBe(true);
  });

  it("publishes a stop feed with Chile's offsets on both sides of the change and no visit on Chilean holidays", () => {
    const stopId = plan.routes.find((r) => r.date > "2026-04-05")!.visits[0]!.stopId;
    const text = buildStopCalendar(
      { scenario, publications: [{ id: "p1", publishedAt: "2026-03-27T12:00:00.000Z", plan }] },
      stopId,
    );
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const date = event.startDate.toString().slice(0, 10);
      expect(["2026-04-03", "2026-04-04", "2026-04-05"]).not.toContain(date);
      const utc = event.startDate.toJSDate();
      const offset =
        (event.startDate.hour * 60 + event.startDate.minute - (utc.getUTCHours() * 60 + utc.getUTCMinutes()) + 1440) %
        1440;
      expect(offset - 1440, date).toBe(date < "2026-04-05" ? -180 : -240);
    }
  });
});
