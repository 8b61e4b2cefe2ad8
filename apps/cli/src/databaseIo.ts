/**
 * What `carebus serve --database` and `carebus worker` print about a PostgreSQL database:
 * its URL without the password, and a one-line reason when it cannot be used.
 */

/** The database URL without its password, for printing. */
export function redactedDatabase(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET"]);
/** PostgreSQL SQLSTATE classes of a refused login or a missing database (08, 28, 3D). */
const REFUSED_SQLSTATE = /^(08|28|3D)/;

/** A one-line reason when `error` says the database cannot be reached or used; null for other errors. */
export function databaseProblem(error: unknown, url: string): string | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !(CONNECTION_CODES.has(code) || REFUSED_SQLSTATE.test(code))) return null;
  return `cannot use the database ${redactedDatabase(url)}: ${(error as Error).message} (${code})`;
}
