import type { StopItem } from "../shared/types.js";

/**
 * Up to two places to suggest in the search box: the neighbourhood of the stop with the most
 * visits and a locality with another served stop. Every suggestion names a served stop, so
 * searching for it always finds one.
 */
export function searchExamples(stops: readonly StopItem[]): string[] {
  const ranked = [...stops].sort(
    (a, b) => b.nextVisits.length - a.nextVisits.length || a.stopId.localeCompare(b.stopId),
  );
  const first = ranked.find((s) => s.neighbourhood);
  const second = ranked.find((s) => s !== first && s.locality && s.locality !== first?.locality);
  return [first?.neighbourhood, second?.locality].filter((p): p is string => Boolean(p));
}
