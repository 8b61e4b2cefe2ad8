import { describe, expect, it } from "vitest";
import {
  addDaysIso,
  dayNumber,
  formatClock,
  formatLocalDateTime,
  isIsoDate,
  isTimeZone,
  parseClock,
  utcOffsetMinutes,
  weekdayOf,
} from "./index.js";

describe("clock times", () => {
  it("parses HH:MM into minutes after midnight and back", () => {
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock("23:59")).toBe(1439);
    expect(formatClock(510)).toBe("08:30");
    expect(formatClock(510.9)).toBe("08:30");
  });

  it("rejects text that is not HH:MM", () => {
    for (const bad of ["8:30", "08:3", "0830", "08:30:00", "", " 08:30", "ab:cd"]) {
      expect(() => parseClock(bad), bad).toThrow(RangeError);
    }
  });
});

describe("dates", () => {
  it("knows real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });

  it("gives the weekday of a date whatever the process time zone", () => {
    expect(weekdayOf("2026-11-23")).toBe("mon");
    expect(weekdayOf("2026-11-29")).toBe("sun");
    expect(weekdayOf("2025-01-01")).toBe("wed");
    expect(weekdayOf("2027-12-25")).toBe("sat");
  });

  it("counts days across months and years", () => {
    expect(addDaysIso("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDaysIso("2028-03-01", -1)).toBe("2028-02-29");
    expect(dayNumber("2026-11-24") - dayNumber("2026-11-23")).toBe(1);
  });

  it("knows IANA time zones", () => {
    expect(isTimeZone("America/Bogota")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("formatLocalDateTime", () => {
  it("writes Bogotá times with -05:00 all year (no daylight saving)", () => {
    expect(formatLocalDateTime("2026-11-24", 510, "America/Bogota")).toBe("2026-11-24T08:30:00-05:00");
    expect(formatLocalDateTime("2026-06-24", 510, "America/Bogota")).toBe("2026-06-24T08:30:00-05:00");
    expect(utcOffsetMinutes("America/Bogota", Date.UTC(2026, 0, 1))).toBe(-300);
  });

  it("carries minutes past midnight into the next day", () => {
    expect(formatLocalDateTime("2026-11-24", 24 * 60 + 15, "America/Bogota")).toBe("2026-11-25T00:15:00-05:00");
  });

  it("follows daylight saving in a zone that has it", () => {
    // Madrid: CET (+01:00) in winter, CEST (+02:00) in summer; the change in 2026 is 29 March.
    expect(formatLocalDateTime("2026-01-15", 9 * 60, "Europe/Madrid")).toBe("2026-01-15T09:00:00+01:00");
    expect(formatLocalDateTime("2026-07-15", 9 * 60, "Europe/Madrid")).toBe("2026-07-15T09:00:00+02:00");
    expect(formatLocalDateTime("2026-03-28", 12 * 60, "Europe/Madrid")).toBe("2026-03-28T12:00:00+01:00");
    expect(formatLocalDateTime("2026-03-29", 12 * 60, "Europe/Madrid")).toBe("2026-03-29T12:00:00+02:00");
  });

  it("writes whole-hour and half-hour offsets", () => {
    expect(formatLocalDateTime("2026-11-24", 0, "UTC")).toBe("2026-11-24T00:00:00+00:00");
    expect(formatLocalDateTime("2026-11-24", 600, "Asia/Kolkata")).toBe("2026-11-24T10:00:00+05:30");
  });
});
