/**
 * The three feeds a deployment offers: one per stop (what a community subscribes to), one per
 * bus (for its crew) and one per locality. Each filters the same event history, so a visit
 * has the same UID and SEQUENCE in every feed it appears in.
 */
import type { Bus, Stop } from "@carebus/model";
import { DEFAULT_TIME_ZONE } from "@carebus/model";
import { buildFeedEvents, type FeedEvent } from "./feedEvents.js";
import type { CalendarSource } from "./publication.js";
import { renderCalendar, type CalendarOptions } from "./renderCalendar.js";

/** Lower-case, accent-free form used to match place names typed by people. */
export function normalizeName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

function render(
  source: CalendarSource,
  name: string,
  keep: (e: FeedEvent) => boolean,
  options: CalendarOptions,
): string {
  const events = buildFeedEvents(source, options.today === undefined ? {} : { today: options.today }).filter(keep);
  const latest = source.publications[source.publications.length - 1];
  return renderCalendar(
    name,
    events,
    {
      stops: new Map<string, Stop>(source.scenario.stops.map((s) => [s.id, s])),
      buses: new Map<string, Bus>(source.scenario.buses.map((b) => [b.id, b])),
      timeZone: latest?.plan.timeZone ?? source.scenario.horizon.timeZone ?? DEFAULT_TIME_ZONE,
    },
    options,
  );
}

/**
 * The feed of one stop: its visits over the cycle, and recently cancelled ones.
 * @example buildStopCalendar({ scenario, publications }, "usme-01", { lang: "es" })
 */
export function buildStopCalendar(source: CalendarSource, stopId: string, options: CalendarOptions = {}): string {
  const stop = source.scenario.stops.find((s) => s.id === stopId);
  return render(source, `carebus – ${stop?.name ?? stopId}`, (e) => e.stopId === stopId, options);
}

/** The feed of one bus: every stop it serves over the cycle. */
export function buildBusCalendar(source: CalendarSource, busId: string, options: CalendarOptions = {}): string {
  const bus = source.scenario.buses.find((b) => b.id === busId);
  return render(source, `carebus – ${bus?.name ?? busId}`, (e) => e.busId === busId, options);
}

/** The feed of every stop in a locality, matched without regard to case or accents. */
export function buildLocalityCalendar(source: CalendarSource, locality: string, options: CalendarOptions = {}): string {
  const wanted = normalizeName(locality);
  const inLocality = new Set(
    source.scenario.stops.filter((s) => normalizeName(s.locality) === wanted).map((s) => s.id),
  );
  const display = source.scenario.stops.find((s) => inLocality.has(s.id))?.locality ?? locality;
  return render(source, `carebus – ${display}`, (e) => inLocality.has(e.stopId), options);
}
