/**
 * The literature benchmark data lives outside the repository, in `../shared/benchdata` beside
 * it (see benchmarks/README.md). Tests that read it register through {@link describeWithBenchdata}
 * so that they never vanish: with the data absent they show as one skipped test by name, and
 * with CAREBUS_REQUIRE_BENCHDATA=1 (set by .ci/run, since CI always has the data) as a failure.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository's root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("no pnpm-workspace.yaml above @carebus/testkit");
    dir = parent;
  }
  return dir;
}

/** A path inside `../shared/benchdata` beside the repository, e.g. `benchdataPath("toptw", "bks.csv")`. */
export function benchdataPath(...parts: string[]): string {
  return resolve(repositoryRoot(), "..", "shared", "benchdata", ...parts);
}

/** True when .ci/run (or the caller) asks for absent benchmark data to fail the run. */
export function benchdataRequired(): boolean {
  return process.env.CAREBUS_REQUIRE_BENCHDATA === "1";
}

/**
 * `describe(name, register)` when every one of `files` (paths inside benchdata) exists; otherwise
 * a `describe(name)` holding one test that names the missing files: skipped, or failing when
 * {@link benchdataRequired}.
 */
export function describeWithBenchdata(name: string, files: readonly string[], register: () => void): void {
  const missing = files.map((file) => benchdataPath(file)).filter((path) => !existsSync(path));
  if (missing.length === 0) {
    describe(name, register);
    return;
  }
  const what = `benchmark data absent: ${missing.join(", ")}`;
  describe(name, () => {
    if (benchdataRequired()) {
      it(`needs its benchmark data (CAREBUS_REQUIRE_BENCHDATA=1)`, () => {
        throw new Error(what);
      });
    } else {
      it.skip(`every test (${what})`, () => {});
    }
  });
}
