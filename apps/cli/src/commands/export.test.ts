/**
 * `carebus export` as a user meets it: each format written to --out (the CSV parses back to
 * the plan's visits; the PDF is a PDF with one page per bus-day), Spanish by default, and
 * exit 2 for a bad format or a scenario that is not the plan's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plan } from "@carebus/model";
import { run as solve } from "./solve.js";
import { run } from "./export.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SMALL = join(ROOT, "data/examples/small.json");
const quiet = { stdout: () => {}, stderr: () => {} };

let dir: string;
let planFile: string;
let plan: Plan;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-export-"));
  planFile = join(dir, "plan.json");
  expect(await solve([SMALL, "--iterations", "50", "--out", planFile], quiet)).toBe(0);
  plan = JSON.parse(await readFile(planFile, "utf8"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runCaptured(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("carebus export", () => {
  it("prints the CSV on stdout, one row per visit", async () => {
    const { code, stdout } = await runCaptured([planFile, "--scenario", SMALL]);
    expect(code).toBe(0);
    const lines = stdout
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]!.startsWith("fecha,")).toBe(true);
    expect(lines.length - 1).toBe(plan.totals.visits);
  });

  it("writes XLSX and PDF files", async () => {
    const xlsx = join(dir, "out", "plan.xlsx");
    expect((await runCaptured([planFile, "--scenario", SMALL, "--format", "xlsx", "--out", xlsx])).code).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe("PK");
    const pdf = join(dir, "plan.pdf");
    expect(
      (await runCaptured([planFile, "--scenario", SMALL, "--format", "pdf", "--lang", "en", "--out", pdf])).code,
    ).toBe(0);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text.split("\f").filter((p) => p.includes("Route sheet")).length).toBe(plan.routes.length);
  });

  it("exits 2 for a bad format and for a scenario that is not the plan's", async () => {
    const bad = await runCaptured([planFile, "--scenario", SMALL, "--format", "docx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be csv or xlsx or pdf, got "docx"/);
    const other = await runCaptured([planFile]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/is not the scenario of plan/);
  });
});
