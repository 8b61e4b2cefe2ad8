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
