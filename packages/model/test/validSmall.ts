/**
 * The model tests' small valid scenario (fixtures/valid-small.json), handed out as a fresh
 * copy so that a test can break one field without touching the others' copy.
 */
import { readFileSync } from "node:fs";
import type { Scenario } from "../src/index.js";

const TEXT = readFileSync(new URL("./fixtures/valid-small.json", import.meta.url), "utf8");

/** A fresh copy of the valid fixture, typed loosely so tests can write wrong values into it. */
export function validSmall(): any {
  return JSON.parse(TEXT) as unknown;
}

/** A fresh copy typed as a Scenario. */
export function validSmallScenario(): Scenario {
  return JSON.parse(TEXT) as Scenario;
}

/** The copy after `change` has broken it. */
export function broken(change: (s: any) => void): unknown {
  const scenario = validSmall();
  change(scenario);
  return scenario;
}
