/**
 * Checks a plan document: its schema, then the facts a consumer relies on without
 * re-deriving them: real dates, a known time zone, well-formed local date-times in time
 * order, one route per bus and date, and no stop both visited and listed as unvisited.
 * Whether the plan is feasible for its scenario is the solver's checkPlan, not this.
 */
import { PlanSchema, type Plan } from "./plan.js";
import { PlanError, type Issue } from "./errors.js";
import { isRecord } from "./issuePath.js";
import { schemaIssues } from "./schemaIssues.js";
import { cleanItems, RuleContext } from "./ruleContext.js";
import { isIsoDate, isTimeZone } from "./time.js";

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?([+-]\d{2}:\d{2}|Z)$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Every problem of a plan document, as `{path, message}`; empty when valid. Never throws on
 * a JSON value.
 */
export function validatePlan(value: unknown): Issue[] {
  const issues = schemaIssues(PlanSchema, value);
  if (!isRecord(value)) return issues;
  const ctx = new RuleContext(issues);
  const plan = value as Partial<Plan>;
  if (ctx.clean("scenario.hash") && isRecord(plan.scenario) && !SHA256_HEX.test(plan.scenario.hash)) {
    ctx.add("scenario.hash", "must be a sha256 hash in lowercase hex (64 digits)");
  }
  if (ctx.clean("timeZone") && typeof plan.timeZone === "string" && !isTimeZone(plan.timeZone)) {
    ctx.add("timeZone", `unknown IANA time zone ${JSON.stringify(plan.timeZone)}`);
  }
  const dates = ctx.clean("dates") && Array.isArray(plan.dates) ? new Set(plan.dates) : null;
  plan.dates?.forEach((d, i) => {
    if (ctx.clean(`dates[${i}]`) && !isIsoDate(d)) ctx.add(`dates[${i}]`, `${d} is not a real calendar date`);
  });
  const routeKeys = new Map<string, number>();
  const visited = new Set<string>();
  for (const { item: route, index, path } of cleanItems<Plan["routes"][number]>(plan.routes, "routes", ctx)) {
    if (!isIsoDate(route.date)) ctx.add(`${path}.date`, `${route.date} is not a real calendar date`);
    else if (dates && !dates.has(route.date)) ctx.add(`${path}.date`, `${route.date} is not one of the plan's dates`);
    const key = JSON.stringify([route.busId, route.date]);
    const first = routeKeys.get(key);
    if (first !== undefined)
      ctx.add(path, `a second route of bus ${JSON.stringify(route.busId)} on ${route.date} (first: routes[${first}])`);
    else routeKeys.set(key, index);
    const times: [string, string][] = [[`${path}.departure`, route.departure]];
    route.visits.forEach((v, i) => {
      visited.add(v.stopId);
      const vp = `${path}.visits[${i}]`;
      times.push(
        [`${vp}.arrival`, v.arrival],
        [`${vp}.serviceStart`, v.serviceStart],
        [`${vp}.serviceEnd`, v.serviceEnd],
        [`${vp}.departure`, v.departure],
      );
    });
    times.push([`${path}.return`, route.return]);
    checkTimeOrder(times, ctx);
  }
  const unvisited = new Map<string, number>();
  for (const { item, index, path } of cleanItems<Plan["unvisited"][number]>(plan.unvisited, "unvisited", ctx)) {
    const first = unvisited.get(item.stopId);
    if (first !== undefined)
      ctx.add(`${path}.stopId`, `stop ${JSON.stringify(item.stopId)} is listed twice (also unvisited[${first}])`);
    else unvisited.set(item.stopId, index);
    if (visited.has(item.stopId))
      ctx.add(`${path}.stopId`, `stop ${JSON.stringify(item.stopId)} is visited by a route, yet listed as unvisited`);
  }
  return [...issues, ...ctx.issues];
}

/** Each time must be a local ISO date-time with an offset, no earlier than the one before it. */
function checkTimeOrder(times: readonly [string, string][], ctx: RuleContext): void {
  let previous: { path: string; text: string; ms: number } | null = null;
  for (const [path, text] of times) {
    const match = LOCAL_DATE_TIME.exec(text);
    const ms = match && isIsoDate(match[1]!) ? Date.parse(text) : Number.NaN;
    if (!Number.isFinite(ms)) {
      ctx.add(
        path,
        `must be a local date-time with offset such as 2026-11-24T08:30:00-05:00 (got ${JSON.stringify(text)})`,
      );
      continue;
    }
    if (previous && ms < previous.ms) ctx.add(path, `${text} is earlier than ${previous.path} (${previous.text})`);
    previous = { path, text, ms };
  }
}

/**
 * The document typed as a Plan, unchanged.
 * @throws PlanError (code CAREBUS_PLAN_INVALID) carrying every issue found
 */
export function parsePlan(value: unknown): Plan {
  const issues = validatePlan(value);
  if (issues.length > 0) throw new PlanError(issues);
  return value as Plan;
}
