/**
 * Everything read-heavy derived from a scenario's publications, computed once per publication
 * and then served from memory: the calendar source, the dated visits of the latest plan, and
 * rendered feeds with their ETags. Stop feeds are the hot path (every subscribed phone polls
 * them), so a request for an unchanged feed costs a map lookup plus, at most once a second per
 * scenario, one indexed read of the latest publication. A publication made by any process
 * sharing the database therefore shows in every process within `LATEST_PUBLICATION_MAX_AGE_MS`
 * (1 s) without coordination, and at once in the process that made it. Reading it on every
 * request instead cost a sixth of a cached feed's server time on SQLite, and a database round
 * trip on PostgreSQL.
 *
 * Rendered feeds sit in a bounded LRU (entries and bytes) keyed by what the feed is: scenario,
 * latest publication (so publishing invalidates without coordination), kind, the id as the
 * scenario spells it, language and link base. Never by the raw URL or `Host`, which a stranger
 * can vary at will; the routes resolve ids before asking. An entry is valid for one day, since
 * cancelled visits expire from feeds by date; a next-day render with the same text keeps its
 * ETag and Last-Modified. Unknown scenarios are answered without being remembered.
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
  normalizeName,
} from "@carebus/calendar";
import type { Plan } from "@carebus/model";
import { LRUCache } from "lru-cache";
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
  /**
   * Feed ids as the scenario spells them, by what a request may name: stop and bus ids, and
   * localities by their normalized name (any case or accents); one map lookup per feed request.
   */
  feedIds: Record<FeedKind, Map<string, string>>;
}

/** A rendered feed. */
export interface RenderedFeed {
  /** the iCalendar text, UTF-8 encoded once so that each response only copies bytes */
  body: Buffer;
  etag: string;
  /** when this text was first rendered (it may stay the same over several days) */
  lastModified: Date;
}

/** Bounds of the rendered-feed cache. */
export interface FeedCacheLimits {
  entries: number;
  bytes: number;
}

/** What the feed cache did so far (tests and operators read it). */
export interface FeedCacheStats {
  renders: number;
  hits: number;
  entries: number;
  bytes: number;
}

interface CachedFeed {
  day: string;
  feed: RenderedFeed;
}

/**
 * How long a read of a scenario's latest publication is reused: the longest a publication made
 * through another process sharing the database may take to show in this one's feeds and pages.
 */
export const LATEST_PUBLICATION_MAX_AGE_MS = 1000;

/** Options of `PublishedPlans` beyond its store. */
export interface PublishedPlansOptions {
  /** bounds of the rendered-feed cache (default 2000 feeds, 32 MiB) */
  limits?: FeedCacheLimits;
  /** how long a read of the latest publication is reused (default LATEST_PUBLICATION_MAX_AGE_MS) */
  latestMaxAgeMs?: number;
  /** a monotonic clock in milliseconds (default performance.now) */
  now?: () => number;
}

/** Which feed: one stop, bus or locality. */
export type FeedKind = "stop" | "bus" | "locality";

const BUILDERS = { stop: buildStopCalendar, bus: buildBusCalendar, locality: buildLocalityCalendar } as const;

const DAY_MS = 86_400_000;
let currentDay = { iso: "", start: 0 };

/** Today's date in UTC (the day cancellations are measured against), formatted once a day. */
function todayIso(): string {
  const now = Date.now();
  if (now < currentDay.start || now >= currentDay.start + DAY_MS) {
    const start = Math.floor(now / DAY_MS) * DAY_MS;
    currentDay = { iso: new Date(start).toISOString().slice(0, 10), start };
  }
  return currentDay.iso;
}

/** A scenario's loaded state is valid for one latest publication on one day. */
function cacheKey(latest: PublicationRecord): string {
  return `${latest.id}\u0000${todayIso()}`;
}

/** Published-plan views of every scenario, cached per latest publication. */
export class PublishedPlans {
  // These maps hold stored scenarios with at least one publication only: their size is bounded
  // by what token holders stored, never by what strangers ask for.
  private readonly loaded = new Map<string, { key: string; value: Published }>();
  private readonly latestReads = new Map<string, { readAt: number; latest: PublicationRecord }>();
  private readonly feeds: LRUCache<string, CachedFeed>;
  private readonly latestMaxAgeMs: number;
  private readonly now: () => number;
  private renders = 0;
  private hits = 0;
  /** publications this process made, so that reads begun before one are not kept */
  private ownPublishes = 0;

