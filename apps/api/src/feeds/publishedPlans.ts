/**
 * Everything read-heavy derived from a scenario's publications, computed once per publication
 * and then served from memory: the calendar source, the dated visits of the latest plan, and
 * rendered feeds with their ETags. Stop feeds are the hot path (every subscribed phone polls
 * them), so a request for an unchanged feed costs one indexed read of the latest publication
 * and a map lookup. The cache is keyed by that publication id, read from the database on every
 * request, so a publication made by any process sharing the database shows at once without
 * coordination, and by the day, because cancelled visits expire from feeds by date.
 */
import { createHash } from "node:crypto";
import {
  buildBusCalendar,
  buildFeedEvents,
  buildLocalityCalendar,
  buildStopCalendar,
  type CalendarLanguage,
  type CalendarSource,
  type FeedEvent,
} from "@carebus/calendar";
import type { Plan } from "@carebus/model";
import type { PublicationRecord, ScenarioRecord, Store } from "../store/store.js";

/** A scenario with its publication history loaded. */
export interface Published {
  scenario: ScenarioRecord;
  publications: PublicationRecord[];
  latest: PublicationRecord;
  latestPlan: Plan;
  source: CalendarSource;
  /** confirmed events of the feed history (today's view), by stop id */
  visitsByStop: Map<string, FeedEvent[]>;
}

/** A rendered feed. */
export interface RenderedFeed {
  /** the iCalendar text, UTF-8 encoded once so that each response only copies bytes */
  body: Buffer;
  etag: string;
  lastModified: Date;
}

/** Which feed: one stop, bus or locality. */
export type FeedKind = "stop" | "bus" | "locality";

const BUILDERS = { stop: buildStopCalendar, bus: buildBusCalendar, locality: buildLocalityCalendar } as const;
const MAX_FEEDS = 5000;

/** Today's date in UTC (the day cancellations are measured against). */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A scenario's loaded state is valid for one latest publication on one day. */
function cacheKey(latest: PublicationRecord): string {
  return `${latest.id}\u0000${todayIso()}`;
}

/** Published-plan views of every scenario, cached per latest publication. */
export class PublishedPlans {
  private readonly loaded = new Map<string, { key: string; value: Published }>();
  private readonly feeds = new Map<string, RenderedFeed>();

  constructor(private readonly store: Store) {}

  /** The scenario's publication state, or undefined when nothing is published (or no such scenario). */
  async get(scenarioId: string): Promise<Published | undefined> {
    const newest = await this.store.latestPublication(scenarioId);
    if (!newest) return undefined;
    const cached = this.loaded.get(scenarioId);
    if (cached && cached.key === cacheKey(newest)) return cached.value;
    const publications = await this.store.listPublications(scenarioId);
    // Another publication may have landed since the read above: serve the newest loaded.
    const latest = publications[publications.length - 1]!;
    const key = cacheKey(latest);
    const scenario = await this.store.getScenario(scenarioId);
    if (!scenario) return undefined;
    const plans = new Map<string, Plan>();
    for (const p of publications) {
      if (plans.has(p.planId)) continue;
      const record = await this.store.getPlan(p.planId);
      if (record?.plan) plans.set(p.planId, record.plan);
    }
    const source: CalendarSource = {
      scenario: scenario.scenario,
      publications: publications
        .filter((p) => plans.has(p.planId))
        .map((p) => ({ id: p.id, publishedAt: p.publishedAt, plan: plans.get(p.planId)! })),
    };
    const visitsByStop = new Map<string, FeedEvent[]>();
    for (const event of buildFeedEvents(source, { today: todayIso() })) {
      if (event.status !== "confirmed") continue;
      const list = visitsByStop.get(event.stopId) ?? [];
      list.push(event);
      visitsByStop.set(event.stopId, list);
    }
    const value: Published = {
      scenario,
      publications,
      latest,
      latestPlan: plans.get(latest.planId)!,
      source,
      visitsByStop,
    };
    this.loaded.set(scenarioId, { key, value });
    return value;
  }

  /** A rendered feed with its ETag, built on first request after each publication. */
  feed(published: Published, kind: FeedKind, id: string, lang: CalendarLanguage, url: string): RenderedFeed {
    const today = todayIso();
    const key = [published.latest.id, today, kind, id, lang, url].join("\u0000");
    const hit = this.feeds.get(key);
    if (hit) return hit;
    const body = BUILDERS[kind](published.source, id, { lang, url, today });
    const feed: RenderedFeed = {
      body: Buffer.from(body, "utf8"),
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
      lastModified: new Date(published.latest.publishedAt),
    };
    // A crude bound: feeds of old publications are dropped wholesale rather than tracked.
    if (this.feeds.size >= MAX_FEEDS) this.feeds.clear();
    this.feeds.set(key, feed);
    return feed;
  }
}
