import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Tests run from source: every workspace package with a src/index.ts (packages/* and apps/*,
 * found on disk, so a new package needs no entry here) resolves to that file, so a test never
 * depends on a stale build. Process tests are the exception: they run the built dist.
 */
function sourceAliases(): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const group of ["packages", "apps"]) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const dir = join(root, group, entry.name);
      const manifest = join(dir, "package.json");
      const index = join(dir, "src", "index.ts");
      if (!entry.isDirectory() || !existsSync(manifest) || !existsSync(index)) continue;
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name) aliases[name] = index;
    }
  }
  return aliases;
}

const TEST_FILES = [
  "packages/*/src/**/*.test.ts",
  "packages/*/test/**/*.test.ts",
  "apps/*/src/**/*.test.ts",
  "apps/*/test/**/*.test.ts",
  "data/**/*.test.ts",
];
/** Tests that start processes, listen on ports or drive a browser (see CONTRIBUTING.md). */
const SYSTEM_TESTS = ["**/*.integration.test.ts", "**/*.system.test.ts", "**/*.e2e.test.ts"];
/** Unit tests that state they share nothing: one module graph per worker, no re-import per file. */
const SHARED_TESTS = ["**/*.unit.test.ts"];
const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/dist/**", "benchmarks/**"];

export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: TEST_FILES,
          exclude: [...ALWAYS_EXCLUDED, ...SYSTEM_TESTS, ...SHARED_TESTS],
          pool: "threads",
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: "shared",
          include: SHARED_TESTS,
          exclude: ALWAYS_EXCLUDED,
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "system",
          include: SYSTEM_TESTS,
          exclude: ALWAYS_EXCLUDED,
          pool: "forks",
          isolate: true,
        },
      },
    ],
  },
});
