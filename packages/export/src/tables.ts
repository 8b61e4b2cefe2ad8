/**
 * The visit table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * accents) and as an XLSX workbook: every visit on one sheet, then one sheet per bus.
 * The XLSX library loads only when a workbook is asked for.
 */
import { stringify } from "csv-stringify/sync";
import type { Plan, Scenario } from "@carebus/model";
import { COLUMN_LABELS, SHEET_TEXT, type ExportLang } from "./labels.js";
import { rowCells, visitRows, type VisitRow } from "./visitRows.js";

/** The plan's visits as CSV text, one row per visit under a header row. */
export function planToCsv(plan: Plan, scenario: Scenario, lang: ExportLang = "es"): string {
  const rows = visitRows(plan, scenario).map(rowCells);
  return `\uFEFF${stringify([[...COLUMN_LABELS[lang]], ...rows], { record_delimiter: "\r\n" })}`;
}

/** The plan's visits as an XLSX workbook: all visits, then a sheet per bus. */
export async function planToXlsx(plan: Plan, scenario: Scenario, lang: ExportLang = "es"): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "carebus";
  const rows = visitRows(plan, scenario);
  const addSheet = (name: string, list: VisitRow[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...COLUMN_LABELS[lang]]).font = { bold: true };
    for (const row of list) sheet.addRow(rowCells(row));
    sheet.columns.forEach((column) => {
      column.width = 14;
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  };
  addSheet(SHEET_TEXT[lang].allVisits, rows);
  const used = new Set<string>([SHEET_TEXT[lang].allVisits]);
  for (const busId of [...new Set(rows.map((r) => r.busId))]) {
    const ofBus = rows.filter((r) => r.busId === busId);
    addSheet(sheetName(ofBus[0]!.bus, used), ofBus);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A unique sheet name of at most 31 characters without the characters Excel forbids. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[\\/?*[\]:]/g, " ").slice(0, 28) || "bus";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`;
  used.add(name);
  return name;
}
