/**
 * A fresh database on the run's throwaway PostgreSQL server (globalSetup.ts), so test files
 * never see each other's rows; dropped again with `drop()`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** A database made for one test file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database. @throws Error with the reason the server did not start */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject("postgres");
  if ("error" in server) throw new Error(`no PostgreSQL for this test: ${server.error}`);
  const name = `carebus_${randomBytes(6).toString("hex")}`;
  await admin(server.url, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin(server.url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
