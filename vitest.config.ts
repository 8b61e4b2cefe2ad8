import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run from source: every @carebus/* import resolves to the package's src/index.ts,
// so a test never depends on a stale build. Benchmarks are never part of the test run.
const src = (path: string) => fileURLToPath(new URL(`${path}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@carebus/model": src("./packages/model"),
      "@carebus/geo": src("./packages/geo"),
      "@carebus/solver": src("./packages/solver"),
      "@carebus/calendar": src("./packages/calendar"),
      "@carebus/testkit": src("./packages/testkit"),
      "@carebus/api": src("./apps/api"),
    },
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "data/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**", "benchmarks/**"],
    // One throwaway PostgreSQL server for the run (tests of the PostgreSQL store and queue).
    globalSetup: ["apps/api/test/postgres/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
