/**
 * Clock and calendar arithmetic on plain values: minutes of the day as numbers and dates as
 * ISO `YYYY-MM-DD` strings. Dates are handled as UTC calendar days so that no process time
 * zone can shift them; only `formatLocalDateTime` knows about the scenario's time zone.
 */
import type { Weekday } from "./scenario.js";
import { WEEKDAYS } from "./scenario.js";

const MS_PER_DAY = 86_400_000;

/** "08:30" → 510 (minutes after midnight). @throws RangeError on a malformed clock time. */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a clock time HH:MM: ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 510 → "08:30"; fractional minutes are floored, minutes past midnight wrap into the day. */
export function formatClock(minute: number): string {
  const m = Math.floor(minute);
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of an ISO date (the ordinal used for "days between visits"). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** Inverse of `dayNumber`. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date `days` after `date` (negative goes back). */
export function addDaysIso(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** True when the string is a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Weekday of an ISO date. */
export function weekdayOf(date: string): Weekday {
  const jsDay = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(jsDay + 6) % 7]!;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it.
 * Intl accepts a zone in any case ("america/bogota"), so the names kept are capped: past the cap
 * a formatter is built for each call instead of growing the map.
 */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_KEPT_FORMATS = 1_000;

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (wallClockFormats.size < MAX_KEPT_FORMATS) wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** UTC offset of `timeZone` at the given UTC instant, in minutes (Bogotá: -300). */
export function utcOffsetMinutes(timeZone: string, utcMs: number): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant (ms) of a local wall-clock time: `minute` minutes after local midnight of
 * `date` in `timeZone`. Minutes may exceed 1440 (a route past midnight).
 */
export function localToUtcMs(date: string, minute: number, timeZone: string): number {
  const wallAsUtc = Date.parse(`${date}T00:00:00Z`) + Math.round(minute * 60) * 1000;
  const offset = utcOffsetMinutes(timeZone, wallAsUtc);
  const guess = wallAsUtc - offset * 60_000;
  // A second pass settles the offset when the first guess crossed a DST change.
  return wallAsUtc - utcOffsetMinutes(timeZone, guess) * 60_000;
}

/** "2026-11-24T08:30:00-05:00": a local ISO date-time with the zone's offset at that moment. */
export function formatLocalDateTime(date: string, minute: number, timeZone: string): string {
  const utcMs = localToUtcMs(date, minute, timeZone);
  const offset = utcOffsetMinutes(timeZone, utcMs);
  const local = new Date(utcMs + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