  constructor(
    private readonly store: Store,
    options: PublishedPlansOptions = {},
  ) {
    const limits = options.limits ?? { entries: 2000, bytes: 32 * 1024 * 1024 };
    this.latestMaxAgeMs = options.latestMaxAgeMs ?? LATEST_PUBLICATION_MAX_AGE_MS;
    this.now = options.now ?? (() => performance.now());
    this.feeds = new LRUCache<string, CachedFeed>({
      max: limits.entries,
      maxSize: limits.bytes,
      sizeCalculation: (entry) => Math.max(1, entry.feed.body.length),
    });
  }

  /** Renders and cache hits so far, and what the cache holds. */
  stats(): FeedCacheStats {
    return { renders: this.renders, hits: this.hits, entries: this.feeds.size, bytes: this.feeds.calculatedSize };
  }

  /** This process published for the scenario: its next request reads the new publication. */
  forgetLatest(scenarioId: string): void {
    this.ownPublishes += 1;
    this.latestReads.delete(scenarioId);
  }

  /** The latest publication as read at most `latestMaxAgeMs` ago (timed from before the read). */
  private async latestPublication(scenarioId: string): Promise<PublicationRecord | undefined> {
    const now = this.now();
    const read = this.latestReads.get(scenarioId);
    if (read && now - read.readAt < this.latestMaxAgeMs) return read.latest;
    const ownPublishes = this.ownPublishes;
    const latest = await this.store.latestPublication(scenarioId);
    this.rememberLatest(scenarioId, latest, now, ownPublishes);
    return latest;
  }

  /** Keeps a read unless this process published since it started (it may predate that). */
  private rememberLatest(
    scenarioId: string,
    latest: PublicationRecord | undefined,
    readAt: number,
    ownPublishes: number,
  ): void {
    if (latest && ownPublishes === this.ownPublishes) this.latestReads.set(scenarioId, { readAt, latest });
  }

  /** The scenario's publication state, or undefined when nothing is published (or no such scenario). */
  async get(scenarioId: string): Promise<Published | undefined> {
    const newest = await this.latestPublication(scenarioId);
    if (!newest) return undefined;
    const cached = this.loaded.get(scenarioId);
    if (cached && cached.key === cacheKey(newest)) return cached.value;
    const loadStarted = this.now();
    const ownPublishes = this.ownPublishes;
    const publications = await this.store.listPublications(scenarioId);
    // Another publication may have landed since the read above: serve the newest loaded, and
    // remember it as the latest so that the next requests do not load the history again.
    const latest = publications[publications.length - 1]!;
    this.rememberLatest(scenarioId, latest, loadStarted, ownPublishes);
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
    const { stops, buses } = scenario.scenario;
    const localities = new Map<string, string>();
    for (const stop of stops) {
      const name = normalizeName(stop.locality);
      if (!localities.has(name)) localities.set(name, stop.locality);
    }
    const value: Published = {
      scenario,
      publications,
      latest,
      latestPlan: plans.get(latest.planId)!,
      source,
      visitsByStop,
      feedIds: {
        stop: new Map(stops.map((stop) => [stop.id, stop.id])),
        bus: new Map(buses.map((bus) => [bus.id, bus.id])),
        locality: localities,
      },
    };
    this.loaded.set(scenarioId, { key, value });
    return value;
  }

  /**
   * A rendered feed with its ETag, built on the first request of the day after each publication.
   * `id` must be the id (or locality name) as the scenario spells it, and `url` the feed's
   * canonical address: both are part of the key, so neither may come from the request verbatim.
   */
  feed(published: Published, kind: FeedKind, id: string, lang: CalendarLanguage, url: string): RenderedFeed {
    const today = todayIso();
    const key = [published.scenario.id, published.latest.id, kind, id, lang, url].join("\u0000");
    const cached = this.feeds.get(key);
    if (cached?.day === today) {
      this.hits += 1;
      return cached.feed;
    }
    this.renders += 1;
    const body = BUILDERS[kind](published.source, id, { lang, url, today });
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const feed: RenderedFeed =
      cached?.feed.etag === etag ? cached.feed : { body: Buffer.from(body, "utf8"), etag, lastModified: new Date() };
    this.feeds.set(key, { day: today, feed });
    return feed;
  }
}
