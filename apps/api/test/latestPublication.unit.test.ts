/**
 * API processes stay stateless although each reuses its read of a scenario's latest
 * publication for up to LATEST_PUBLICATION_MAX_AGE_MS: two servers on one database show each
 * other's publications within that bound and their own at once; the reuse itself is checked
 * with a hand-driven clock, and unknown scenarios are read every time, never remembered.
 */
import { rmSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, openSqliteStore, type Store } from "../src/index.js";
import { LATEST_PUBLICATION_MAX_AGE_MS, PublishedPlans } from "../src/feeds/publishedPlans.js";
import {
  AUTH,
  TOKEN,
  WEEK,
  createTestApp,
  storeTinyWithPlan,
  tinyRoute,
  tinyScenario,
  type TestApp,
} from "./helpers.js";

const MOVED = [
  tinyRoute("2026-07-06", [["s-usme", "09:00", 120]]),
  tinyRoute("2026-07-08", [["s-bosa", "09:00", 120]]),
];
const FEED = "/calendars/stops/s-usme.ics";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `store` with its latestPublication read going through `through` (counting, delaying). */
function withLatestPublication(
  store: Store,
  through: (read: Store["latestPublication"], scenarioId: string) => ReturnType<Store["latestPublication"]>,
): Store {
  return { ...store, latestPublication: (scenarioId) => through(store.latestPublication, scenarioId) };
}

/** A publication written straight into the shared store, as another process would. */
const publishDirectly = (store: Store, id: string, planId: string, publishedAt: string) =>
  store.insertPublication({ id, scenarioId: tinyScenario.id, planId, publishedAt });

describe("two servers on one SQLite database", () => {
  let a: TestApp;
  let bStore: Store;
  let b: FastifyInstance;
  beforeAll(async () => {
    a = await createTestApp();
    bStore = openSqliteStore(a.dir);
    b = await buildApp({ store: bStore, apiToken: TOKEN, webRoot: null, config: { dataDir: a.dir } });
    await storeTinyWithPlan(a, WEEK, "plan-1");
    await storeTinyWithPlan(a, MOVED, "plan-2");
  });
  afterAll(async () => {
    await b.close();
    await bStore.close();
    await a.close();
    rmSync(a.dir, { recursive: true, force: true });
  });

  it("a publication made through one shows in the other's feeds within the documented bound, and in its own at once", async () => {
    const publish = (app: FastifyInstance, planId: string) =>
      app.inject({ method: "POST", url: `/api/v1/plans/${planId}/publish`, headers: AUTH });
    expect((await publish(a.app, "plan-1")).statusCode).toBe(201);
    const first = await b.inject(FEED);
    expect(first.statusCode).toBe(200);
    expect((await a.app.inject(FEED)).headers.etag).toBe(first.headers.etag);

    expect((await publish(a.app, "plan-2")).statusCode).toBe(201);
    const publishedAt = performance.now();
    const own = await a.app.inject(FEED);
    expect(own.headers.etag).not.toBe(first.headers.etag);
    expect(own.body).toContain("DTSTART;TZID=America/Bogota:20260706T090000");

    // Any read that starts once the bound has passed since the publication sees plan-2 (B's
    // last read began before it, or it would have seen plan-2 already).
    await sleep(Math.max(0, publishedAt + LATEST_PUBLICATION_MAX_AGE_MS - performance.now()) + 1);
    const other = await b.inject(FEED);
    expect(other.body).toBe(own.body);
    expect(other.headers.etag).toBe(own.headers.etag);
    const published = (await b.inject(`/api/v1/scenarios/${tinyScenario.id}/published`)).json() as { planId: string };
    expect(published.planId).toBe("plan-2");

    // And back: a publication through B shows in B at once.
    expect((await publish(b, "plan-1")).statusCode).toBe(201);
    expect((await b.inject(FEED)).body).toContain("DTSTART;TZID=America/Bogota:20260706T083000");
  });
});

describe("PublishedPlans' reuse of the latest-publication read", () => {
  let t: TestApp;
  let reads: Map<string, number>;
  let clock: number;
  let plans: PublishedPlans;
  beforeAll(async () => {
    t = await createTestApp();
    await storeTinyWithPlan(t, WEEK, "plan-1");
    await storeTinyWithPlan(t, MOVED, "plan-2");
    await t.app.inject({ method: "POST", url: "/api/v1/plans/plan-1/publish", headers: AUTH });
    reads = new Map();
    const counted = withLatestPublication(t.store, (read, scenarioId) => {
      reads.set(scenarioId, (reads.get(scenarioId) ?? 0) + 1);
      return read(scenarioId);
    });
    clock = 0;
    plans = new PublishedPlans(counted, { latestMaxAgeMs: 1000, now: () => clock });
  });
  afterAll(async () => t.close());

  it("reads once per max age, shows another process's publication after it, and its own at once", async () => {
    const id = tinyScenario.id;
    expect((await plans.get(id))?.latest.planId).toBe("plan-1");
    clock = 999;
    await plans.get(id);
    expect(reads.get(id)).toBe(1);
    // plan-2 published by another process (straight into the shared store)
    await publishDirectly(t.store, "pub-2", "plan-2", "2026-07-01T00:00:00Z");
    expect((await plans.get(id))?.latest.planId).toBe("plan-1");
    clock = 1000;
    expect((await plans.get(id))?.latest.planId).toBe("plan-2");
    expect(reads.get(id)).toBe(2);
    // this process publishes: the next read goes to the store whatever the clock says
    await publishDirectly(t.store, "pub-3", "plan-1", "2026-07-01T00:01:00Z");
    plans.forgetLatest(id);
    expect((await plans.get(id))?.latest.id).toBe("pub-3");
    expect(reads.get(id)).toBe(3);
  });

  it("answers unknown and unpublished scenarios from the store every time, remembering nothing", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await plans.get("no-such-scenario")).toBeUndefined();
      expect(await plans.get(`stranger-${i}`)).toBeUndefined();
    }
    expect(reads.get("no-such-scenario")).toBe(3);
    expect(reads.get("stranger-0")).toBe(1);
  });

  it("does not keep a read that began before this process published", async () => {
    const id = tinyScenario.id;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let slowReads = 0;
    const slow = withLatestPublication(t.store, async (read, scenarioId) => {
      slowReads += 1;
      const latest = await read(scenarioId);
      if (slowReads === 2) await gate;
      return latest;
    });
    let slowClock = 0;
    const slowPlans = new PublishedPlans(slow, { latestMaxAgeMs: 1000, now: () => slowClock });
    const old = (await slowPlans.get(id))?.latest.id;
    slowClock = 1000;
    const before = slowPlans.get(id);
    await publishDirectly(t.store, "pub-4", "plan-2", "2026-07-01T00:02:00Z");
    slowPlans.forgetLatest(id);
    release();
    expect((await before)?.latest.id).toBe(old);
    expect((await slowPlans.get(id))?.latest.id).toBe("pub-4");
    expect(slowReads).toBe(3);
  });
});
