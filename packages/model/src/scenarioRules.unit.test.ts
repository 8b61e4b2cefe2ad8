import { describe, expect, it } from "vitest";
import { validateScenario } from "./index.js";
import { type BreakableJson, broken, validSmall } from "../test/validSmall.js";
import { expectIssue } from "../test/expectIssues.js";

type Change = (s: BreakableJson) => void;

/**
 * One semantic rule: a change that keeps the fixture valid (usually right at the boundary of
 * the rule) and one that breaks it, with the exact path and a pattern of the message.
 */
interface RuleCase {
  rule: string;
  ok: Change;
  bad: Change;
  path: string;
  message: RegExp;
}

const pin = (s: BreakableJson, visit: object, stop = 0) => {
  s.stops[stop].pinned = [visit];
};

const CASES: RuleCase[] = [
  // ids and references
  {
    rule: "depot ids are unique",
    ok: (s) => s.depots.push({ ...s.depots[0], id: "depot-2" }),
    bad: (s) => s.depots.push({ ...s.depots[0] }),
    path: "depots[1].id",
    message: /duplicate id "depot-bosa".*depots\[0\]/,
  },
  {
    rule: "bus ids are unique",
    ok: (s) => (s.buses[1].id = "bus-rural-2"),
    bad: (s) => (s.buses[1].id = "bus-urban"),
    path: "buses[1].id",
    message: /duplicate id "bus-urban"/,
  },
  {
    rule: "stop ids are unique",
    ok: (s) => (s.stops[3].id = "other"),
    bad: (s) => (s.stops[3].id = "bosa-centro"),
    path: "stops[3].id",
    message: /duplicate id "bosa-centro"/,
  },
  {
    rule: "demand point ids are unique when given",
    ok: (s) => delete s.demand.points[1].id,
    bad: (s) => (s.demand.points[3].id = "p1"),
    path: "demand.points[3].id",
    message: /duplicate id "p1"/,
  },
  {
    rule: "care block ids are unique",
    ok: (s) => s.demand.careBlocks.push({ ...s.demand.careBlocks[0], id: "cb-2" }),
    bad: (s) => s.demand.careBlocks.push({ ...s.demand.careBlocks[0] }),
    path: "demand.careBlocks[1].id",
    message: /duplicate id "cb-bosa"/,
  },
  {
    rule: "a bus names a known depot",
    ok: (s) => {
      s.depots.push({ ...s.depots[0], id: "depot-2" });
      s.buses[1].depotId = "depot-2";
    },
    bad: (s) => (s.buses[1].depotId = "depot-x"),
    path: "buses[1].depotId",
    message: /unknown depot "depot-x"/,
  },
  {
    rule: "a stop's bus kinds exist in the fleet",
    ok: (s) => (s.stops[0].busKinds = ["urban", "rural"]),
    bad: (s) => (s.stops[0].busKinds = ["urban", "boat"]),
    path: "stops[0].busKinds[1]",
    message: /no bus has kind "boat"/,
  },
  {
    rule: "some bus is of a kind the stop allows",
    ok: (s) => (s.stops[3].busKinds = ["urban"]),
    bad: (s) => (s.stops[3].busKinds = ["boat"]),
    path: "stops[3]",
    message: /no bus can ever serve this stop: no bus is of kind boat/,
  },
  {
    rule: "a stop shares a weekday with one of its buses and the service",
    ok: (s) => (s.stops[1].weekdays = ["wed"]),
    bad: (s) => (s.stops[1].weekdays = ["thu", "sun"]),
    path: "stops[1]",
    message: /no bus can ever serve this stop: no weekday is shared/,
  },
  {
    rule: "a stop is not only open on days without service",
    ok: (s) => (s.stops[3].weekdays = ["sat", "sun"]),
    bad: (s) => (s.stops[3].weekdays = ["sun"]),
    path: "stops[3]",
    message: /no weekday is shared/,
  },

  // pinned visits
  {
    rule: "a pinned visit names a known bus",
    ok: (s) => pin(s, { busId: "bus-urban", date: "2026-11-24", start: "08:00" }),
    bad: (s) => pin(s, { busId: "bus-x", date: "2026-11-24", start: "08:00" }),
    path: "stops[0].pinned[0].busId",
    message: /unknown bus "bus-x"/,
  },
  {
    rule: "a pinned visit's bus is of a kind the stop allows",
    ok: (s) => pin(s, { busId: "bus-rural", date: "2026-11-24", start: "09:00" }, 2),
    bad: (s) => pin(s, { busId: "bus-rural", date: "2026-11-24", start: "08:00" }),
    path: "stops[0].pinned[0].busId",
    message: /bus "bus-rural" is of kind rural.*does not allow/,
  },
  {
    rule: "a pinned date lies inside the horizon",
    ok: (s) => pin(s, { busId: "bus-urban", date: "2026-11-25", start: "08:00" }),
    bad: (s) => pin(s, { busId: "bus-urban", date: "2026-11-26", start: "08:00" }),
    path: "stops[0].pinned[0].date",
    message: /2026-11-26 is outside the horizon \(2026-11-23 … 2026-11-25\)/,
  },
  {
    rule: "a pinned date is a real date",
    ok: (s) => pin(s, { busId: "bus-urban", date: "2026-11-24", start: "08:00" }),
    bad: (s) => pin(s, { busId: "bus-urban", date: "2026-11-31", start: "08:00" }),
    path: "stops[0].pinned[0].date",
    message: /not a real calendar date/,
  },
  {
    rule: "a pinned date is not a public holiday (unless included)",
    ok: (s) => {
      s.horizon.startDate = "2026-12-07";
      s.horizon.includedDates = ["2026-12-08"];
      pin(s, { busId: "bus-urban", date: "2026-12-08", start: "08:00" });
    },
    bad: (s) => {
      s.horizon.startDate = "2026-12-07";
      pin(s, { busId: "bus-urban", date: "2026-12-08", start: "08:00" });
    },
    path: "stops[0].pinned[0].date",
    message: /2026-12-08 is not a service date: it is a public holiday/,
  },
  {
    rule: "a pinned date is not an excluded date",
    ok: (s) => {
      s.horizon.excludedDates = ["2026-11-25"];
      pin(s, { busId: "bus-urban", date: "2026-11-24", start: "08:00" });
    },
    bad: (s) => {
      s.horizon.excludedDates = ["2026-11-24"];
      pin(s, { busId: "bus-urban", date: "2026-11-24", start: "08:00" });
    },
    path: "stops[0].pinned[0].date",
    message: /not a service date: it is an excluded date/,
  },
  {
    rule: "a pinned date falls on a service weekday",
    ok: (s) => {
      s.horizon.days = 7;
      s.buses[0].days = ["mon", "sat"];
      pin(s, { busId: "bus-urban", date: "2026-11-28", start: "08:00" });
    },
    bad: (s) => {
      s.horizon.days = 7;
      pin(s, { busId: "bus-urban", date: "2026-11-29", start: "08:00" });
    },
    path: "stops[0].pinned[0].date",
    message: /not a service date: the service does not run on sun/,
  },
  {
    rule: "a pinned visit is on a day its bus works",
    ok: (s) => (s.buses[0].days = ["mon", "tue"]),
    bad: (s) => (s.buses[0].days = ["tue", "wed"]),
    path: "stops[0].pinned[0].date",
    message: /bus "bus-urban" does not work on mon \(2026-11-23\)/,
  },
  {
    rule: "a pinned visit is on a weekday the stop is served",
    ok: (s) => pin(s, { busId: "bus-urban", date: "2026-11-25", start: "09:00" }, 1),
    bad: (s) => pin(s, { busId: "bus-urban", date: "2026-11-24", start: "09:00" }, 1),
    path: "stops[1].pinned[0].date",
    message: /the stop is not served on tue/,
  },
  {
    rule: "a pinned start leaves the dwell inside a window",
    ok: (s) => (s.stops[0].pinned[0].start = "10:00"),
    bad: (s) => (s.stops[0].pinned[0].start = "11:00"),
    path: "stops[0].pinned[0].start",
    message: /starting 11:00 does not fit the stop's windows \(08:00–12:00, 14:00–17:00\)/,
  },
  {
    rule: "a pinned start lies inside a window",
    ok: (s) => (s.stops[0].pinned[0].start = "14:00"),
    bad: (s) => (s.stops[0].pinned[0].start = "07:30"),
    path: "stops[0].pinned[0].start",
    message: /does not fit the stop's windows/,
  },
  {
    rule: "a pinned visit fits its bus's shift that day",
    ok: (s) => pin(s, { busId: "bus-rural", date: "2026-11-25", start: "10:00" }, 2),
    bad: (s) => pin(s, { busId: "bus-rural", date: "2026-11-25", start: "10:30" }, 2),
    path: "stops[2].pinned[0].start",
    message: /falls outside bus "bus-rural"'s wed shift 06:00–13:00/,
  },
  {
    rule: "no more pinned visits than maxVisits",
    ok: (s) => s.stops[0].pinned.push({ busId: "bus-urban", date: "2026-11-25", start: "08:00" }),
    bad: (s) => {
      s.stops[0].maxVisits = 1;
      s.stops[0].pinned.push({ busId: "bus-urban", date: "2026-11-25", start: "08:00" });
    },
    path: "stops[0].pinned",
    message: /has 2 pinned visits, more than the stop's maxVisits \(1\)/,
  },
  {
    rule: "pinned visits keep minDaysBetween",
    ok: (s) => {
      s.stops[0].minDaysBetween = 2;
      s.stops[0].pinned.push({ busId: "bus-urban", date: "2026-11-25", start: "08:00" });
    },
    bad: (s) => {
      s.stops[0].minDaysBetween = 2;
      s.stops[0].pinned.push({ busId: "bus-urban", date: "2026-11-24", start: "08:00" });
    },
    path: "stops[0].pinned[1].date",
    message: /is 1 day\(s\) after pinned\[0\] \(2026-11-23\), but the stop's minDaysBetween is 2/,
  },

  // time windows, shifts, lunch
  {
    rule: "a window ends after it starts",
    ok: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "10:30" }),
    bad: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "07:00" }),
    path: "stops[1].timeWindows[0]",
    message: /^ends 07:00, before it starts 09:00$/,
  },
  {
    rule: "a window is not empty",
    ok: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "10:30" }),
    bad: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "09:00" }),
    path: "stops[1].timeWindows[0]",
    message: /empty/,
  },
  {
    rule: "a window is at least as long as the dwell",
    ok: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "10:30" }),
    bad: (s) => (s.stops[1].timeWindows[0] = { start: "09:00", end: "10:29" }),
    path: "stops[1].timeWindows[0]",
    message: /lasts 89 minutes.*less than the stop's dwell of 90 minutes/,
  },
  {
    rule: "a stop's windows do not overlap",
    ok: (s) => (s.stops[0].timeWindows[1] = { start: "12:00", end: "17:00" }),
    bad: (s) => (s.stops[0].timeWindows[1] = { start: "11:59", end: "17:00" }),
    path: "stops[0].timeWindows[1]",
    message: /overlaps timeWindows\[0\] \(08:00–12:00\)/,
  },
  {
    rule: "a shift ends after it starts",
    ok: (s) => (s.buses[0].shift = { start: "07:00", end: "17:01" }),
    bad: (s) => (s.buses[0].shift = { start: "17:00", end: "07:00" }),
    path: "buses[0].shift",
    message: /ends 07:00, before it starts 17:00/,
  },
  {
    rule: "a per-weekday shift ends after it starts",
    ok: (s) => (s.buses[1].shifts.wed = { start: "06:00", end: "14:00" }),
    bad: (s) => (s.buses[1].shifts.wed = { start: "13:00", end: "06:00" }),
    path: "buses[1].shifts.wed",
    message: /before it starts 13:00/,
  },
  {
    rule: "per-weekday shifts are keyed by weekday",
    ok: (s) => (s.buses[1].shifts.sat = { start: "06:00", end: "14:00" }),
    bad: (s) => (s.buses[1].shifts["holi day"] = { start: "06:00", end: "14:00" }),
    path: 'buses[1].shifts["holi day"]',
    message: /"holi day" is not a weekday/,
  },
  {
    rule: "a lunch window ends after it starts",
    ok: (s) => (s.buses[0].lunch = { start: "12:00", end: "12:45", minutes: 45 }),
    bad: (s) => (s.buses[0].lunch = { start: "13:00", end: "12:00", minutes: 45 }),
    path: "buses[0].lunch",
    message: /before it starts 13:00/,
  },
  {
    rule: "a lunch break fits its window",
    ok: (s) => (s.buses[0].lunch = { start: "12:00", end: "12:45", minutes: 45 }),
    bad: (s) => (s.buses[0].lunch = { start: "12:00", end: "12:30", minutes: 45 }),
    path: "buses[0].lunch.minutes",
    message: /45-minute break does not fit in its window 12:00–12:30/,
  },
  {
    rule: "a lunch break fits inside the shift",
    ok: (s) => (s.buses[0].lunch = { start: "16:00", end: "18:00", minutes: 60 }),
    bad: (s) => (s.buses[0].lunch = { start: "16:00", end: "18:00", minutes: 61 }),
    path: "buses[0].lunch",
    message: /61-minute break does not fit where its window 16:00–18:00 meets the shift 07:00–17:00/,
  },
  {
    rule: "a lunch break fits inside each per-weekday shift",
    ok: (s) => (s.buses[1].lunch = { start: "12:00", end: "14:00", minutes: 60 }),
    bad: (s) => (s.buses[1].lunch = { start: "12:30", end: "14:00", minutes: 60 }),
    path: "buses[1].lunch",
    message: /meets the wed shift 06:00–13:00/,
  },

  // horizon and dates
  {
    rule: "the start date is a real calendar date",
    ok: (s) => {
      s.horizon.startDate = "2028-02-29";
      delete s.stops[0].pinned;
    },
    bad: (s) => (s.horizon.startDate = "2026-02-30"),
    path: "horizon.startDate",
    message: /2026-02-30 is not a real calendar date/,
  },
  {
    rule: "the horizon starts in a year carebus plans",
    ok: (s) => {
      s.horizon.startDate = "2199-12-30";
      delete s.stops[0].pinned;
    },
    bad: (s) => {
      s.horizon.startDate = "9999-12-30";
      delete s.stops[0].pinned;
    },
    path: "horizon.startDate",
    message: /9999-12-30 is outside the years carebus plans \(1900–2199\)/,
  },
  {
    rule: "explicit dates lie in years carebus plans",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "1900-01-01"];
    },
    bad: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "0000-01-03"];
    },
    path: "horizon.dates[1]",
    message: /outside the years/,
  },
  {
    rule: "the horizon gives days or dates, not both",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-25"];
    },
    bad: (s) => (s.horizon.dates = ["2026-11-23"]),
    path: "horizon",
    message: /both days and dates/,
  },
  {
    rule: "the horizon gives days or dates",
    ok: (s) => (s.horizon.days = 1),
    bad: (s) => delete s.horizon.days,
    path: "horizon",
    message: /needs days .* or dates/,
  },
  {
    rule: "explicit dates are real calendar dates",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-30"];
    },
    bad: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-31"];
    },
    path: "horizon.dates[1]",
    message: /not a real calendar date/,
  },
  {
    rule: "explicit dates are not repeated",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-24"];
    },
    bad: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-23"];
    },
    path: "horizon.dates[1]",
    message: /"2026-11-23" is listed twice/,
  },
  {
    rule: "the time zone is a known IANA zone",
    ok: (s) => (s.horizon.timeZone = "Europe/Madrid"),
    bad: (s) => (s.horizon.timeZone = "Mars/Olympus_Mons"),
    path: "horizon.timeZone",
    message: /unknown IANA time zone "Mars\/Olympus_Mons"/,
  },
  {
    rule: "excluded dates lie inside the horizon",
    ok: (s) => (s.horizon.excludedDates = ["2026-11-25"]),
    bad: (s) => (s.horizon.excludedDates = ["2026-11-26"]),
    path: "horizon.excludedDates[0]",
    message: /2026-11-26 is outside the horizon/,
  },
  {
    rule: "excluded dates are real calendar dates",
    ok: (s) => (s.horizon.excludedDates = ["2026-11-25"]),
    bad: (s) => (s.horizon.excludedDates = ["2026-11-25", "2026-02-29"]),
    path: "horizon.excludedDates[1]",
    message: /not a real calendar date/,
  },
  {
    rule: "excluded dates are among explicit horizon dates",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-25"];
      s.horizon.excludedDates = ["2026-11-25"];
    },
    bad: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-25"];
      s.horizon.excludedDates = ["2026-11-24"];
    },
    path: "horizon.excludedDates[0]",
    message: /2026-11-24 is not one of the horizon's dates \(2026-11-23 … 2026-11-25\)/,
  },
  {
    rule: "a pinned date is among explicit horizon dates",
    ok: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-23", "2026-11-25"];
    },
    bad: (s) => {
      delete s.horizon.days;
      s.horizon.dates = ["2026-11-22", "2026-11-25"];
    },
    path: "stops[0].pinned[0].date",
    message: /2026-11-23 is not one of the horizon's dates/,
  },
  {
    rule: "a shift for a day off does not constrain the lunch break",
    ok: (s) => (s.buses[0].shifts = { sun: { start: "06:00", end: "08:00" } }),
    bad: (s) => (s.buses[0].shifts = { tue: { start: "06:00", end: "08:00" } }),
    path: "buses[0].lunch",
    message: /meets the tue shift 06:00–08:00/,
  },
  {
    rule: "included dates lie inside the horizon",
    ok: (s) => (s.horizon.includedDates = ["2026-11-23"]),
    bad: (s) => (s.horizon.includedDates = ["2026-12-08"]),
    path: "horizon.includedDates[0]",
    message: /outside the horizon/,
  },
  {
    rule: "the horizon has at least one service date",
    ok: (s) => {
      s.horizon.startDate = "2026-11-28";
      s.horizon.days = 2;
      delete s.stops[0].pinned;
    },
    bad: (s) => {
      s.horizon.startDate = "2026-11-29";
      s.horizon.days = 1;
      delete s.stops[0].pinned;
    },
    path: "horizon",
    message: /has no service dates/,
  },
  {
    rule: "service weekdays are not repeated",
    ok: (s) => (s.horizon.weekdays = ["mon", "tue", "wed"]),
    bad: (s) => (s.horizon.weekdays = ["mon", "tue", "mon"]),
    path: "horizon.weekdays[2]",
    message: /"mon" is listed twice/,
  },
  {
    rule: "bus days are not repeated",
    ok: (s) => (s.buses[0].days = ["mon", "wed"]),
    bad: (s) => (s.buses[0].days = ["mon", "wed", "wed"]),
    path: "buses[0].days[2]",
    message: /"wed" is listed twice/,
  },
  {
    rule: "stop weekdays are not repeated",
    ok: (s) => (s.stops[1].weekdays = ["mon", "tue"]),
    bad: (s) => (s.stops[1].weekdays = ["mon", "mon"]),
    path: "stops[1].weekdays[1]",
    message: /listed twice/,
  },

  // demand and options
  {
    rule: "scores name known stops",
    ok: (s) => (s.demand = { kind: "scores", scores: [{ stopId: "bosa-centro", score: 3 }] }),
    bad: (s) =>
      (s.demand = {
        kind: "scores",
        scores: [
          { stopId: "bosa-centro", score: 3 },
          { stopId: "nowhere", score: 1 },
        ],
      }),
    path: "demand.scores[1].stopId",
    message: /unknown stop "nowhere"/,
  },
  {
    rule: "a stop has at most one score",
    ok: (s) =>
      (s.demand = {
        kind: "scores",
        scores: [
          { stopId: "bosa-centro", score: 3 },
          { stopId: "suba-rincon", score: 0 },
        ],
      }),
    bad: (s) =>
      (s.demand = {
        kind: "scores",
        scores: [
          { stopId: "bosa-centro", score: 3 },
          { stopId: "bosa-centro", score: 1 },
        ],
      }),
    path: "demand.scores[1].stopId",
    message: /duplicate stopId "bosa-centro"/,
  },
  {
    rule: "later visits are worth no more than earlier ones",
    ok: (s) => (s.demand.coverage.visitValues = [1, 1, 0.5]),
    bad: (s) => (s.demand.coverage.visitValues = [1, 0.5, 0.75]),
    path: "demand.coverage.visitValues[2]",
    message: /0.75 is more than the previous visit's 0.5/,
  },
  {
    rule: "objective criteria are not repeated",
    ok: (s) => (s.options.objective = ["coverage"]),
    bad: (s) => (s.options.objective = ["coverage", "coverage"]),
    path: "options.objective[1]",
    message: /"coverage" is listed twice/,
  },

  // ranges stated in the schema
  {
    rule: "latitudes lie in -90..90",
    ok: (s) => (s.stops[0].lat = 90),
    bad: (s) => (s.stops[0].lat = 90.5),
    path: "stops[0].lat",
    message: /must be at most 90/,
  },
  {
    rule: "longitudes lie in -180..180",
    ok: (s) => (s.depots[0].lon = -180),
    bad: (s) => (s.depots[0].lon = -181),
    path: "depots[0].lon",
    message: /must be at least -180/,
  },
  {
    rule: "minDaysBetween is not negative",
    ok: (s) => (s.stops[0].minDaysBetween = 0),
    bad: (s) => (s.stops[0].minDaysBetween = -1),
    path: "stops[0].minDaysBetween",
    message: /must be at least 0/,
  },
  {
    rule: "maxVisits may exceed the number of service days",
    ok: (s) => (s.stops[0].maxVisits = 50),
    bad: (s) => (s.stops[0].maxVisits = 0),
    path: "stops[0].maxVisits",
    message: /must be at least 1/,
  },
];

