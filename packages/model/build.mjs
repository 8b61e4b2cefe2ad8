/**
 * The package build after `tsc -b`: (1) bundles dist/index.js with TypeBox into one file,
 * dist/carebus-model.js, the package's entry for Node: importing ~270 small ES modules cost the
 * command line more start-up time than all its checks (~0.3 s of CPU), one file costs ~0.05 s;
 * the per-file modules stay for the pages' subpath imports and the type declarations.
 * (2) writes the holiday tables of the countries carebus plans (holidays.ts, PRECOMPUTED_HOLIDAYS)
 * to dist/holidays/<COUNTRY>.json, so a scenario's holidays come without loading date-holidays.
 * Usage: node build.mjs (run by `pnpm build` after tsc).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await esbuild.build({
  entryPoints: [here("./dist/index.js")],
  outfile: here("./dist/carebus-model.js"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // date-holidays is CommonJS loaded on demand (holidays.ts): it stays a package of its own
  external: ["date-holidays"],
  sourcemap: true,
  logLevel: "warning",
});

const { PRECOMPUTED_HOLIDAYS, buildHolidayTable } = await import("./dist/holidays.js");
await mkdir(here("./dist/holidays"), { recursive: true });
for (const country of PRECOMPUTED_HOLIDAYS.countries) {
  const table = buildHolidayTable(country, PRECOMPUTED_HOLIDAYS.firstYear, PRECOMPUTED_HOLIDAYS.lastYear);
  await writeFile(here(`./dist/holidays/${country}.json`), JSON.stringify(table));
}
