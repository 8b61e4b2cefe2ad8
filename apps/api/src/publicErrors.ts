/**
 * What a failure may say in public. Job errors and routing errors are read by anyone who can
 * read a plan, so they never carry an outside service's answer (an OSRM server's text, or a
 * loopback service a scenario pointed at) or a path on the server's disk. The full text goes to
 * the server log; the response gets a sentence per error code.
 */

/** Fixed sentences for errors whose own message may quote an outside service or a file path. */
const SUMMARIES: Record<string, string> = {
  CAREBUS_GEO_UNAVAILABLE: "the routing service or road-network file could not be used; the server log has the details",
  CAREBUS_GEO_UNREACHABLE_STOP: "a stop or depot cannot be reached on the road network; the server log names it",
  CAREBUS_GEO_INVALID_NETWORK: "the road-network file is malformed; the server log has the details",
};

/** Codes whose messages are built from the scenario and the solver alone, so they are kept. */
const KEPT = /^CAREBUS_(SCENARIO_|SOLVER_|PLAN_)/;

/** Absolute paths (POSIX or Windows) in a message; their last part is kept. */
const ABSOLUTE_PATH = /(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}/g;

/** `message` with every absolute path cut to its file name. */
export function withoutPaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, (path) => path.split(/[\\/]/).pop() ?? "");
}

/**
 * The public form of an error: "<code>: <sentence>" for the known codes, the message without
 * paths for codes that only describe the scenario, and a fixed sentence otherwise.
 * @example publicErrorMessage("CAREBUS_GEO_UNAVAILABLE", "OSRM at http://10.0.0.5 answered <html>…")
 */
export function publicErrorMessage(code: string | null, message: string): string {
  if (code !== null && SUMMARIES[code] !== undefined) return `${code}: ${SUMMARIES[code]}`;
  if (code !== null && KEPT.test(code)) return `${code}: ${withoutPaths(message)}`;
  return "the solver failed unexpectedly; the server log has the details";
}

/** Only the sentence (for error bodies that carry the code separately). */
export function publicSummary(code: string, message: string): string {
  return SUMMARIES[code] ?? withoutPaths(message);
}
