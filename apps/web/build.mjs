/**
 * Builds the two pages into dist/: esbuild bundles src/planner.ts and src/community.ts with
 * their CSS (Leaflet's included, its images copied beside it) into dist/assets/, and the HTML
 * shells are copied as they are. Everything the pages load is local: no CDN at run time.
 * Usage: node build.mjs [--dev] (dev keeps the bundles unminified).
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const dev = process.argv.includes("--dev");
const dist = here("./dist");

await rm(dist, { recursive: true, force: true });
await mkdir(here("./dist/assets"), { recursive: true });

const result = await esbuild.build({
  entryPoints: { planner: here("./src/planner.ts"), community: here("./src/community.ts") },
  outdir: here("./dist/assets"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  minify: !dev,
  sourcemap: true,
  // Entry names stay fixed because the HTML shells refer to them; images get content hashes.
  entryNames: "[name]",
  assetNames: "[name]-[hash]",
  loader: { ".png": "file", ".svg": "file" },
  logLevel: "warning",
  metafile: true,
});

await Promise.all([
  copyFile(here("./src/index.html"), here("./dist/index.html")),
  copyFile(here("./src/community.html"), here("./dist/community.html")),
]);

const outputs = Object.entries(result.metafile.outputs)
  .filter(([name]) => !name.endsWith(".map"))
  .map(([name, meta]) => `${name.split("/dist/")[1] ?? name} ${(meta.bytes / 1024).toFixed(1)} kB`);
console.log(`web: built ${outputs.length} files into dist/\n  ${outputs.join("\n  ")}`);
