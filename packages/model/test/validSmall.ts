/**
 * The model tests' small valid scenario (fixtures/valid-small.json), handed out as a fresh
 * copy so that a test can break one field without touching the others' copy.
 */
import { readFileSync } from "node:fs";
import type { Scenario } from "../src/index.js";

const TEXT = readFileSync(new URL("./fixtures/valid-small.json", import.meta.url), "utf8");

/** JSON a test breaks on purpose: any field may receive any (wrong) value. */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong values into arbitrary fields of a JSON copy
export type BreakableJson = any;

/** A fresh copy of the valid fixture, typed loosely so tests can write wrong values into it. */
export function validSmall(): BreakableJson {
  return JSON.parse(TEXT) as unknown;
}

/** A fresh copy typed as a Scenario. */
export function validSmallScenario(): Scenario {
  return JSON.parse(TEXT) as Scenario;
}

/** The copy after `change` has broken it. */
export function broken(change: (s: BreakableJson) => void): unknown {
  const scenario = validSmall();
  change(scenario);
  return scenario;
}
