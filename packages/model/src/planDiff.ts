/**
 * What changes from plan `a` to plan `b`: caregivers and value in total, per locality and per
 * zone; stops visited by one and not the other; visits that moved (a stop's visit that is not
 * in `b` on the same bus, date and start); and travel. The CLI's `diff`, the API's diff route,
 * the planner page and the re-planner's "visits moved" count all read this one comparison.
 *
 * Visits are matched per stop: first those in the same place in both plans (same bus and date,
 * starts less than a minute apart), then the rest of the stop's visits pair up in date and time order; an
 * unpaired visit of `a` moved to nowhere (`to: null`), an unpaired visit of `b` is new
 * (`from: null`).
 */
import type { Plan } from "./plan.js";
import type { Zone } from "./scenario.js";

/** One visit's place in a plan: which bus, which date, service start (local HH:MM). */
export interface VisitSlot {
  busId: string;
  date: string;
  start: string;
}

/** A visit of `stopId` that is not where it was: `from` in plan a, `to` in plan b. */
export interface VisitMove {
  stopId: string;
  from: VisitSlot | null;
  to: VisitSlot | null;
}

/** A quantity in both plans and the change (b − a). */
export interface Delta {
  a: number;
  b: number;
  delta: number;
}

/** The comparison of two plans. */
export interface PlanDiff {
  /** true when every visit is in the same place and the totals match */
  same: boolean;
  caregivers: Delta;
  value: Delta;
  visits: Delta;
  travelMinutes: Delta;
  km: Delta;
  byLocality: Array<{ locality: string; caregivers: Delta; value: Delta }>;
  byZone: Array<{ zone: Zone; caregivers: Delta; value: Delta }>;
  /** stops `b` visits and `a` does not, sorted */
  stopsAdded: string[];
  /** stops `a` visits and `b` does not, sorted */
  stopsRemoved: string[];
  /** visits of `a` not kept in `b` (moved or dropped) and visits new in `b`, by stop then time */
  moves: VisitMove[];
  /** visits of `a` that are not in `b` as they were (= moves with a `from`) */
  movedVisits: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const delta = (a: number, b: number): Delta => ({ a: r3(a), b: r3(b), delta: r3(b - a) });

/** "HH:MM" of a local ISO date-time such as 2026-11-24T08:30:15-05:00. */
function clockOf(dateTime: string): string {
  return dateTime.slice(11, 16);
}

/** A visit's slot and its start in seconds of the day (plans store times to the second). */
interface TimedSlot {
  slot: VisitSlot;
  second: number;
}

function secondOfDay(dateTime: string): number {
  const [h, m, s] = dateTime.slice(11, 19).split(":").map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

function slotsByStop(plan: Pick<Plan, "routes">): Map<string, TimedSlot[]> {
  const out = new Map<string, TimedSlot[]>();
  for (const route of plan.routes) {
    for (const visit of route.visits) {
      const list = out.get(visit.stopId) ?? [];
      list.push({
        slot: { busId: route.busId, date: route.date, start: clockOf(visit.serviceStart) },
        second: secondOfDay(visit.serviceStart),
      });
      out.set(visit.stopId, list);
    }
  }
  for (const list of out.values()) list.sort((x, y) => x.slot.date.localeCompare(y.slot.date) || x.second - y.second);
  return out;
}

/** Same bus and date, and a start less than a minute apart (re-timing to the second is not a move). */
const sameSlot = (x: TimedSlot, y: TimedSlot) =>
  x.slot.busId === y.slot.busId && x.slot.date === y.slot.date && Math.abs(x.second - y.second) < 60;

function byKey<K extends string>(
  a: ReadonlyArray<{ caregivers: number; value: number } & Record<string, unknown>>,
  b: ReadonlyArray<{ caregivers: number; value: number } & Record<string, unknown>>,
  key: K,
): Array<Record<K, string> & { caregivers: Delta; value: Delta }> {
  const names = [...new Set([...a, ...b].map((x) => x[key] as string))];
  const find = (list: typeof a, name: string) => list.find((x) => x[key] === name) ?? { caregivers: 0, value: 0 };
  return names
    .map((name) => {
      const x = find(a, name);
      const y = find(b, name);
      return { [key]: name, caregivers: delta(x.caregivers, y.caregivers), value: delta(x.value, y.value) } as Record<
        K,
        string
      > & { caregivers: Delta; value: Delta };
    })
    .sort((p, q) => Math.abs(q.value.delta) - Math.abs(p.value.delta) || p[key].localeCompare(q[key]));
}

/** How plan `b` differs from plan `a`. */
export function diffPlans(a: Pick<Plan, "routes" | "totals">, b: Pick<Plan, "routes" | "totals">): PlanDiff {
  const slotsA = slotsByStop(a);
  const slotsB = slotsByStop(b);
  const moves: VisitMove[] = [];
  for (const stopId of [...new Set([...slotsA.keys(), ...slotsB.keys()])].sort()) {
    const left = [...(slotsA.get(stopId) ?? [])];
    const right = [...(slotsB.get(stopId) ?? [])];
    for (let i = left.length - 1; i >= 0; i--) {
      const j = right.findIndex((y) => sameSlot(left[i]!, y));
      if (j >= 0) {
        left.splice(i, 1);
        right.splice(j, 1);
      }
    }
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) moves.push({ stopId, from: left[i]?.slot ?? null, to: right[i]?.slot ?? null });
  }
  const visitedA = new Set(slotsA.keys());
  const visitedB = new Set(slotsB.keys());
  const ta = a.totals;
  const tb = b.totals;
  const movedVisits = moves.filter((m) => m.from !== null).length;
  const totalsSame =
    r3(ta.value) === r3(tb.value) && r3(ta.caregiversReached) === r3(tb.caregiversReached) && r3(ta.km) === r3(tb.km);
  return {
    same: moves.length === 0 && totalsSame,
    caregivers: delta(ta.caregiversReached, tb.caregiversReached),
    value: delta(ta.value, tb.value),
    visits: delta(ta.visits, tb.visits),
    travelMinutes: delta(ta.travelMinutes, tb.travelMinutes),
    km: delta(ta.km, tb.km),
    byLocality: byKey(ta.byLocality, tb.byLocality, "locality"),
    byZone: byKey(ta.byZone, tb.byZone, "zone") as PlanDiff["byZone"],
    stopsAdded: [...visitedB].filter((s) => !visitedA.has(s)).sort(),
    stopsRemoved: [...visitedA].filter((s) => !visitedB.has(s)).sort(),
    moves,
    movedVisits,
  };
}