describe("semantic rules of a scenario", () => {
  it("accepts the fixture as it is", () => {
    expect(validateScenario(validSmall())).toEqual([]);
  });

  for (const c of CASES) {
    describe(c.rule, () => {
      it("accepts a scenario that keeps the rule", () => {
        expect(validateScenario(broken(c.ok))).toEqual([]);
      });
      it(`rejects one that breaks it, at ${c.path}`, () => {
        expectIssue(validateScenario(broken(c.bad)), c.path, c.message);
      });
    });
  }

  it("accepts stops without a score in the scores form (they are worth 0)", () => {
    expect(validateScenario(broken((s) => (s.demand = { kind: "scores", scores: [] })))).toEqual([]);
  });

  it("reports every problem at once", () => {
    const issues = validateScenario(
      broken((s) => {
        s.buses[1].depotId = "nowhere";
        s.stops[1].timeWindows[0] = { start: "09:00", end: "07:00" };
        s.horizon.timeZone = "Nowhere/Land";
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      "buses[1].depotId",
      "horizon.timeZone",
      "stops[1].timeWindows[0]",
    ]);
  });
});

describe("semantic rules skip what the schema rejected", () => {
  it("does not compare a window's ends when one of them is malformed", () => {
    const issues = validateScenario(broken((s) => (s.stops[1].timeWindows[0] = { start: "9", end: "07:00" })));
    expect(issues).toEqual([
      {
        path: "stops[1].timeWindows[0].start",
        message: 'must be a time of day HH:MM between 00:00 and 23:59 (got "9")',
      },
    ]);
  });

  it("does not call bus kinds unknown while a bus's kind is broken", () => {
    const issues = validateScenario(broken((s) => (s.buses[1].kind = 7)));
    expect(issues.map((i) => i.path)).toEqual(["buses[1].kind"]);
  });

  it("does not call a depot unknown while a depot's id is broken", () => {
    const issues = validateScenario(
      broken((s) => {
        s.depots[0].id = "";
        s.buses[0].depotId = "elsewhere";
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(["depots[0].id"]);
  });

  it("does not check pinned dates against a horizon it cannot compute", () => {
    const issues = validateScenario(
      broken((s) => {
        s.horizon.days = "three";
        s.stops[0].pinned[0].date = "2030-01-01";
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(["horizon.days"]);
  });
});
