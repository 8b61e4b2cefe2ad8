/**
 * The content hash a plan carries to name the scenario it answers. It is taken over a
 * canonical JSON text (object keys sorted, no whitespace) so that reordering keys or
 * reformatting a file does not change it, while any change of a value does.
 */
import { createHash } from "node:crypto";
import type { Scenario } from "./scenario.js";

/**
 * JSON text with every object's keys sorted by code unit; arrays keep their order and
 * properties whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * sha256 (lowercase hex) of the scenario's canonical JSON.
 * @example scenarioHash(scenario) // "3f5a…" (64 hex digits)
 */
export function scenarioHash(scenario: Scenario): string {
  return createHash("sha256").update(canonicalJson(scenario), "utf8").digest("hex");
}
