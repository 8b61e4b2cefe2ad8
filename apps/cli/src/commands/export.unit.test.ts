/**
 * `carebus export` as a user meets it: each format written to --out (the CSV parses back to
 * the plan's visits; the PDF is a PDF with one page per bus-day), Spanish by default, and
 * exit 2 for a bad format or a scenario that is not the plan's.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SMALL, captured, solvedSmallPlan } from "../../test/runCommand.js";
import { run } from "./export.js";

const solved = solvedSmallPlan("export");
const runCaptured = captured(run);

describe("carebus export", () => {
  it("prints the CSV on stdout, one row per visit", async () => {
    const { plan, planFile } = solved;
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
    const { plan, planFile, dir } = solved;
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
    const { planFile } = solved;
    const bad = await runCaptured([planFile, "--scenario", SMALL, "--format", "docx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be csv or xlsx or pdf, got "docx"/);
    const other = await runCaptured([planFile]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/is not the scenario of plan/);
  });
});
