/**
 * A VTIMEZONE written from the runtime's own time-zone data (Intl, the same data the plan's
 * offsets come from) for the years a feed spans: one STANDARD or DAYLIGHT component per clock
 * change, each with its exact local start and both offsets. A rule-based VTIMEZONE from a table
 * (tzurl's "first Sunday of April" for Chile) can disagree with the zone's real rule ("Sunday on
 * or after the 2nd") in some years; listing the actual changes cannot, and every calendar app
 * reads it.
 */
import { utcOffsetMinutes } from "@carebus/model";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The UTC instants (ms) at which `timeZone`'s offset changes between `fromMs` and `toMs`. */
function transitions(timeZone: string, fromMs: number, toMs: number): number[] {
  const found: number[] = [];
  let before = utcOffsetMinutes(timeZone, fromMs);
  for (let t = fromMs + DAY; t <= toMs; t += DAY) {
    const now = utcOffsetMinutes(timeZone, t);
    if (now === before) continue;
    // the change lies in (t − 1 day, t]: narrow it to the minute
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (utcOffsetMinutes(timeZone, mid) === before) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    before = now;
  }
  return found;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** A UTC instant written as the local wall clock at `offsetMinutes`: 20260405T000000. */
function localStamp(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, "");
}

const cache = new Map<string, string>();

/**
 * The VTIMEZONE of `timeZone` covering the years `firstYear` … `lastYear`.
 * @example vtimezone("America/Santiago", 2026, 2027) // BEGIN:VTIMEZONE … 4 components … END:VTIMEZONE
 */
export function vtimezone(timeZone: string, firstYear: number, lastYear: number): string {
  const key = `${timeZone}|${firstYear}|${lastYear}`;
  const known = cache.get(key);
  if (known) return known;
  const fromMs = Date.UTC(firstYear, 0, 1);
  const changes = transitions(timeZone, fromMs, Date.UTC(lastYear + 1, 0, 1));
  const offsets = [utcOffsetMinutes(timeZone, fromMs), ...changes.map((t) => utcOffsetMinutes(timeZone, t))];
  const standardOffset = Math.min(...offsets);
  const component = (start: string, from: number, to: number) => {
    const kind = to > standardOffset ? "DAYLIGHT" : "STANDARD";
    return [
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    ];
  };
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    ...component(`${firstYear}0101T000000`, offsets[0]!, offsets[0]!),
    ...changes.flatMap((t, i) => component(localStamp(t, offsets[i]!), offsets[i]!, offsets[i + 1]!)),
    "END:VTIMEZONE",
  ];
  const text = lines.join("\r\n");
  cache.set(key, text);
  return text;
}
