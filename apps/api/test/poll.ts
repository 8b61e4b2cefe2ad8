/**
 * Reads `read()` until `done` holds of what it returns, at most `tries` more times, `intervalMs`
 * apart; returns the last value read. A bounded wait for something another process finishes a
 * moment later (a queue row, a log line through a pipe), never a timing assertion: the caller
 * asserts on the value.
 */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  tries: number,
  intervalMs: number,
): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
