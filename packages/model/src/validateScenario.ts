/**
 * The entry points for checking a scenario document: the schema (shape, types, ranges) and
 * then the semantic rules (scenarioRules.ts), every problem at once. `validateScenario`
 * never throws on a JSON value, so the CLI and the API can always answer with a list of
 * issues instead of a stack trace.
 */
import { ScenarioSchema, type Scenario } from "./scenario.js";
import { ScenarioError, type Issue } from "./errors.js";
import { isRecord } from "./issuePath.js";
import { schemaIssues } from "./schemaIssues.js";
import { scenarioRuleIssues } from "./scenarioRules.js";

/**
 * Every problem of a scenario document, each with a JS-style path (`stops[12].timeWindows[0]`,
 * `(root)` for the document) and a plain sentence. An empty list means the scenario is valid.
 * @param value any parsed JSON value
 * @example validateScenario(JSON.parse(text)).map((i) => `${i.path}: ${i.message}`)
 */
export function validateScenario(value: unknown): Issue[] {
  const issues = schemaIssues(ScenarioSchema, value);
  if (!isRecord(value)) return issues;
  return [...issues, ...scenarioRuleIssues(value, issues)];
}

/**
 * The document typed as a Scenario, unchanged (defaults are not filled in: read them with the
 * documented fallbacks, e.g. `horizon.timeZone ?? DEFAULT_TIME_ZONE`).
 * @throws ScenarioError (code CAREBUS_SCENARIO_INVALID) carrying every issue found
 */
export function parseScenario(value: unknown): Scenario {
  const issues = validateScenario(value);
  if (issues.length > 0) throw new ScenarioError(issues);
  return value as Scenario;
}
