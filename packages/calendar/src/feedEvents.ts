/**
 * The event history behind every feed. Walking the publications oldest first gives each
 * dated visit a UID that never changes (scenario, stop, bus and date), a SEQUENCE that rises
 * each time a publication changes the visit, and a CANCELLED status when a later publication
 * drops it. Cancelled visits stay in the feed for one cycle after the publication that removed
 * them, long enough for every subscribed calendar app to have refreshed and struck them out.
 * Nothing here is stored: the history of publications is the single source.
 */
import { addDaysIso } from "@carebus/model";
import { cycleDays, expandVisits, type ExpandedVisit } from "./expandVisits.js";
import type { CalendarSource } from "./publication.js";

/** One event of a feed. */
export interface FeedEvent extends ExpandedVisit {
  /** stable across publications */
  uid: string;
  /** RFC 5545 SEQUENCE: 0 when first published, +1 on every change */
  sequence: number;
  status: "confirmed" | "cancelled";
  /** ISO instant of the publication that last changed this event (used as DTSTAMP) */
  changedAt: string;
}

/** Options of `buildFeedEvents`. */
export interface FeedEventsOptions {
  /** YYYY-MM-DD "today" deciding which cancellations have expired (default: latest publication date) */
  today?: string;
}

/** The stable UID of the `index`-th visit (0-based) of a bus to a stop on one date. */
export function visitUid(
  scenarioId: string,
  visit: Pick<ExpandedVisit, "stopId" | "busId" | "date">,
  index = 0,
): string {
  const part = (s: string) => encodeURIComponent(s);
  const suffix = index > 0 ? `-${index}` : "";
  return `${visit.date}-${part(visit.stopId)}-${part(visit.busId)}${suffix}.${part(scenarioId)}@carebus`;
}

interface Tracked {
  event: FeedEvent;
  /** date (YYYY-MM-DD) on which a cancellation expires */
  expires?: string;
}

/**
 * Every live and recently cancelled event of the source's scenario, sorted by date and start.
 * Returns [] when nothing is published.
 */
export function buildFeedEvents(source: CalendarSource, options: FeedEventsOptions = {}): FeedEvent[] {
  const { scenario, publications } = source;
  const tracked = new Map<string, Tracked>();
  const cycle = cycleDays(scenario.horizon);
  for (const publication of publications) {
    const seen = new Set<string>();
    const perKey = new Map<string, number>();
    for (const visit of expandVisits(publication.plan, scenario.horizon)) {
      const key = `${visit.date}\u0000${visit.stopId}\u0000${visit.busId}`;
      const index = perKey.get(key) ?? 0;
      perKey.set(key, index + 1);
      const uid = visitUid(scenario.id, visit, index);
      seen.add(uid);
      const before = tracked.get(uid);
      if (!before) {
        tracked.set(uid, {
          event: { ...visit, uid, sequence: 0, status: "confirmed", changedAt: publication.publishedAt },
        });
      } else if (
        before.event.status === "cancelled" ||
        before.event.startMinute !== visit.startMinute ||
        before.event.endMinute !== visit.endMinute
      ) {
        tracked.set(uid, {
          event: {
            ...visit,
            uid,
            sequence: before.event.sequence + 1,
            status: "confirmed",
            changedAt: publication.publishedAt,
          },
        });
      }
    }
    for (const [uid, entry] of tracked) {
      if (seen.has(uid) || entry.event.status === "cancelled") continue;
      tracked.set(uid, {
        event: {
          ...entry.event,
          sequence: entry.event.sequence + 1,
          status: "cancelled",
          changedAt: publication.publishedAt,
        },
        expires: addDaysIso(publication.publishedAt.slice(0, 10), cycle),
      });
    }
  }
  const latest = publications[publications.length - 1];
  const today = options.today ?? latest?.publishedAt.slice(0, 10) ?? "";
  return [...tracked.values()]
    .filter((t) => t.expires === undefined || today < t.expires)
    .map((t) => t.event)
    .sort((a, b) => a.date.localeCompare(b.date) || a.startMinute - b.startMinute || a.uid.localeCompare(b.uid));
}
