/**
 * A few numbers that one thread writes and another reads while both run: each is stored as its
 * 64 bits through Atomics, so a reader never sees half of a write (plain Float64Array accesses
 * from two threads may tear).
 */
export class SharedNumbers {
  readonly buffer: SharedArrayBuffer;
  private readonly bits: BigInt64Array;
  // one scratch word to move a float's bits in and out of the shared array
  private readonly scratch = new Float64Array(1);
  private readonly scratchBits = new BigInt64Array(this.scratch.buffer);

  /** `size` new numbers (all 0), or a view on the buffer another thread created */
  constructor(source: number | SharedArrayBuffer) {
    this.buffer = typeof source === "number" ? new SharedArrayBuffer(source * 8) : source;
    this.bits = new BigInt64Array(this.buffer);
  }

  get(i: number): number {
    this.scratchBits[0] = Atomics.load(this.bits, i);
    return this.scratch[0]!;
  }

  set(i: number, value: number): void {
    this.scratch[0] = value;
    Atomics.store(this.bits, i, this.scratchBits[0]!);
  }
}
