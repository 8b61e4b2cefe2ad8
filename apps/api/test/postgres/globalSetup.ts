/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (tests that need it
 * create their own database on it, see testDatabase.ts), stopped and deleted at the end. When
 * the server cannot start, the reason is provided instead and those tests fail with it.
 */
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../../src/store/throwawayPostgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string } | { error: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  try {
    const server = await startThrowawayPostgres();
    project.provide("postgres", { url: server.url });
    return () => server.stop();
  } catch (error) {
    project.provide("postgres", { error: (error as Error).message });
    return () => undefined;
  }
}
