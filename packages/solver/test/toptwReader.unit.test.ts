/**
 * The TOPTW reader against the literature: every published m = 1 route of Righini & Salani
 * (../shared/benchdata/toptw/reference-solutions-m1.csv) replays on the Instance built by
 * readToptw — with a small time propagation written here, not the solver's — to exactly the
 * printed service start times and score. A small file written here, with a route replayed by
 * hand, keeps the reading conventions tested where that data is absent. Also the reader's
 * errors name the line.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readToptw, type Instance } from "@carebus/solver";
import { benchdataPath, describeWithBenchdata } from "@carebus/testkit";

const REFERENCE = "toptw/reference-solutions-m1.csv";

/** start times of a customer sequence (file numbering) and the return time, from time 0 */
function replay(inst: Instance, customers: number[]): { starts: number[]; back: number; score: number; ok: boolean } {
  const n = inst.nLocations;
  const depot = inst.routes[0]!.depot;
  let place = depot;
  let time = inst.routes[0]!.shiftStart;
  let ok = true;
  let score = 0;
  const starts: number[] = [];
  for (const id of customers) {
    const s = id - 1;
    const start = Math.max(time + inst.travel[place * n + s]!, inst.windowOpen[s]!);
    if (start > inst.windowClose[s]! + 1e-9) ok = false;
    starts.push(start);
    score += inst.groupValue[s]!;
    time = start + inst.dwell[s]!;
    place = s;
  }
  const back = time + inst.travel[place * n + depot]!;
  if (back > inst.routes[0]!.shiftEnd + 1e-9) ok = false;
  return { starts, back, score, ok };
}

describeWithBenchdata("readToptw on the Solomon 100-customer files", [REFERENCE], () => {
  const rows = readFileSync(benchdataPath(REFERENCE), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  it.each(rows.map((r) => [r[1]!, r]))("replays the published optimal route of %s", (_name, row) => {
    const [set, name, , score, , route, starts, back] = row as string[];
    const inst = readToptw(readFileSync(benchdataPath("toptw", set!, `${name}.txt`), "utf8"), {
      name: name!,
      vehicles: 1,
    });
    expect(inst.nStops).toBe(100);
    expect(inst.nLocations).toBe(101);
    const customers = route!.split(" ").map(Number);
    const got = replay(inst, customers);
    expect(got.ok).toBe(true);
    expect(got.score).toBe(Number(score));
    const printed = starts!.split(" ").map(Number);
    got.starts.forEach((s, i) => {
      expect(s).toBeCloseTo(printed[i]!, 6);
    });
    expect(got.back).toBeCloseTo(Number(back), 6);
  });
});

const TINY = `4 1 2 1
0 200
  0 0 0 0 0 0 0 0 100
  1 3 4 5 10 1 1 1 0 50
  2 6 8 5 20 1 2 1 2 10 60
`;

/**
 * Three customers in the Solomon-based layout (`i x y d S f a list O C`, depot first). By hand,
 * with travel = floor(10·distance)/10: depot (10,10) → customer 1 (11,11) is √2 → 1.4, arriving
 * before its window opens at 20, so service starts at 20 and ends at 30; 1 → customer 2 (14,15)
 * is 5.0, service 35–45; 2 → depot is √41 = 6.40… → 6.4, back at 51.4. Customer 3 (50,50) is
 * 56.5 away and closes at 10: out of reach. Score 5 + 7 = 12.
 */
const HAND = `0 1 3 0
0 0
0 10 10 0 0 0 0 0 200
1 11 11 10 5 1 1 1 20 50
2 14 15 10 7 1 1 1 0 100
3 50 50 5 9 1 1 1 0 10
`;

describe("readToptw", () => {
  it("reads a hand-written file by the literature's conventions: a route replays to the hand-computed times", () => {
    const inst = readToptw(HAND, { name: "hand", vehicles: 1 });
    expect(inst.nStops).toBe(3);
    expect(inst.routes[0]).toMatchObject({ depot: 3, shiftStart: 0, shiftEnd: 200 });
    const got = replay(inst, [1, 2]);
    expect(got.ok).toBe(true);
    expect(got.starts).toEqual([20, 35]);
    expect(got.back).toBeCloseTo(51.4, 9);
    expect(got.score).toBe(12);
    expect(replay(inst, [3]).ok).toBe(false);
  });

  it("builds the TOPTW special case: depot last, windows as latest starts, one group per customer", () => {
    const inst = readToptw(TINY, { name: "tiny", vehicles: 2 });
    expect(inst.nStops).toBe(2);
    expect(inst.routes).toHaveLength(2);
    expect(inst.routes[0]).toMatchObject({
      depot: 2,
      shiftStart: 0,
      shiftEnd: 100,
      setupMinutes: 0,
      lunch: null,
      day: 0,
    });
    expect([...inst.windowOpen]).toEqual([0, 10]);
    expect([...inst.windowClose]).toEqual([50, 60]);
    expect([...inst.groupValue]).toEqual([10, 20]);
    // depot (0,0) to customer 1 (3,4): 5; customer 1 to 2 (6,8): 5; depot to 2: 10
    expect(inst.travel[2 * 3 + 0]).toBe(5);
    expect(inst.travel[0 * 3 + 1]).toBe(5);
    expect(inst.travel[2 * 3 + 1]).toBe(10);
  });

  it("truncates, rounds or keeps distances as asked", () => {
    const text = "4 1 1 1\n0 200\n0 0 0 0 0 0 0 0 100\n1 1 1 0 1 1 1 1 0 50\n";
    const d = (distance: "trunc1" | "trunc2" | "round2" | "exact") =>
      readToptw(text, { name: "x", vehicles: 1, distance }).travel[1 * 2 + 0]!;
    expect(d("trunc1")).toBe(1.4);
    expect(d("trunc2")).toBe(1.41);
    expect(d("round2")).toBe(1.41);
    expect(d("exact")).toBeCloseTo(Math.SQRT2, 12);
  });

  it("names the line of a vertex with a non-numeric field", () => {
    const bad = TINY.replace("  2 6 8 5 20", "  2 6 x 5 20");
    expect(() => readToptw(bad, { name: "bad", vehicles: 1 })).toThrow(
      expect.objectContaining({ code: "CAREBUS_TOPTW_INVALID", line: 5 }),
    );
  });

  it("rejects a file with fewer vertex lines than its header announces", () => {
    const short = TINY.split("\n").slice(0, 4).join("\n");
    expect(() => readToptw(short, { name: "short", vehicles: 1 })).toThrow(
      expect.objectContaining({ code: "CAREBUS_TOPTW_INVALID" }),
    );
  });

  it("rejects a window that closes before it opens, naming its line", () => {
    const bad = TINY.replace("1 1 1 0 50", "1 1 1 60 50");
    expect(() => readToptw(bad, { name: "bad", vehicles: 1 })).toThrow(expect.objectContaining({ line: 4 }));
  });

  it("rejects a non-positive vehicle count", () => {
    expect(() => readToptw(TINY, { name: "tiny", vehicles: 0 })).toThrow(
      expect.objectContaining({ code: "CAREBUS_TOPTW_INVALID" }),
    );
  });
});
