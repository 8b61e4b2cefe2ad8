/**
 * JSON text for committed data files: indented like `JSON.stringify(v, null, 2)`, except that
 * small flat objects and arrays (a demand point with its indicators, a time window, a list of weekdays) stay on one
 * line. Several thousand demand points then take one line each, which keeps the file readable
 * and its diffs meaningful. Parsing the text gives back exactly the same value.
 */

const MAX_INLINE_CHARS = 160;

/** Format `value` as JSON text ending with a newline. */
export function formatJson(value: unknown): string {
  return `${format(value, "")}\n`;
}

function format(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inline = isFlat(value) ? inlineText(value) : undefined;
  if (inline !== undefined && inline.length <= MAX_INLINE_CHARS) return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + format(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(",\n")}\n${indent}}`;
}

/** Flat: holds only primitives, or arrays of primitives; an object may also hold flat objects (a point's indicators). */
function isFlat(value: object, depth = 0): boolean {
  return Object.values(value).every(
    (v) =>
      v === null ||
      typeof v !== "object" ||
      (Array.isArray(v)
        ? v.every((x) => x === null || typeof x !== "object")
        : depth === 0 && !Array.isArray(value) && isFlat(v, 1)),
  );
}

function inlineText(value: object): string {
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v !== null && typeof v === "object" ? inlineText(v) : JSON.stringify(v)}`).join(", ")} }`;
}
