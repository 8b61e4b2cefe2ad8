/**
 * `array` in shared memory, so a worker thread it is posted to reads it in place: the array
 * itself when it already is, else a copy.
 */
export function sharedCopy<T extends Int32Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/**
 * A zeroed `size` × `size` matrix in shared memory. Travel minutes are built in one, so the
 * bound's worker thread reads the solve's matrix in place instead of a second copy of it (at
 * 5,000 stops that copy was 250 MB of the solve's peak memory).
 */
export function sharedMatrix(size: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * size * size));
}
