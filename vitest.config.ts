import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

interface Manifest {
  name?: string;
  main?: string;
  exports?: { ".": { default: string } };
}
/** per package folder: its package.json, read once */
const manifests = new Map<string, Manifest>();

function manifestOf(dir: string): Manifest {
  let manifest = manifests.get(dir);
  if (!manifest) {
    manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
    manifests.set(dir, manifest);
  }
  return manifest;
}

/**
 * Tests run from source: every workspace package with a src/index.ts (packages/* and apps/*,
 * found on disk, so a new package needs no entry here) resolves to that file, so a test never
 * depends on a stale build. Process tests are the exception: they run the built dist.
 */
function sourceAliases(): Array<{ find: RegExp; replacement: string }> {
  // exact names only, so "@carebus/model" does not swallow "@carebus/model/locale"; the pages
  // bundle a few model modules on their own (@carebus/model/locale, …): those map to their file;
  // a package's test helpers (@carebus/solver/testing) map to its src/testing/index.ts
  const aliases = [
    { find: /^@carebus\/(\w+)\/testing$/, replacement: join(root, "packages/$1/src/testing/index.ts") },
    { find: /^@carebus\/model\/(\w+)$/, replacement: join(root, "packages/model/src/$1.ts") },
  ];
  for (const group of ["packages", "apps"]) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const dir = join(root, group, entry.name);
      const index = join(dir, "src", "index.ts");
      if (!entry.isDirectory() || !existsSync(join(dir, "package.json")) || !existsSync(index)) continue;
      const { name } = manifestOf(dir);
      if (name) aliases.push({ find: new RegExp(`^${name.replace(/[/.]/g, "\\$&")}$`), replacement: index });
    }
  }
  return aliases;
}

/** A workspace package's source module: <root>/(packages|apps)/<name>/src/<path>.ts. */
const SOURCE_MODULE = /^(.*\/(?:packages|apps)\/[^/]+)\/src\/(.+)\.ts$/;

/** The file a workspace package's manifest exports as its main entry. */
function packageEntry(dir: string): string {
  const { exports, main } = manifestOf(dir);
  return join(dir, exports?.["."].default ?? main ?? "dist/index.js");
}

/**
 * The system tests run the built packages, as users do: a test's import of a package's source
 * (`../src/index.js`, `@carebus/testkit`) resolves to the module tsc built from it in `dist`,
 * which Node then loads natively (server.deps.external below) with everything it imports, solve
 * workers included. Through vite, each of these forked files spent about 2 s importing the
 * server's sources, and each solve worker about 1 s loading them through tsx. `pnpm test` builds
 * first; after changing a package, `pnpm build` before running a system test alone.
 */
function builtPackages(): Plugin {
  return {
    name: "carebus:built-packages",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith("\0")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const match = resolved && !resolved.external ? SOURCE_MODULE.exec(resolved.id) : null;
      if (!match || resolved!.id.endsWith(".test.ts")) return resolved;
      // a package's index is what its manifest exports (@carebus/model's is a bundle), so a test
      // and the built modules it imports share one copy of each package
      const built = match[2] === "index" ? packageEntry(match[1]!) : `${match[1]}/dist/${match[2]}.js`;
      if (!existsSync(built)) throw new Error(`${built} is missing: the system tests run the build (pnpm build)`);
      return built;
    },
  };
}

/** Where tests live; the file name then picks the project (see CONTRIBUTING.md, "Tests"). */
const TEST_FOLDERS = ["packages/*/src/**", "packages/*/test/**", "apps/*/src/**", "apps/*/test/**", "data/**"];
const named = (suffix: string) => TEST_FOLDERS.map((folder) => `${folder}/*${suffix}`);
/** In-process tests that declare they touch no global state: one module graph per worker. */
const UNIT_TESTS = named(".unit.test.ts");
/** Tests that start processes, listen on ports, use databases or drive a browser. */
const SYSTEM_TESTS = [...named(".integration.test.ts"), ...named(".system.test.ts"), ...named(".e2e.test.ts")];
/** Any other test: the safe default, every file in a fresh module graph. */
const OTHER_TESTS = named(".test.ts");
const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/dist/**"];

export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    // Vitest's default in a run is one worker fewer than the cores: a single worker on this 2-core
    // machine kind, which ran every file in turn. One more than the cores fills the time the
    // system tests wait on servers, databases and browsers (4 or 5 were no faster).
    maxWorkers: availableParallelism() + 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: UNIT_TESTS, exclude: ALWAYS_EXCLUDED, pool: "threads", isolate: false },
      },
      {
        extends: true,
        test: {
          name: "isolated",
          include: OTHER_TESTS,
          exclude: [...ALWAYS_EXCLUDED, ...UNIT_TESTS, ...SYSTEM_TESTS],
          pool: "threads",
          isolate: true,
        },
      },
      {
        extends: true,
        plugins: [builtPackages()],
        test: {
          name: "system",
          server: { deps: { external: [/\/(?:packages|apps)\/[^/]+\/dist\//] } },
          include: SYSTEM_TESTS,
          exclude: ALWAYS_EXCLUDED,
          pool: "forks",
          // A forked worker runs file after file in one process: the built modules each file
          // loads (the server, the solver, HiGHS) are loaded once per worker, not once per file
          // (9 CPU s of the suite). Tests may not leave global state behind, as in "unit".
          isolate: false,
          // One throwaway PostgreSQL server for the project's run (PostgreSQL store and queue tests).
          globalSetup: ["apps/api/test/postgres/globalSetup.ts"],
        },
      },
    ],
  },
});
