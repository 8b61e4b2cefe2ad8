/**
 * The `Store` contract, run unchanged against both implementations: SQLite (the embedded
 * default) and PostgreSQL (a real server, started once for the run by postgres/globalSetup.ts).
 * What the server relies on: immutable scenarios, finished plans never changed again,
 * publications idempotent for the latest plan (also under concurrent publishing), history
 * order, and values read back exactly as written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioHash } from "@carebus/model";
import { openSqliteStore, ScenarioExistsError, type PlanRecord, type Store } from "../src/index.js";
import { openPostgresStore } from "../src/store/postgresStore.js";
import { tinyPlan, tinyScenario, WEEK } from "./helpers.js";
import { createTestDatabase, type TestDatabase } from "./postgres/testDatabase.js";

interface StoreUnderTest {
  store: Store;
  dispose(): Promise<void>;
}

const IMPLEMENTATIONS: Record<string, () => Promise<StoreUnderTest>> = {
  sqlite: async () => {
    const dir = mkdtempSync(join(tmpdir(), "carebus-contract-"));
    const store = openSqliteStore(dir);
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  postgres: async () => {
    const database: TestDatabase = await createTestDatabase();
    const store = await openPostgresStore(database.url);
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  },
};

const scenarioRecord = (id = tinyScenario.id, name = tinyScenario.name) => {
  const scenario = { ...tinyScenario, id, name };
  return {
    id,
    name,
    hash: scenarioHash(scenario),
    scenario,
    baseDir: null,
    createdAt: "2026-07-01T10:00:00.000Z",
  };
};

const planRecord = (id: string, overrides: Partial<PlanRecord> = {}): PlanRecord => ({
  id,
  scenarioId: tinyScenario.id,
  scenarioHash: scenarioHash(tinyScenario),
  options: { timeLimitSeconds: 2, seed: 7 },
  status: "queued",
  error: null,
  plan: null,
  createdAt: "2026-07-01T10:05:00.000Z",
  finishedAt: null,
  ...overrides,
});

describe.each(Object.keys(IMPLEMENTATIONS))("Store contract: %s", (kind) => {
  let sut: StoreUnderTest;
  let store: Store;
  beforeAll(async () => {
    sut = await IMPLEMENTATIONS[kind]!();
    store = sut.store;
    await store.insertScenario(scenarioRecord());
  });
  afterAll(async () => {
    await sut.dispose();
  });

  it("stores a scenario once, reads it back exactly, and refuses different content under its id", async () => {
    expect(await store.insertScenario(scenarioRecord())).toBe(false);
    const read = await store.getScenario(tinyScenario.id);
    expect(read).toEqual(scenarioRecord());
    await expect(store.insertScenario(scenarioRecord(tinyScenario.id, "otro nombre"))).rejects.toBeInstanceOf(
      ScenarioExistsError,
    );
    expect(await store.getScenario("missing")).toBeUndefined();
    expect(await store.hasScenario(tinyScenario.id)).toBe(true);
    expect(await store.hasScenario("missing")).toBe(false);
  });

  it("lists scenarios by creation time with their published plan", async () => {
    expect(await store.insertScenario({ ...scenarioRecord("zz-later"), createdAt: "2026-07-02T00:00:00.000Z" })).toBe(
      true,
    );
    const list = await store.listScenarios();
    expect(list.map((s) => s.id)).toEqual([tinyScenario.id, "zz-later"]);
    expect(list[1]).toEqual({
      id: "zz-later",
      name: tinyScenario.name,
      createdAt: "2026-07-02T00:00:00.000Z",
      publishedPlanId: null,
    });
  });

  it("runs a plan through queued → running → done and never changes it afterwards", async () => {
    await store.insertPlan(planRecord("p-life"));
    expect(await store.updatePlan("p-life", { status: "running" })).toBe(true);
    expect((await store.getPlan("p-life"))?.status).toBe("running");
    const plan = tinyPlan(WEEK);
    expect(
      await store.updatePlan("p-life", { status: "done", plan, error: null, finishedAt: "2026-07-01T10:06:00.000Z" }),
    ).toBe(true);
    // A second run of the same job (a worker thought dead) finishes later: nothing changes.
    expect(
      await store.updatePlan("p-life", {
        status: "failed",
        plan: null,
        error: "late",
        finishedAt: "2026-07-01T11:00:00.000Z",
      }),
    ).toBe(false);
    const read = await store.getPlan("p-life");
    expect(read).toMatchObject({
      id: "p-life",
      status: "done",
      error: null,
      plan,
      options: { timeLimitSeconds: 2, seed: 7 },
      createdAt: "2026-07-01T10:05:00.000Z",
      finishedAt: "2026-07-01T10:06:00.000Z",
    });
    expect(await store.updatePlan("missing", { status: "running" })).toBe(false);
    expect(await store.getPlan("missing")).toBeUndefined();
  });

  it("lists a scenario's plans newest first, with the value, visits and base plan of each", async () => {
    await store.insertPlan(
      planRecord("p-list-base", { status: "done", plan: tinyPlan(WEEK), createdAt: "2026-07-03T08:00:00.000Z" }),
    );
    await store.insertPlan(
      planRecord("p-list-replan", {
        options: { basePlanId: "p-list-base", changes: { exclude: { stops: ["s-bosa"] } } },
        createdAt: "2026-07-03T09:00:00.000Z",
      }),
    );
    const list = await store.listPlans(tinyScenario.id);
    expect(list.slice(0, 2)).toEqual([
      {
        id: "p-list-replan",
        status: "queued",
        createdAt: "2026-07-03T09:00:00.000Z",
        finishedAt: null,
        value: null,
        visits: null,
        basePlanId: "p-list-base",
      },
      {
        id: "p-list-base",
        status: "done",
        createdAt: "2026-07-03T08:00:00.000Z",
        finishedAt: null,
        value: 30,
        visits: 3,
        basePlanId: null,
      },
    ]);
    expect(await store.listPlans("missing")).toEqual([]);
  });

  it("keeps the error and finish time of a failed plan; a cancelled queued plan stays cancelled", async () => {
    await store.insertPlan(planRecord("p-fail"));
    await store.updatePlan("p-fail", { status: "failed", error: "boom", finishedAt: "2026-07-01T10:07:00.000Z" });
    expect(await store.getPlan("p-fail")).toMatchObject({ status: "failed", error: "boom", plan: null });
    await store.insertPlan(planRecord("p-cancel"));
    await store.updatePlan("p-cancel", { status: "cancelled", finishedAt: "2026-07-01T10:08:00.000Z" });
    expect(await store.updatePlan("p-cancel", { status: "running" })).toBe(false);
    expect((await store.getPlan("p-cancel"))?.status).toBe("cancelled");
  });

  it("publishes idempotently: the latest plan again gives the same publication, history in order", async () => {
    await store.insertPlan(planRecord("pub-a", { status: "done", plan: tinyPlan(WEEK) }));
    await store.insertPlan(planRecord("pub-b", { status: "done", plan: tinyPlan(WEEK.slice(1)) }));
    const at = (minute: number) => `2026-07-01T12:${String(minute).padStart(2, "0")}:00.000Z`;
    const first = { id: "x1", scenarioId: tinyScenario.id, planId: "pub-a", publishedAt: at(1) };
    expect(await store.insertPublication(first)).toEqual(first);
    expect(
      await store.insertPublication({ id: "x2", scenarioId: tinyScenario.id, planId: "pub-a", publishedAt: at(2) }),
    ).toEqual(first);
    const second = { id: "x3", scenarioId: tinyScenario.id, planId: "pub-b", publishedAt: at(3) };
    expect(await store.insertPublication(second)).toEqual(second);
    // Going back to an earlier plan is a real change, so it is a new publication.
    const third = { id: "x4", scenarioId: tinyScenario.id, planId: "pub-a", publishedAt: at(4) };
    expect(await store.insertPublication(third)).toEqual(third);
    expect((await store.listPublications(tinyScenario.id)).map((p) => p.id)).toEqual(["x1", "x3", "x4"]);
    expect(await store.latestPublication(tinyScenario.id)).toEqual(third);
    expect(await store.latestPublication("zz-later")).toBeUndefined();
    expect((await store.listScenarios()).find((s) => s.id === tinyScenario.id)?.publishedPlanId).toBe("pub-a");
  });

  it("gives one publication when the same plan is published many times at once", async () => {
    await store.insertPlan(planRecord("pub-race", { status: "done", plan: tinyPlan(WEEK) }));
    const before = (await store.listPublications(tinyScenario.id)).length;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.insertPublication({
          id: `race-${i}`,
          scenarioId: tinyScenario.id,
          planId: "pub-race",
          publishedAt: `2026-07-01T13:00:0${i}.000Z`,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await store.listPublications(tinyScenario.id)).length).toBe(before + 1);
  });

  it("issue 12: numbers each scenario's plans in the order they were started", async () => {
    await store.insertScenario(scenarioRecord("numbering", "numbering"));
    for (const [id, minute] of [
      ["n-first", "01"],
      ["n-second", "02"],
      ["n-third", "03"],
    ] as const)
      await store.insertPlan(
        planRecord(id, {
          scenarioId: "numbering",
          createdAt: `2026-07-02T10:${minute}:00.000Z`,
          status: "failed",
          error: "stopped",
          finishedAt: `2026-07-02T10:${minute}:30.000Z`,
        }),
      );
    expect(await store.planNumber("n-first")).toBe(1);
    expect(await store.planNumber("n-second")).toBe(2);
    expect(await store.planNumber("n-third")).toBe(3);
    expect(await store.planNumber("no-such-plan")).toBeUndefined();
  });

  it("marks unfinished plans failed with the reason (single-process restarts)", async () => {
    await store.insertPlan(planRecord("p-left"));
    const count = await store.failUnfinishedPlans("interrupted", "2026-07-01T14:00:00.000Z");
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await store.getPlan("p-left")).toMatchObject({ status: "failed", error: "interrupted" });
  });
});
