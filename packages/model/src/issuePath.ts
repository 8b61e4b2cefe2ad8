/**
 * Issue paths in the JavaScript style people read and type (`stops[12].timeWindows[0]`),
 * rather than the JSON Pointers (`/stops/12/timeWindows/0`) that schema validators produce.
 * One place builds them so that schema issues and semantic issues name a field the same way
 * and a caller can tell whether one issue lies inside another.
 */

/** The path of the whole document. */
export const ROOT_PATH = "(root)";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parent` + one step: a number is an array index, a string a property name. */
export function childPath(parent: string, key: string | number): string {
  const base = parent === ROOT_PATH ? "" : parent;
  if (typeof key === "number") return `${base}[${key}]`;
  if (IDENTIFIER.test(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/**
 * Converts a JSON Pointer into an issue path. The document is walked alongside so that a
 * numeric segment becomes `[i]` only where the value there really is an array (an object
 * key "0" stays a property).
 */
export function pointerToPath(pointer: string, document: unknown): string {
  if (pointer === "") return ROOT_PATH;
  const segments = pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let path = ROOT_PATH;
  let current: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path = childPath(path, index);
      current = current[index];
    } else {
      path = childPath(path, segment);
      current = isRecord(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
    }
  }
  return path;
}

/** True when `inner` is `outer` itself or a field or element somewhere inside it. */
export function isWithinPath(inner: string, outer: string): boolean {
  if (outer === ROOT_PATH || inner === outer) return true;
  return inner.startsWith(outer) && (inner[outer.length] === "." || inner[outer.length] === "[");
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
