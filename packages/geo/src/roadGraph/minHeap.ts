/**
 * A binary min-heap of (key, node) pairs on typed arrays: the priority queue of Dijkstra.
 * No objects per entry and no comparator callbacks, so pushes and pops stay allocation-free.
 * Duplicates are allowed (Dijkstra uses lazy deletion: it skips stale entries on pop).
 */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  /** entries in the heap */
  size = 0;
  /** key of the entry the last `pop` returned */
  poppedKey = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.nodes = new Int32Array(Math.max(1, capacity));
  }

  /** Empty the heap, keeping its storage. */
  clear(): void {
    this.size = 0;
  }

  /** Add `node` with priority `key`; grows the storage when full. */
  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Remove and return the node with the smallest key (its key goes to `poppedKey`). Heap must be non-empty. */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    this.poppedKey = keys[0]!;
    const size = --this.size;
    if (size > 0) {
      const lastKey = keys[size]!;
      const lastNode = nodes[size]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
