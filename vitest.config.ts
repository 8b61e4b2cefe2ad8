import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run from source: every @carebus/* import resolves to the package's src/index.ts,
// so a test never depends on a stale build. Benchmarks are never part of the test run.
const src = (path: string) => fileURLToPath(new URL(`${path}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // subpath modules the pages bundle on their own (@carebus/model/locale, …)
      {
        find: /^@carebus\/model\/(\w+)$/,
        replacement: fileURLToPath(new URL("./packages/model/src/$1.ts", import.meta.url)),
      },
      { find: /^@carebus\/model$/, replacement: src("./packages/model") },
      { find: /^@carebus\/geo$/, replacement: src("./packages/geo") },
      { find: /^@carebus\/solver$/, replacement: src("./packages/solver") },
      { find: /^@carebus\/calendar$/, replacement: src("./packages/calendar") },
      { find: /^@carebus\/testkit$/, replacement: src("./packages/testkit") },
      { find: /^@carebus\/api$/, replacement: src("./apps/api") },
    ],
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
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
