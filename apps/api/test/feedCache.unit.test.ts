/**
 * Issue 17, the feed cache bypass. Before: the cache key held the raw URL and the Host header,
 * so every new percent-encoding of a stop id or new Host forced a render (24–95 ms on Bogotá),
 * and the cache was cleared whole at 5,000 entries, evicting real subscribers. Now the key is
 * what the feed is, and the cache is a bounded LRU. The flood below (distinct encodings, Host
 * values, locality spellings and unknown ids, seeded) must cause no render beyond the feeds
 * that really exist, and the subscribers' feeds must stay cached. The mechanism is asserted
 * (renders and hits counted by the cache, shown on /health); the /health latency under the
 * same flood is measured in benchmarks/src/serverLoad.ts, not here.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, WEEK, createTestApp, storeTinyWithPlan, type TestApp } from "./helpers.js";

const FLOOD = 3000;

async function publishedApp(config: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp(config);
  await storeTinyWithPlan(t, WEEK, "plan-1");
  const res = await t.app.inject({ method: "POST", url: "/api/v1/plans/plan-1/publish", headers: AUTH });
  if (res.statusCode !== 201) throw new Error(res.body);
  return t;
}

async function cacheStats(t: TestApp): Promise<{ renders: number; hits: number; entries: number; bytes: number }> {
  return (await t.app.inject("/health")).json().feedCache;
}

/** "s-usme" with a random subset of its characters percent-encoded (%73-%75sme…). */
const arbEncodingOf = (id: string) =>
  fc
    .array(fc.boolean(), { minLength: id.length, maxLength: id.length })
    .map((flags) =>
      [...id].map((c, i) => (flags[i] ? `%${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c)).join(""),
    );

const SUBSCRIBED = [
  "/calendars/stops/s-usme.ics",
  "/calendars/stops/s-bosa.ics",
  "/calendars/buses/b1.ics",
  "/calendars/localities/Usme.ics",
];

describe("a cache-busting flood", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await publishedApp();
  });
  afterAll(async () => t.close());

  it(`renders nothing new for ${FLOOD} distinct encodings, Host values and unknown ids, and keeps subscribers cached`, async () => {
    const bodies = new Map<string, string>();
    for (const url of SUBSCRIBED) bodies.set(url, (await t.app.inject(url)).body);
    const before = await cacheStats(t);
    expect(before.renders).toBe(SUBSCRIBED.length);

    const arbFlood = fc.record({
      url: fc.oneof(
        arbEncodingOf("s-usme").map((id) => `/calendars/stops/${id}.ics`),
        arbEncodingOf("s-bosa").map((id) => `/calendars/stops/${id}.ics?scenarioId=api-tiny`),
        arbEncodingOf("b1").map((id) => `/calendars/buses/${id}.ics`),
        fc.constantFrom("USME", "usme", "Usmé", "%55sme", "u%73me").map((l) => `/calendars/localities/${l}.ics`),
        fc.string({ minLength: 1, maxLength: 12 }).map((id) => `/calendars/stops/${encodeURIComponent(id)}x.ics`),
      ),
      host: fc.oneof(
        fc.domain(),
        fc.ipV4().map((ip) => `${ip}:8080`),
      ),
    });
    // a new Host on every request
    const flood = fc.sample(arbFlood, { seed: 17, numRuns: FLOOD }).map((r, i) => ({ ...r, host: `n${i}.${r.host}` }));
    const statuses = new Map<number, number>();
    for (const { url, host } of flood) {
      const res = await t.app.inject({ url, headers: { host } });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.body).not.toContain(host);
    }
    expect(statuses.get(200) ?? 0).toBeGreaterThan(FLOOD / 2);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);

    const after = await cacheStats(t);
    // every 200 of the flood was a cache hit: not one render, not one new entry
    expect(after.renders).toBe(before.renders);
    expect(after.entries).toBe(SUBSCRIBED.length);
    expect(after.hits - before.hits).toBe(statuses.get(200));
    // the subscribers' feeds are still there, byte for byte, without a render
    for (const url of SUBSCRIBED) expect((await t.app.inject(url)).body).toBe(bodies.get(url));
    expect((await cacheStats(t)).renders).toBe(before.renders);
  });
});

describe("the bounded LRU", () => {
  it("evicts the least recently used feed, never everything at once", async () => {
    const t = await publishedApp({ config: { feedCacheEntries: 2 } });
    try {
      const renders = async () => (await cacheStats(t)).renders;
      const [usme, bosa, tunal] = ["s-usme", "s-bosa", "s-tunal"].map((s) => `/calendars/stops/${s}.ics`) as [
        string,
        string,
        string,
      ];
      await t.app.inject(usme);
      await t.app.inject(bosa);
      await t.app.inject(usme); // usme is now the most recently used
      expect(await renders()).toBe(2);
      await t.app.inject(tunal); // evicts bosa, the least recently used
      expect((await cacheStats(t)).entries).toBe(2);
      await t.app.inject(usme);
      expect(await renders()).toBe(3);
      await t.app.inject(bosa);
      expect(await renders()).toBe(4);
    } finally {
      await t.close();
    }
  });

  it("holds no more bytes than its limit", async () => {
    const t = await publishedApp();
    const feedBytes = (await t.app.inject("/calendars/stops/s-usme.ics")).rawPayload.length;
    await t.close();
    const small = await publishedApp({ config: { feedCacheBytes: Math.floor(feedBytes * 1.5) } });
    try {
      for (const stop of ["s-usme", "s-bosa", "s-tunal"]) await small.app.inject(`/calendars/stops/${stop}.ics`);
      const stats = await cacheStats(small);
      expect(stats.bytes).toBeLessThanOrEqual(Math.floor(feedBytes * 1.5));
      expect(stats.entries).toBe(1);
    } finally {
      await small.close();
    }
  });
});
