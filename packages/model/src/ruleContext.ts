/**
 * Shared plumbing of the semantic rules: where the schema already failed (so a rule can skip
 * that part instead of tripping over a wrong type or repeating the complaint), the issue list,
 * and the id bookkeeping every list of the scenario needs (duplicates, lookups).
 */
import type { Issue } from "./errors.js";
import { childPath, isRecord } from "./issuePath.js";

/** Collects semantic issues and answers "did the schema accept this part?". */
export class RuleContext {
  readonly issues: Issue[] = [];
  /** every path with a schema issue, and every path that contains one */
  private readonly dirty = new Set<string>();

  constructor(schemaFailures: readonly Issue[]) {
    for (const { path } of schemaFailures) {
      this.dirty.add(path);
      for (let i = 1; i < path.length; i++) {
        if (path[i] === "." || path[i] === "[") this.dirty.add(path.slice(0, i));
      }
    }
  }

  /** True when the schema found nothing wrong at `path` or inside it. */
  clean(path: string): boolean {
    return !this.dirty.has(path);
  }

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
}

/** An element of a list the schema accepted, with its path. */
export interface CleanItem<T> {
  item: T;
  index: number;
  path: string;
}

/** The elements of the array at `path` that passed the schema (none when it is no array). */
export function cleanItems<T>(value: unknown, path: string, ctx: RuleContext): CleanItem<T>[] {
  if (!Array.isArray(value)) return [];
  const found: CleanItem<T>[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = childPath(path, index);
    if (ctx.clean(itemPath)) found.push({ item: item as T, index, path: itemPath });
  });
  return found;
}

/** The ids of a list, and whether every element has a valid one (only then is "unknown id" sure). */
export interface IdIndex {
  ids: Set<string>;
  complete: boolean;
}

/**
 * Reads the `field` of every element of the list at `path`, reports each id used twice at the
 * later element, and returns the ids found.
 */
export function indexIds(value: unknown, path: string, field: string, ctx: RuleContext): IdIndex {
  const ids = new Set<string>();
  if (!Array.isArray(value)) return { ids, complete: false };
  const firstAt = new Map<string, number>();
  let complete = true;
  value.forEach((item: unknown, index) => {
    const fieldPath = childPath(childPath(path, index), field);
    const id = isRecord(item) ? item[field] : undefined;
    if (!ctx.clean(fieldPath) || typeof id !== "string") {
      complete = false;
      return;
    }
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, index);
    else ctx.add(fieldPath, `duplicate ${field} ${JSON.stringify(id)} (also used by ${childPath(path, first)})`);
    ids.add(id);
  });
  return { ids, complete };
}

/** Reports every element of a list of plain values that repeats an earlier one. */
export function reportRepeats(values: readonly unknown[], path: string, ctx: RuleContext): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.add(childPath(path, index), `${JSON.stringify(value)} is listed twice`);
    seen.add(value);
  });
}
