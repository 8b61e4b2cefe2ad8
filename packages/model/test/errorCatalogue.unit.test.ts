import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PlanError, ScenarioError } from "../src/index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CATALOGUE = readFileSync(join(ROOT, "docs/errors.md"), "utf8");

/** Codes in the first column of the catalogue's tables. */
const listed = [...CATALOGUE.matchAll(/^\| `(CAREBUS_[A-Z0-9_<>]+)` \|/gm)].map((m) => m[1]!);

/** The non-test TypeScript sources of every package and app. */
function sources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "node_modules" && name !== "dist") walk(path);
      } else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith(".d.ts")) {
        files.push(path);
      }
    }
  };
  for (const group of ["packages", "apps"]) {
    for (const pkg of readdirSync(join(ROOT, group))) {
      const src = join(ROOT, group, pkg, "src");
      if (existsSync(src) && statSync(src).isDirectory()) walk(src);
    }
  }
  return files;
}

const SOURCE_TEXT = sources()
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
/** Names read from the environment (CAREBUS_PORT…) are settings, not error codes. */
const ENV_NAMES = new Set([...SOURCE_TEXT.matchAll(/env\.(CAREBUS_[A-Z0-9_]+)/g)].map((m) => m[1]!));
/** Quoted code literals in the sources, except prefixes ("CAREBUS_GEO_") and settings. */
const CODES_IN_SOURCES = new Set(
  [...SOURCE_TEXT.matchAll(/["'`](CAREBUS_[A-Z0-9_]*[A-Z0-9])["'`]/g)]
    .map((m) => m[1]!)
    .filter((c) => !ENV_NAMES.has(c)),
);

describe("docs/errors.md", () => {
  it("lists the model's codes", () => {
    expect(listed).toContain(new ScenarioError([]).code);
    expect(listed).toContain(new PlanError([]).code);
  });

  it("lists every error code the sources use", () => {
    expect(CODES_IN_SOURCES).toContain("CAREBUS_SCENARIO_INVALID"); // the scan sees the sources
    expect([...CODES_IN_SOURCES].filter((code) => !listed.includes(code))).toEqual([]);
  });

  it("lists nothing the sources no longer use", () => {
    const stale = listed.filter((code) => {
      const literalPart = code.split("<")[0]!;
      return !SOURCE_TEXT.includes(literalPart === code ? code : literalPart);
    });
    expect(stale).toEqual([]);
  });

  it("lists each code once", () => {
    expect(new Set(listed).size).toBe(listed.length);
  });
});
