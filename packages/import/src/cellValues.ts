/**
 * Reading one spreadsheet cell into a scenario value. Planners' files come from Excel or
 * LibreOffice in Spanish or English: numbers may use a decimal comma, weekdays and zones may be
 * written in Spanish, lists are separated by "|". Each reader throws CellProblem with a
 * sentence saying what it expected, so the caller can report it with file, line and column.
 */
import { isIsoDate, type PinnedVisit, type TimeWindow, type Weekday, WEEKDAYS, type Zone } from "@carebus/model";
import { CellProblem } from "./problems.js";

/** Items of a list cell ("a|b|c"); an empty cell has none. */
export const LIST_SEPARATOR = "|";

/**
 * A number written with a decimal point or, where it cannot be a thousands separator, a
 * decimal comma: any comma in a semicolon-separated file ("-41,4693"), or a single comma not
 * followed by exactly three digits ("2,5"). "1,234" in a comma file and "1.234,5" are refused
 * as ambiguous rather than guessed.
 */
export function readNumber(text: string, decimalComma: boolean): number {
  const t = text.trim();
  let normal = t;
  if (t.includes(",")) {
    if (t.includes("."))
      throw new CellProblem(`${JSON.stringify(t)} mixes "." and ","; write the number without thousands separators`);
    if (!decimalComma && /^[-+]?\d*,\d{3}$/.test(t)) {
      throw new CellProblem(
        `${JSON.stringify(t)} is ambiguous (thousands or decimals?); write ${t.replace(",", ".")} or ${t.replace(",", "")}`,
      );
    }
    normal = t.replace(",", ".");
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normal))
    throw new CellProblem(`expected a number, got ${JSON.stringify(t)}`);
  return Number(normal);
}

/** A whole number. */
export function readInteger(text: string, decimalComma: boolean): number {
  const n = readNumber(text, decimalComma);
  if (!Number.isInteger(n)) throw new CellProblem(`expected a whole number, got ${JSON.stringify(text.trim())}`);
  return n;
}

/** "08:00" (also "8:00"). */
export function readClock(text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw new CellProblem(`expected a time HH:MM, got ${JSON.stringify(text.trim())}`);
  return `${m[1]!.padStart(2, "0")}:${m[2]}`;
}

/** "08:00-12:00" */
export function readWindow(text: string): TimeWindow {
  const parts = text.split("-");
  if (parts.length !== 2) throw new CellProblem(`expected a window HH:MM-HH:MM, got ${JSON.stringify(text.trim())}`);
  return { start: readClock(parts[0]!), end: readClock(parts[1]!) };
}

/** The items of a "|"-separated cell, trimmed, empty items dropped. */
export function readList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const ZONES: Record<string, Zone> = { urban: "urban", urbana: "urban", urbano: "urban", rural: "rural" };

/** "urban" / "rural", in English or Spanish. */
export function readZone(text: string): Zone {
  const zone = ZONES[fold(text)];
  if (!zone) throw new CellProblem(`expected urban or rural (urbana, rural), got ${JSON.stringify(text.trim())}`);
  return zone;
}

const SPANISH_WEEKDAYS = ["lun", "mar", "mie", "jue", "vie", "sab", "dom"];
const SPANISH_WEEKDAY_NAMES = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"];
const ENGLISH_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** One weekday: mon … sun, lun … dom, or the full name in either language. */
export function readWeekday(text: string): Weekday {
  const word = fold(text);
  for (const list of [WEEKDAYS as readonly string[], SPANISH_WEEKDAYS, SPANISH_WEEKDAY_NAMES, ENGLISH_WEEKDAY_NAMES]) {
    const i = list.indexOf(word);
    if (i >= 0) return WEEKDAYS[i]!;
  }
  throw new CellProblem(`expected a weekday (mon … sun or lun … dom), got ${JSON.stringify(text.trim())}`);
}

/** A list of weekdays "mon|wed|fri". */
export function readWeekdays(text: string): Weekday[] {
  return readList(text).map(readWeekday);
}

/** A calendar date YYYY-MM-DD. */
export function readDate(text: string): string {
  const t = text.trim();
  if (!isIsoDate(t)) throw new CellProblem(`expected a date YYYY-MM-DD, got ${JSON.stringify(t)}`);
  return t;
}

/** A pinned visit "bus@YYYY-MM-DD@HH:MM" (the bus id may itself contain "@"). */
export function readPinned(text: string): PinnedVisit {
  const parts = text.trim().split("@");
  if (parts.length < 3)
    throw new CellProblem(`expected a pinned visit bus@YYYY-MM-DD@HH:MM, got ${JSON.stringify(text.trim())}`);
  const start = readClock(parts.pop()!);
  const date = readDate(parts.pop()!);
  return { busId: parts.join("@"), date, start };
}

/** Lower case, no accents, spaces and hyphens as "_": how headers and words are matched. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
}
