/**
 * A set of small integers (stops, routes) that empties in O(1): a member is an index marked
 * with the current stamp. The search asks "seen already?" for every visit of every walk; a new
 * Set each time was a sizeable share of the garbage on 5,000 stops.
 */
export class StampSet {
  private readonly at: Float64Array;
  private stamp = 1;

  constructor(size: number) {
    this.at = new Float64Array(size);
  }

  /** empties the set */
  clear(): void {
    this.stamp++;
  }

  /** whether `x` is in */
  has(x: number): boolean {
    return this.at[x] === this.stamp;
  }

  /** adds `x`; false when it was already in */
  add(x: number): boolean {
    if (this.at[x] === this.stamp) return false;
    this.at[x] = this.stamp;
    return true;
  }
}
