/**
 * Every way a plan can break a rule, as a discriminated union on `kind`, so tests and the
 * CLI can count and match violations without reading message text.
 */

/** The kinds of violation the checker reports. */
export type ViolationKind =
  | "route-count"
  | "unknown-stop"
  | "not-a-number"
  | "departure-before-shift"
  | "return-after-shift"
  | "unreachable"
  | "too-early"
  | "outside-window"
  | "off-grid"
  | "work-limit"
  | "drive-limit"
  | "lunch-missing"
  | "lunch-unexpected"
  | "lunch-window"
  | "lunch-overlap"
  | "not-allowed"
  | "same-day-twice"
  | "max-visits"
  | "min-days-between"
  | "pinned-missing";

/** One broken rule: which route and stop (indices) when it concerns one, and a sentence. */
export interface Violation {
  kind: ViolationKind;
  route?: number;
  stop?: number;
  detail: string;
}
