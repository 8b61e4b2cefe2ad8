/**
 * Assertions shared by the validation tests: an issue at an exact path whose message matches,
 * or no issue at all.
 */
import { expect } from "vitest";
import type { Issue } from "../src/index.js";

/** Asserts that `issues` holds one at exactly `path` whose message matches `message`. */
export function expectIssue(issues: readonly Issue[], path: string, message: RegExp): void {
  const atPath = issues.filter((i) => i.path === path);
  expect(atPath, `no issue at ${path}; got ${JSON.stringify(issues)}`).not.toHaveLength(0);
  expect(
    atPath.some((i) => message.test(i.message)),
    `no issue at ${path} matching ${message}; got ${JSON.stringify(atPath)}`,
  ).toBe(true);
}
