/**
 * The bearer token guarding write routes. A deployment sets CAREBUS_API_TOKEN; without it the
 * first start generates a random token and keeps it in the data directory (mode 0600, readable
 * by the server's user only), so restarts keep working and the token is printed once.
 */
import { randomBytes, timingSafeEqual, createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** File name of the generated token inside the data directory. */
export const TOKEN_FILE = "api-token";

/** Where the token came from and whether this start created it. */
export interface ApiTokenResult {
  token: string;
  source: "config" | "file" | "generated";
  /** file holding the token (null when configured) */
  path: string | null;
}

/** The configured token, else the stored one, else a new one written to `<dataDir>/api-token`. */
export function ensureApiToken(dataDir: string, configured: string | null): ApiTokenResult {
  if (configured !== null) return { token: configured, source: "config", path: null };
  const path = join(dataDir, TOKEN_FILE);
  try {
    const stored = readFileSync(path, "utf8").trim();
    if (stored.length >= 16) return { token: stored, source: "file", path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString("base64url");
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return { token, source: "generated", path };
}

/** True when the Authorization header carries exactly `Bearer <token>` (constant-time compare). */
export function isAuthorized(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  // Comparing digests keeps the comparison constant-time even when the lengths differ.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
