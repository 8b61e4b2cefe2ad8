/**
 * The exports of a plan of the bundled small example: the CSV parses back into the plan's own
 * visits (date, bus, order, stop, times); the XLSX opens with the library that wrote it and
 * holds the same rows, plus a sheet per bus; the PDF's text, extracted with poppler's
 * `pdftotext`, has one page per bus-day naming every stop of that bus-day in visiting order.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { parseScenario, type Plan, type Scenario } from "@carebus/model";
import { solveScenario } from "@carebus/planner";
import { COLUMN_LABELS, longDate, planToCsv, planToPdf, planToXlsx } from "@carebus/export";

const scenario: Scenario = parseScenario(
  JSON.parse(readFileSync(new URL("../../../data/examples/small.json", import.meta.url), "utf8")),
);
let plan: Plan;
let dir: string;
beforeAll(async () => {
  plan = await solveScenario(scenario, { iterationLimit: 100, seed: 1 });
  dir = mkdtempSync(join(tmpdir(), "carebus-export-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plan's visits in export order: date, bus, then visiting order. */
function planVisits() {
  return [...plan.routes]
    .sort((a, b) => a.date.localeCompare(b.date) || a.busId.localeCompare(b.busId))
    .flatMap((r) =>
      r.visits.map((v, i) => ({
        date: r.date,
        busId: r.busId,
        order: String(i + 1),
        stopId: v.stopId,
        arrive: v.arrival.slice(11, 16),
        from: v.serviceStart.slice(11, 16),
        to: v.serviceEnd.slice(11, 16),
        leave: v.departure.slice(11, 16),
      })),
    );
}

const stopName = (id: string) => scenario.stops.find((s) => s.id === id)!.name;

describe("CSV", () => {
  it("re-imports as the same visits, with Spanish headings by default", () => {
    const text = planToCsv(plan, scenario);
    expect(text.startsWith("\uFEFFfecha,bus_id,bus,orden,parada_id,parada,")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(
      rows.map((r) => ({
        date: r.fecha,
        busId: r.bus_id,
        order: r.orden,
        stopId: r.parada_id,
        arrive: r.llegada,
        from: r.atencion_desde,
        to: r.atencion_hasta,
        leave: r.salida,
      })),
    ).toEqual(planVisits());
    expect(rows.map((r) => r.parada)).toEqual(planVisits().map((v) => stopName(v.stopId)));
    expect(rows.every((r) => Number(r.cuidadoras) > 0)).toBe(true);
  });

  it("writes English headings with lang en", () => {
    const [header] = parse(planToCsv(plan, scenario, "en"), { bom: true }) as string[][];
    expect(header).toEqual([...COLUMN_LABELS.en]);
  });
});

describe("XLSX", () => {
  it("opens with the same library: all visits on the first sheet, then one sheet per bus", async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer, which @types/node's generic Buffer does not match
    await workbook.xlsx.load((await planToXlsx(plan, scenario)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const names = workbook.worksheets.map((w) => w.name);
    const buses = [...new Set(planVisits().map((v) => v.busId))].map(
      (id) => scenario.buses.find((b) => b.id === id)!.name,
    );
    expect(names).toEqual(["Visitas", ...buses]);
    const values = (sheetIndex: number) =>
      workbook.worksheets[sheetIndex]!.getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1).map(String));
    const csvRows = parse(planToCsv(plan, scenario), { bom: true }) as string[][];
    expect(values(0)).toEqual(csvRows);
    const perBus = workbook.worksheets.slice(1).reduce((n, _, i) => n + values(i + 1).length - 1, 0);
    expect(perBus).toBe(planVisits().length);
  });
});

describe("PDF driver sheets", () => {
  it("has a page per bus-day naming every stop of it in visiting order (pdftotext)", async () => {
    const file = join(dir, "sheets.pdf");
    writeFileSync(file, await planToPdf(plan, scenario));
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((p) => p.trim());
    const routes = [...plan.routes].sort((a, b) => a.date.localeCompare(b.date) || a.busId.localeCompare(b.busId));
    expect(pages.length).toBe(routes.length);
    routes.forEach((route, i) => {
      const page = pages[i]!;
      expect(page).toContain("Hoja de ruta");
      expect(page).toContain(longDate(route.date, "es"));
      expect(page).toContain(`Salida de la base: ${route.departure.slice(11, 16)}`);
      let from = 0;
      route.visits.forEach((v, k) => {
        const at = page.indexOf(`${k + 1}. ${stopName(v.stopId)}`, from);
        expect(at, `${route.busId} ${route.date}: stop ${k + 1} ${v.stopId}`).toBeGreaterThanOrEqual(from);
        expect(page.slice(at)).toContain(`Atiende ${v.serviceStart.slice(11, 16)}–${v.serviceEnd.slice(11, 16)}`);
        from = at + 1;
      });
    });
  });

  it("writes English sheets with lang en", async () => {
    const file = join(dir, "sheets-en.pdf");
    writeFileSync(file, await planToPdf(plan, scenario, "en"));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Route sheet");
    expect(text).toContain(longDate(plan.routes[0]!.date, "en"));
  });
});
