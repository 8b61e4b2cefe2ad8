/**
 * Parsing of list-valued command-line flags ("1,2,4", "1..4", "0.2,1,5"), shared by the suites
 * so every flag reports a bad value the same way: naming the flag and what is wrong.
 */

/**
 * A list of numbers from "a,b,c" with optional integer ranges "a..b".
 * @throws Error naming `flag` when an item is not a number or a range is reversed
 * @example parseNumberList("1..3,5", "--toptw-m") // [1, 2, 3, 5]
 */
export function parseNumberList(text: string, flag: string): number[] {
  const values: number[] = [];
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const range = /^(\d+)\.\.(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) throw new Error(`${flag}: range "${item}" runs backwards`);
      for (let v = from; v <= to; v++) values.push(v);
      continue;
    }
    const value = Number(item);
    if (!Number.isFinite(value)) throw new Error(`${flag}: "${item}" is not a number`);
    values.push(value);
  }
  if (values.length === 0) throw new Error(`${flag}: expected a comma-separated list of numbers, got "${text}"`);
  return values;
}

/** A list of names from "a,b,c" (empty items dropped). @throws Error naming `flag` when empty */
export function parseNameList(text: string, flag: string): string[] {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) throw new Error(`${flag}: expected a comma-separated list, got "${text}"`);
  return names;
}

/** A positive number from a flag. @throws Error naming `flag` otherwise */
export function parsePositive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag}: must be a positive number, got "${text}"`);
  return value;
}
