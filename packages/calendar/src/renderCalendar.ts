/**
 * Feed events → iCalendar text. Times are written in the plan's zone (America/Bogota, America/Santiago…) with
 * a VTIMEZONE listing its clock changes from the runtime's zone data (vtimezone.ts), because ical-generator has no zone database;
 * they are built as `TZDate`s so the process's own zone (often UTC on servers) can never
 * shift them. DTSTAMP is the time of the publication that last changed the event, so the
 * same history always renders the same bytes (stable ETags, golden-testable output).
 */
import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { serviceLabel, type Bus, type Stop } from "@carebus/model";
import type { FeedEvent } from "./feedEvents.js";
import { vtimezone } from "./vtimezone.js";

/** Languages the feed texts are written in. */
export type CalendarLanguage = "es" | "en";

/** Options of every feed builder. */
export interface CalendarOptions {
  /** feed texts' language (default "es": the service's users speak Spanish) */
  lang?: CalendarLanguage;
  /** absolute URL the feed is served at (written as the calendar's URL/SOURCE) */
  url?: string;
  /** how often calendar apps should refresh, in seconds (default 6 h): REFRESH-INTERVAL and X-PUBLISHED-TTL */
  refreshSeconds?: number;
  /** YYYY-MM-DD deciding which cancellations have expired (default: the latest publication's date) */
  today?: string;
}

/** Default refresh hint: four times a day is enough for a weekly plan. */
export const DEFAULT_REFRESH_SECONDS = 6 * 3600;

const TEXT = {
  es: {
    visit: "Bus del Cuidado",
    cancelled: "CANCELADO",
    services: "Servicios",
    locality: "Localidad",
    bus: "Bus",
    neighbourhood: "Barrio",
    address: "Dónde",
  },
  en: {
    visit: "Care bus",
    cancelled: "CANCELLED",
    services: "Services",
    locality: "Locality",
    bus: "Bus",
    neighbourhood: "Neighbourhood",
    address: "Where",
  },
} as const;

/** " · Respiro para personas cuidadoras + 3": the first service by name and how many more. */
function servicesInBrief(services: readonly string[] | undefined, lang: CalendarLanguage): string {
  if (!services?.length) return "";
  return ` · ${serviceLabel(services[0]!, lang)}${services.length > 1 ? ` + ${services.length - 1}` : ""}`;
}

function zonedDate(date: string, minute: number, timeZone: string): TZDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, 0, timeZone);
}

/** Renders `events` as one VCALENDAR named `name`, with stop and bus details looked up by id. */
export function renderCalendar(
  name: string,
  events: readonly FeedEvent[],
  lookup: { stops: ReadonlyMap<string, Stop>; buses: ReadonlyMap<string, Bus>; timeZone: string },
  options: CalendarOptions = {},
): string {
  const text = TEXT[options.lang ?? "es"];
  // the VTIMEZONE lists the zone's clock changes over the years the events span (and the next)
  const years = events.map((e) => Number(e.date.slice(0, 4)));
  const firstYear = years.length > 0 ? Math.min(...years) : 1970;
  const lastYear = years.length > 0 ? Math.max(...years) + 1 : 1970;
  const calendar = ical({
    name,
    prodId: { company: "carebus", product: "carebus", language: (options.lang ?? "es").toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => vtimezone(tz, firstYear, lastYear) },
    ttl: options.refreshSeconds ?? DEFAULT_REFRESH_SECONDS,
    ...(options.url ? { url: options.url, source: options.url } : {}),
  });
  for (const event of events) {
    const stop = lookup.stops.get(event.stopId);
    const bus = lookup.buses.get(event.busId);
    const stopName = stop?.name ?? event.stopId;
    const lang = options.lang ?? "es";
    const place = [stopName, stop?.address, stop?.neighbourhood, stop?.locality]
      .filter((p): p is string => Boolean(p))
      .join(", ");
    const details = [
      stop?.services?.length
        ? `${text.services}: ${stop.services.map((code) => serviceLabel(code, lang)).join(", ")}`
        : null,
      stop?.address ? `${text.address}: ${stop.address}` : null,
      stop?.neighbourhood ? `${text.neighbourhood}: ${stop.neighbourhood}` : null,
      stop ? `${text.locality}: ${stop.locality}` : null,
      `${text.bus}: ${bus?.name ?? event.busId}`,
    ].filter((line): line is string => line !== null);
    const cancelled = event.status === "cancelled";
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(event.changedAt),
      start: zonedDate(event.date, event.startMinute, lookup.timeZone),
      end: zonedDate(event.date, event.endMinute, lookup.timeZone),
      timezone: lookup.timeZone,
      summary: `${cancelled ? `${text.cancelled}: ` : ""}${text.visit} – ${stopName}${servicesInBrief(stop?.services, lang)}`,
      description: details.join("\n"),
      location: stop ? { title: place, geo: { lat: stop.lat, lon: stop.lon } } : place,
      ...(stop ? { categories: [{ name: stop.locality }] } : {}),
      x: { "X-CAREBUS-STOP-ID": event.stopId, "X-CAREBUS-BUS-ID": event.busId },
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one included; ical-generator stops
  // after END:VCALENDAR, and strict parsers and some calendar apps drop a last unterminated line.
  return `${calendar.toString()}\r\n`;
}
