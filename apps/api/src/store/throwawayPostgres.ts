/**
 * A throwaway PostgreSQL server for tests and benchmarks: `initdb` into a temporary folder,
 * `pg_ctl start` on a free loopback port (its socket in that folder too), and `stop()` that
 * shuts it down immediately and deletes the folder. It uses the binaries of Debian's
 * `postgresql` package. PostgreSQL refuses to run as root, and tests and CI run as root, so
 * then every command runs as the `postgres` system user (which owns the folder).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A running throwaway server. */
export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** the folder holding the cluster, its socket and its log */
  dir: string;
  /** a URL of another database on the same server */
  urlOf(database: string): string;
  /** Creates an empty database (name: lower-case letters, digits, _) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** Where Debian installs the server binaries: the newest /usr/lib/postgresql/<major>/bin. */
export function findPostgresBin(): string | null {
  if (process.env.CAREBUS_PG_BIN) return process.env.CAREBUS_PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid/gid of the `postgres` user, read from the system (no hard-coded ids). */
function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/**
 * Starts a fresh server. `settings` are extra `-c name=value` server settings.
 * @throws Error naming what is missing when the binaries or the postgres user are not there
 */
export async function startThrowawayPostgres(
  settings: Record<string, string | number> = {},
): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql)");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = join(bin, command);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: tmpdir() });
  };
  const dir = mkdtempSync(join(tmpdir(), "carebus-pg-"));
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const options = {
      port,
      listen_addresses: "127.0.0.1",
      unix_socket_directories: dir,
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      max_connections: 200,
      ...settings,
    };
    const flags = Object.entries(options)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(" ");
    run("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", join(dir, "server.log"), "-o", flags]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start PostgreSQL: ${stderr || (error as Error).message}`);
  }
  const urlOf = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: urlOf("postgres"),
    dir,
    urlOf,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${JSON.stringify(name)}`);
      const client = new pg.Client({ connectionString: urlOf("postgres") });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlOf(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["stop", "-w", "-m", "immediate", "-D", data]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
