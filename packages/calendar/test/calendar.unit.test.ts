/**
 * Feeds are read back with ical.js, a real iCalendar parser, so these tests check what a
 * calendar app would see: dates in Bogotá time, holidays skipped, stable UIDs with rising
 * SEQUENCE on a moved visit, and cancellations that expire after one cycle.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildBusCalendar,
  buildFeedEvents,
  buildLocalityCalendar,
  buildStopCalendar,
  expandVisits,
} from "../src/index.js";
import { plan, publication, route, scenario } from "./fixtures.js";

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: string;
  end: string;
  startUtc: string;
  geo: unknown;
  description: string;
  location: string;
}

function parseFeed(text: string): { events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue("status") as string | null,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      startUtc: event.startDate.toJSDate().toISOString(),
      geo: component.getFirstPropertyValue("geo"),
      description: event.description,
      location: event.location,
    };
  });
  return { events, calendar };
}

const monday = route("2026-07-06", [
  ["s1", "08:30", 60],
  ["s2", "10:00", 90],
]);
const wednesday = route("2026-07-08", [["s2", "09:00", 90]]);
const first = publication("p1", "2026-07-01T12:00:00.000Z", [monday, wednesday]);

describe("expandVisits", () => {
  it("repeats the weekly pattern over the cycle and skips the holiday Monday 2026-07-13", () => {
    const dates = expandVisits(plan([monday, wednesday]), scenario.horizon).map((v) => `${v.date} ${v.stopId}`);
    expect(dates).toEqual(["2026-07-06 s1", "2026-07-06 s2", "2026-07-08 s2", "2026-07-15 s2"]);
  });
});

describe("stop feed", () => {
  it("round-trips through ical.js with Bogotá times, GEO, services and a VTIMEZONE", () => {
    const text = buildStopCalendar({ scenario, publications: [first] }, "s1");
    const { events, calendar } = parseFeed(text);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/Bogota");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.start).toBe("2026-07-06T08:30:00");
    expect(event!.startUtc).toBe("2026-07-06T13:30:00.000Z");
    expect(event!.end).toBe("2026-07-06T09:30:00");
    expect(event!.geo).toEqual([4.47, -74.12]);
    expect(event!.description).toContain(
      "Servicios: Respiro para personas cuidadoras, Orientación jurídica y psicosocial",
    );
    expect(event!.description).toContain("Usme");
    expect(event!.summary).toBe("Bus del Cuidado – Parque Usme · Respiro para personas cuidadoras + 1");
    expect(event!.location).toBe("Parque Usme, Salón comunal del parque, Centro, Usme");
    expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT6H/);
    expect(text).toMatch(/X-PUBLISHED-TTL:PT6H/);
    expect(text).toMatch(/DTSTAMP:20260701T120000Z/);
  });

  it("issue 12: names services and places in English with lang en, never by their codes", () => {
    const text = buildStopCalendar({ scenario, publications: [first] }, "s1", { lang: "en" });
    const [event] = parseFeed(text).events;
    expect(event!.summary).toBe("Care bus – Parque Usme · Respite for caregivers + 1");
    expect(event!.description).toContain("Services: Respite for caregivers, Legal and psychosocial advice");
    expect(event!.description).toContain("Where: Salón comunal del parque");
    expect(text).not.toMatch(/legal-psychological|respite,/);
  });

  it("gives a moved visit the same UID and a higher SEQUENCE", () => {
    const moved = publication("p2", "2026-07-02T12:00:00.000Z", [
      route("2026-07-06", [
        ["s1", "11:00", 60],
        ["s2", "08:00", 90],
      ]),
      wednesday,
    ]);
    const before = parseFeed(buildStopCalendar({ scenario, publications: [first] }, "s1")).events;
    const after = parseFeed(buildStopCalendar({ scenario, publications: [first, moved] }, "s1")).events;
    expect(after).toHaveLength(1);
    expect(after[0]!.uid).toBe(before[0]!.uid);
    expect(after[0]!.sequence).toBe(before[0]!.sequence + 1);
    expect(after[0]!.start).toBe("2026-07-06T11:00:00");
  });

  it("keeps an unchanged visit at the same SEQUENCE across re-publishing", () => {
    const again = publication("p2", "2026-07-02T12:00:00.000Z", [monday, wednesday]);
    const events = parseFeed(buildStopCalendar({ scenario, publications: [first, again] }, "s2")).events;
    expect(events.map((e) => e.sequence)).toEqual([0, 0, 0]);
  });

  it("keeps a removed visit as CANCELLED for one cycle, then drops it", () => {
    const dropped = publication("p2", "2026-07-02T12:00:00.000Z", [
      route("2026-07-06", [["s2", "10:00", 90]]),
      wednesday,
    ]);
    const source = { scenario, publications: [first, dropped] };
    const events = parseFeed(buildStopCalendar(source, "s1", { today: "2026-07-10" })).events;
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe("CANCELLED");
    expect(events[0]!.sequence).toBe(1);
    // the cycle is two weeks: 14 days after the removing publication the event is gone
    expect(parseFeed(buildStopCalendar(source, "s1", { today: "2026-07-16" })).events).toHaveLength(0);
  });

  it("re-confirms a cancelled visit that a later publication brings back, with a new SEQUENCE", () => {
    const dropped = publication("p2", "2026-07-02T12:00:00.000Z", [wednesday]);
    const back = publication("p3", "2026-07-03T12:00:00.000Z", [monday, wednesday]);
    const events = buildFeedEvents({ scenario, publications: [first, dropped, back] }).filter((e) => e.stopId === "s1");
    expect(events.map((e) => [e.status, e.sequence])).toEqual([["confirmed", 2]]);
  });
});

describe("line endings (RFC 5545)", () => {
  it("ends every content line with CRLF, the last one included, in every kind of feed, and ical.js reads each", () => {
    const source = { scenario, publications: [first] };
    for (const text of [
      buildStopCalendar(source, "s1"),
      buildBusCalendar(source, "b1", { lang: "en" }),
      buildLocalityCalendar(source, "usme"),
    ]) {
      expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(parseFeed(text).events.length).toBeGreaterThan(0);
    }
  });
});

describe("bus and locality feeds", () => {
  it("lists every visit of the bus, each UID once", () => {
    const events = parseFeed(buildBusCalendar({ scenario, publications: [first] }, "b1")).events;
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
  });

  it("matches the locality without regard to case or accents", () => {
    const events = parseFeed(buildLocalityCalendar({ scenario, publications: [first] }, "BOSÁ")).events;
    expect(events.map((e) => e.start)).toEqual(["2026-07-06T10:00:00", "2026-07-08T09:00:00", "2026-07-15T09:00:00"]);
  });

  it("renders the same bytes for the same history", () => {
    const source = { scenario, publications: [first] };
    expect(buildLocalityCalendar(source, "Usme")).toBe(buildLocalityCalendar(source, "usme"));
  });
});
