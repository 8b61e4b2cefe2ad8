/**
 * Driver sheets: one PDF page per bus-day with the date, the bus, departure from and return
 * to the depot, the lunch break, every stop in visiting order with its times, where it is and
 * its services, a small map of the route (drawn from the route's geometry: the roads when the
 * plan has directions, else straight legs), and the turn-by-turn directions when the plan has
 * them. Text is in the plan's wall-clock times (the scenario's time zone). The PDF library
 * loads only when sheets are asked for.
 */
import { routeCoordinates } from "@carebus/geo";
import { serviceLabel, type Plan, type PlanRoute, type Scenario, type Stop } from "@carebus/model";
import { SHEET_TEXT, longDate, type ExportLang } from "./labels.js";
import { clock } from "./visitRows.js";

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const MAP_HEIGHT = 190;

/** The driver sheets of every bus-day of `plan`, as one PDF. */
export async function planToPdf(plan: Plan, scenario: Scenario, lang: ExportLang = "es"): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: SHEET_TEXT[lang].title },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const routes = [...plan.routes].sort((a, b) => a.date.localeCompare(b.date) || a.busId.localeCompare(b.busId));
  for (const route of routes) driverSheet(doc, route, scenario, lang);
  if (routes.length === 0) doc.addPage().fontSize(14).text(SHEET_TEXT[lang].title);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function driverSheet(doc: Doc, route: PlanRoute, scenario: Scenario, lang: ExportLang): void {
  const t = SHEET_TEXT[lang];
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const bus = scenario.buses.find((b) => b.id === route.busId);
  const depot = scenario.depots.find((d) => d.id === route.depotId);
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font("Helvetica-Bold")
    .fontSize(16)
    .text(`${t.title} · ${bus?.name ?? route.busId}`);
  doc.font("Helvetica").fontSize(11).text(longDate(route.date, lang));
  doc.moveDown(0.4);
  doc.text(`${t.depot}: ${depot?.name ?? route.depotId}`);
  doc.text(`${t.departure}: ${clock(route.departure)}    ${t.return}: ${clock(route.return)}`);
  if (route.lunch) doc.text(`${t.lunch}: ${clock(route.lunch.start)}–${clock(route.lunch.end)}`);
  doc.moveDown(0.6);

  const mapTop = doc.y;
  drawMap(doc, route, scenario, MARGIN, mapTop, width, MAP_HEIGHT, t.map);
  doc.y = mapTop + MAP_HEIGHT + 12;
  doc.x = MARGIN;

  route.visits.forEach((visit, i) => {
    const stop = stops.get(visit.stopId);
    doc
      .font("Helvetica-Bold")
      .fontSize(11)
      .text(`${i + 1}. ${stop?.name ?? visit.stopId}`, MARGIN, doc.y, { width });
    doc.font("Helvetica").fontSize(10);
    doc.text(
      `${t.arrive} ${clock(visit.arrival)} · ${t.serve} ${clock(visit.serviceStart)}–${clock(visit.serviceEnd)} · ${t.leave} ${clock(visit.departure)} · ${t.minutesDriving(Math.round(visit.travelMinutes))}`,
      { width },
    );
    const where = whereText(stop);
    if (where) doc.text(`${t.where}: ${where}`, { width });
    if (stop?.services?.length)
      doc.text(`${t.services}: ${stop.services.map((code) => serviceLabel(code, lang)).join(", ")}`, { width });
    doc.moveDown(0.4);
  });

  if (route.directions?.length) {
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(11).text(t.directions);
    doc.font("Helvetica").fontSize(9);
    for (const leg of route.directions) {
      doc.font("Helvetica-Bold").text(`${name(leg.from, stops)} → ${name(leg.to, stops)}`, { width });
      doc.font("Helvetica");
      for (const step of leg.steps) doc.text(`• ${step.text}`, { width, indent: 8 });
    }
  }
}

/** The stop's address or landmark when the scenario has one, with its neighbourhood and locality. */
function whereText(stop: Stop | undefined): string {
  if (!stop) return "";
  return [stop.address, stop.neighbourhood, stop.locality].filter((x): x is string => Boolean(x)).join(", ");
}

function name(id: string, stops: Map<string, Stop>): string {
  return stops.get(id)?.name ?? id;
}

/**
 * The route's line inside the box, north up, with the depot as a square and each stop as a
 * numbered dot (its visiting order). Longitudes are shrunk by cos(latitude) so shapes keep
 * their proportions.
 */
function drawMap(
  doc: Doc,
  route: PlanRoute,
  scenario: Scenario,
  x: number,
  y: number,
  width: number,
  height: number,
  label: string,
): void {
  doc.save().lineWidth(0.5).strokeColor("#999999").rect(x, y, width, height).stroke().restore();
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#666666")
    .text(label, x + 4, y + 3, { lineBreak: false });
  const line = routeCoordinates(route, scenario);
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const points = route.visits.map((v) => stops.get(v.stopId)).filter((s): s is Stop => s !== undefined);
  const depot = scenario.depots.find((d) => d.id === route.depotId);
  const all: Array<[number, number]> = [...line, ...points.map((s) => [s.lon, s.lat] as [number, number])];
  if (all.length === 0) return;
  const lat0 = all.reduce((sum, p) => sum + p[1], 0) / all.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const xs = all.map((p) => p[0] * kx);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 18;
  const scale = Math.min(
    (width - 2 * pad) / Math.max(maxX - minX, 1e-6),
    (height - 2 * pad) / Math.max(maxY - minY, 1e-6),
  );
  const cx = x + width / 2;
  const cy = y + height / 2;
  const at = (lon: number, lat: number): [number, number] => [
    cx + (lon * kx - (minX + maxX) / 2) * scale,
    cy - (lat - (minY + maxY) / 2) * scale,
  ];
  if (line.length >= 2) {
    doc.save().lineWidth(1.5).strokeColor("#1f6feb");
    line.forEach(([lon, lat], i) => {
      const [px, py] = at(lon, lat);
      if (i === 0) doc.moveTo(px, py);
      else doc.lineTo(px, py);
    });
    doc.stroke().restore();
  }
  if (depot) {
    const [px, py] = at(depot.lon, depot.lat);
    doc
      .save()
      .fillColor("#333333")
      .rect(px - 4, py - 4, 8, 8)
      .fill()
      .restore();
  }
  points.forEach((stop, i) => {
    const [px, py] = at(stop.lon, stop.lat);
    doc.save().fillColor("#d1242f").circle(px, py, 7).fill().restore();
    doc
      .fillColor("#ffffff")
      .fontSize(7)
      .text(String(i + 1), px - 7, py - 3, { width: 14, align: "center", lineBreak: false });
  });
  doc.fillColor("#000000");
}
