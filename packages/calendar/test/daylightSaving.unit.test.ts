/**
 * Issue 14: Chile (America/Santiago) changes its clocks twice a year. A weekly visit at 09:00
 * must stay at 09:00 local on both sides of each change, in every feed, with a VTIMEZONE that
 * carries both rules, and Chilean holidays must be skipped. The expected UTC instants are
 * worked out by hand from the transitions in los-lagos-facts.md §A4 (UTC−3 in summer, UTC−4 in
 * winter; 2026-04-05 03:00Z, 2026-09-06 04:00Z, 2027-04-04 03:00Z, 2027-09-05 04:00Z).
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { formatLocalDateTime, type Plan, type PlanRoute } from "@carebus/model";
import { buildStopCalendar, type CalendarScenario } from "../src/index.js";
import { plan as emptyPlan, scenario as bogota } from "./fixtures.js";

const ZONE = "America/Santiago";

function santiagoRoute(date: string, startMinute: number, minutes: number): PlanRoute {
  const at = (m: number) => formatLocalDateTime(date, m, ZONE);
  return {
    busId: "b1",
    date,
    depotId: "d",
    departure: at(startMinute - 30),
    return: at(startMinute + minutes + 30),
    visits: [
      {
        stopId: "s1",
        arrival: at(startMinute),
        serviceStart: at(startMinute),
        serviceEnd: at(startMinute + minutes),
        departure: at(startMinute + minutes),
        travelMinutes: 30,
        km: 20,
        value: 1,
      },
    ],
    returnTravelMinutes: 30,
    returnKm: 20,
    travelMinutes: 60,
    km: 40,
    workMinutes: minutes + 60,
  };
}

/** The feed of stop s1 for a plan of Monday and Friday 09:00–12:00 in the week of `monday`, repeated over three weeks. */
function feedAround(monday: string, friday: string): { startsUtc: string[]; ends: string[]; calendar: ICAL.Component } {
  const scenario: CalendarScenario = {
    ...bogota,
    horizon: { startDate: monday, days: 7, cycleWeeks: 3, timeZone: ZONE, holidays: "CL-LL" },
  };
  const plan: Plan = {
    ...emptyPlan([santiagoRoute(monday, 540, 180), santiagoRoute(friday, 540, 180)]),
    timeZone: ZONE,
  };
  const text = buildStopCalendar(
    { scenario, publications: [{ id: "p", publishedAt: `${monday}T12:00:00.000Z`, plan }] },
    "s1",
  );
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return {
    startsUtc: events.map((e) => e.startDate.toJSDate().toISOString()),
    ends: events.map((e) => e.endDate.toString()),
    calendar,
  };
}

describe("feeds across Chile's clock changes (issue 14)", () => {
  it("April 2026: 09:00 is 12:00Z before Sun 5 Apr and 13:00Z after; Viernes Santo and its Saturday are skipped", () => {
    const { startsUtc, ends } = feedAround("2026-03-30", "2026-04-03");
    expect(startsUtc).toEqual([
      "2026-03-30T12:00:00.000Z", // Mon, UTC−3 (Fri 3 Apr is Viernes Santo: no visit)
      "2026-04-06T13:00:00.000Z", // Mon, UTC−4
      "2026-04-10T13:00:00.000Z",
      "2026-04-13T13:00:00.000Z",
      "2026-04-17T13:00:00.000Z",
    ]);
    expect(ends.every((e) => e.endsWith("T12:00:00"))).toBe(true);
  });

  it("September 2026: 13:00Z before Sun 6 Sep, 12:00Z after; Fri 18 Sep (Fiestas Patrias) is skipped", () => {
    const { startsUtc } = feedAround("2026-08-31", "2026-09-04");
    expect(startsUtc).toEqual([
      "2026-08-31T13:00:00.000Z",
      "2026-09-04T13:00:00.000Z",
      "2026-09-07T12:00:00.000Z",
      "2026-09-11T12:00:00.000Z",
      "2026-09-14T12:00:00.000Z",
    ]);
  });

  it("April 2027: the change on Sun 4 Apr, after Viernes Santo (26 Mar) and Sábado Santo", () => {
    const { startsUtc } = feedAround("2027-03-29", "2027-04-02");
    expect(startsUtc).toEqual([
      "2027-03-29T12:00:00.000Z",
      "2027-04-02T12:00:00.000Z",
      "2027-04-05T13:00:00.000Z",
      "2027-04-09T13:00:00.000Z",
      "2027-04-12T13:00:00.000Z",
      "2027-04-16T13:00:00.000Z",
    ]);
  });

  it("September 2027: the change on Sun 5 Sep; Fri 17 Sep (feriado adicional) is skipped", () => {
    const { startsUtc } = feedAround("2027-08-30", "2027-09-03");
    expect(startsUtc).toEqual([
      "2027-08-30T13:00:00.000Z",
      "2027-09-03T13:00:00.000Z",
      "2027-09-06T12:00:00.000Z",
      "2027-09-10T12:00:00.000Z",
      "2027-09-13T12:00:00.000Z",
    ]);
  });

  it("carries a VTIMEZONE for America/Santiago with each change of the feed's years, standard and daylight", () => {
    const { calendar } = feedAround("2026-03-30", "2026-04-03");
    const zone = calendar.getFirstSubcomponent("vtimezone")!;
    expect(zone.getFirstPropertyValue("tzid")).toBe(ZONE);
    const parts = zone
      .getAllSubcomponents()
      .map((c) => `${c.name} ${c.getFirstPropertyValue("dtstart")} ${c.getFirstPropertyValue("tzoffsetto")}`);
    // 2026 and 2027: back to UTC−4 at Sunday 00:00 (UTC−3), forward to UTC−3 at Sunday 00:00 (UTC−4)
    expect(parts).toEqual([
      "daylight 2026-01-01T00:00:00 -03:00", // the offset the years start with
      "standard 2026-04-05T00:00:00 -04:00",
      "daylight 2026-09-06T00:00:00 -03:00",
      "standard 2027-04-04T00:00:00 -04:00",
      "daylight 2027-09-05T00:00:00 -03:00",
    ]);
  });

  it("follows the zone's own rule where a first-Sunday table would not: April 2029 changes on the 8th, not the 1st", () => {
    const { startsUtc } = feedAround("2029-03-26", "2029-03-30");
    expect(startsUtc).toEqual([
      "2029-03-26T12:00:00.000Z", // (Fri 30 March is Viernes Santo: Easter 2029 is 1 April)
      "2029-04-02T12:00:00.000Z", // still UTC−3: the clocks go back on Sunday 8 April
      "2029-04-06T12:00:00.000Z",
      "2029-04-09T13:00:00.000Z",
      "2029-04-13T13:00:00.000Z",
    ]);
  });
});
