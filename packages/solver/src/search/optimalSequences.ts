/**
 * Route sequences already found intra-route optimal (no improving or-opt or 2-opt move), by
 * content. The version check of localSearch knows only the route object it walked; a ruin that
 * takes visits out and a recreate that puts them back where they were make a new version of an
 * old sequence, and the walk to prove it optimal again costs O(3·n²) travel deltas. On cold
 * Solomon runs 16–56% of the intra-route calls meet a sequence seen before (r202 m = 2 and rc104
 * m = 3, 3,000 iterations).
 *
 * The intra-route neighbourhoods read only the route's own sequence (its caches follow from it),
 * the route's settings and the solve's pins, so a memo per search and route is exact. It is a
 * direct-mapped table of 53-bit hashes: an entry overwritten by another sequence costs a walk,
 * and two sequences of one route sharing a hash (about 2^-53 per lookup) would skip one.
 */

const SLOTS_LOG2 = 16;

export class OptimalSequences {
  private readonly keys = new Float64Array(1 << SLOTS_LOG2);

  /** whether route r's `seq` was recorded */
  has(r: number, seq: readonly number[]): boolean {
    const [slot, key] = hash(r, seq);
    return this.keys[slot] === key;
  }

  /** records route r's `seq` as intra-route optimal */
  add(r: number, seq: readonly number[]): void {
    const [slot, key] = hash(r, seq);
    this.keys[slot] = key;
  }
}

const out: [number, number] = [0, 0];

/** [slot, key]: three independent 32-bit multiplicative hashes of (r, length, stops) */
function hash(r: number, seq: readonly number[]): [number, number] {
  let a = Math.imul(0x811c9dc5 ^ r, 0x01000193);
  let b = Math.imul(0x9e3779b9 ^ seq.length, 0x85ebca6b) ^ r;
  let c = Math.imul(0x27d4eb2f ^ r, 0x165667b1) ^ seq.length;
  for (let k = 0; k < seq.length; k++) {
    const v = seq[k]!;
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ (v + 0x7f4a7c15), 0xc2b2ae35);
    b ^= b >>> 15;
    c = Math.imul(c + v, 0x9e3779b1);
    c ^= c >>> 13;
  }
  a ^= a >>> 16;
  // 32 bits of a and 21 of b make the key (a double holds 53 bits exactly)
  out[0] = (c >>> 0) & ((1 << SLOTS_LOG2) - 1);
  out[1] = (a >>> 0) * 2 ** 21 + (b & 0x1fffff);
  return out;
}
