import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summarizeScenario, validateScenario } from "@carebus/model";
import { formatProblem, ImportError, importScenario, type ImportFiles, type InputFile } from "../src/index.js";

const TEMPLATES = new URL("../../../data/templates/", import.meta.url);
const template = (name: string): InputFile => ({ name, text: readFileSync(new URL(name, TEMPLATES), "utf8") });

function templateFiles(demand: string): ImportFiles {
  return {
    stops: template("paradas.csv"),
    demand: template(demand),
    depots: template("bases.csv"),
    buses: template("buses.csv"),
    careBlocks: template("manzanas.csv"),
    settings: template("ajustes.json"),
  };
}

/** The problems of an import that must fail, formatted. */
function problemsOf(files: ImportFiles): string[] {
  try {
    importScenario(files);
  } catch (error) {
    if (error instanceof ImportError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("the import succeeded");
}

describe("importing the shipped templates (issue 14)", () => {
  it("reads the semicolon, BOM and decimal-comma stops file with Spanish headers into a valid scenario", () => {
    const scenario = importScenario(templateFiles("demanda.csv"));
    expect(validateScenario(scenario)).toEqual([]);
    expect(scenario.stops[0]).toMatchObject({
      id: "pm-centro",
      lat: -41.4717,
      lon: -72.9369,
      zone: "urban",
      services: ["respiro", "orientación jurídica"],
      weekdays: ["mon", "tue", "wed", "thu", "fri"],
      timeWindows: [
        { start: "10:00", end: "13:00" },
        { start: "14:00", end: "17:00" },
      ],
    });
    expect(scenario.stops[1]).not.toHaveProperty("weekdays");
    expect(scenario.locale).toBe("es-CL");
    expect(scenario.demand.kind === "points" && scenario.demand.points[2]!.indicators).toEqual({
      mayores65: 0.103,
      ruralidad: 1,
    });
  });

  it("turns demand polygons into grid points with the polygon's caregivers exactly, the same on every run", () => {
    const first = importScenario(templateFiles("demanda-poligonos.geojson"));
    const again = importScenario(templateFiles("demanda-poligonos.geojson"));
    expect(again).toEqual(first);
    expect(validateScenario(first)).toEqual([]);
    const points = first.demand.kind === "points" ? first.demand.points : [];
    const block = points.filter((p) => p.id?.startsWith("manzana-1-"));
    const cell = points.filter((p) => p.id?.startsWith("celda-lenca-"));
    // 2,400 inhabitants × 0.05 caregivers per inhabitant = 120, over a 0.5 km grid of the 1.25 × 1.1 km block
    expect(block.reduce((s, p) => s + p.caregivers, 0)).toBe(120);
    expect(cell.reduce((s, p) => s + p.caregivers, 0)).toBe(14);
    expect(block.length).toBeGreaterThan(1);
    for (const p of block) {
      expect(p.lon).toBeGreaterThan(-72.945);
      expect(p.lon).toBeLessThan(-72.93);
      expect(p.lat).toBeGreaterThan(-41.476);
      expect(p.lat).toBeLessThan(-41.466);
    }
    expect(summarizeScenario(first).caregivers).toBe(134);
  });

  it("accepts English headers and a comma file", () => {
    const stops =
      "id,name,lat,lon,zone,locality,bus_kinds,time_windows,dwell_minutes\ns1,Stop one,-41.47,-72.94,urban,Puerto Montt,urbano,10:00-16:00,120\n";
    const scenario = importScenario({ ...templateFiles("demanda.csv"), stops: { name: "stops.csv", text: stops } });
    expect(scenario.stops).toEqual([
      {
        id: "s1",
        name: "Stop one",
        lat: -41.47,
        lon: -72.94,
        zone: "urban",
        locality: "Puerto Montt",
        busKinds: ["urbano"],
        timeWindows: [{ start: "10:00", end: "16:00" }],
        dwellMinutes: 120,
      },
    ]);
  });
});

describe("GeoJSON stops and Care Blocks (issue 14)", () => {
  it("reads Point features with Spanish properties, the position from the geometry", () => {
    const feature = (properties: Record<string, unknown>, lon: number, lat: number) => ({
      type: "Feature",
      properties,
      geometry: { type: "Point", coordinates: [lon, lat] },
    });
    const stops = {
      type: "FeatureCollection",
      features: [
        feature(
          {
            id: "s1",
            nombre: "Sede vecinal",
            zona: "urbana",
            comuna: "Puerto Montt",
            tipos_bus: "urbano",
            ventanas: "10:00-16:00",
            permanencia_min: 120,
          },
          -72.94,
          -41.47,
        ),
      ],
    };
    const blocks = {
      type: "FeatureCollection",
      features: [feature({ id: "b1", nombre: "Centro", extra: "ignored" }, -72.95, -41.465)],
    };
    const scenario = importScenario({
      ...templateFiles("demanda.csv"),
      stops: { name: "paradas.geojson", text: JSON.stringify(stops) },
      careBlocks: { name: "manzanas.geojson", text: JSON.stringify(blocks) },
    });
    expect(scenario.stops).toEqual([
      {
        id: "s1",
        name: "Sede vecinal",
        lat: -41.47,
        lon: -72.94,
        zone: "urban",
        locality: "Puerto Montt",
        busKinds: ["urbano"],
        timeWindows: [{ start: "10:00", end: "16:00" }],
        dwellMinutes: 120,
      },
    ]);
    expect(scenario.demand.kind === "points" && scenario.demand.careBlocks).toEqual([
      { id: "b1", name: "Centro", lat: -41.465, lon: -72.95 },
    ]);
  });
});

describe("a broken import reports every problem with file and line, and returns nothing", () => {
  it("lists reading problems of every file at once", () => {
    const stops = [
      "id;nombre;latitud;longitud;zona;comuna;tipos_bus;ventanas;permanencia_min;colorr",
      "a;Uno;-41,47;-72,94;urbana;Puerto Montt;urbano;10:00-16:00;120;",
      "b;Dos;norte;-72,94;semiurbana;Puerto Montt;urbano;10:00-25:00;;",
      "c;Tres;-41,5;-72,9;rural;Puerto Montt;rural;10:00-16:00;90,5;",
    ].join("\n");
    const demand =
      'latitud,longitud,cuidadoras,comuna,zona\n-41.47,-72.94,1,234,Puerto Montt,urbana\n-41.47,-72.94,"1,234",Puerto Montt,urbana\n';
    expect(
      problemsOf({
        ...templateFiles("demanda.csv"),
        stops: { name: "paradas.csv", text: stops },
        demand: { name: "demanda.csv", text: demand },
      }),
    ).toEqual([
      'paradas.csv:1: column "colorr": unknown column; known columns: id/codigo/identificador, name/nombre, lat/latitude/latitud, lon/lng/longitude/longitud, zone/zona, locality/localidad/comuna/municipio, neighbourhood/neighborhood/barrio/sector, address/direccion/dirección/referencia/landmark, services/servicios, bus_kinds/tipos_bus/tipo_bus, weekdays/dias, time_windows/windows/ventanas/horarios, dwell_minutes/permanencia_min/minutos_permanencia, max_visits/visitas_max, min_days_between/dias_entre_visitas, pinned/fijadas',
      'paradas.csv:3: column "latitud": expected a number, got "norte"',
      'paradas.csv:3: column "zona": expected urban or rural (urbana, rural), got "semiurbana"',
      'paradas.csv:3: column "ventanas": expected a time HH:MM, got "25:00"',
      'paradas.csv:3: column "permanencia_min": is empty: a value is required',
      'paradas.csv:4: column "permanencia_min": expected a whole number, got "90,5"',
      "demanda.csv:2: has 6 cells but the header has 5 columns",
      'demanda.csv:2: column "zona": expected urban or rural (urbana, rural), got "Puerto Montt"',
      'demanda.csv:3: column "cuidadoras": "1,234" is ambiguous (thousands or decimals?); write 1.234 or 1234',
    ]);
  });

  it("traces the scenario's own validation back to the file, line and column", () => {
    const stops = template("paradas.csv");
    const broken = {
      name: stops.name,
      text: stops.text
        .replace("lenca;Escuela de Lenca", "pm-alerce;Escuela de Lenca")
        .replace("rural;lun|mié|vie", "camioneta;lun|mié|vie"),
    };
    const settings = template("ajustes.json");
    const badSettings = {
      name: settings.name,
      text: settings.text.replace('"startDate": "2026-03-30"', '"startDate": "2026-02-30"'),
    };
    expect(problemsOf({ ...templateFiles("demanda.csv"), stops: broken, settings: badSettings }).sort()).toEqual(
      [
        'ajustes.json:6: field "horizon.startDate": 2026-02-30 is not a real calendar date',
        'paradas.csv:4: column "id": duplicate id "pm-alerce" (also used by stops[1])',
        'paradas.csv:4: column "tipos_bus": item 1: no bus has kind "camioneta" (bus kinds: rural, urbano)',
        "paradas.csv:4: no bus can ever serve this stop: no bus is of kind camioneta",
      ].sort(),
    );
  });

  it("names a missing required column once, at the header", () => {
    const stops =
      "id,name,lat,zone,locality,bus_kinds,time_windows,dwell_minutes\ns1,One,-41.4,urban,PM,urbano,10:00-12:00,60\n";
    expect(problemsOf({ ...templateFiles("demanda.csv"), stops: { name: "s.csv", text: stops } })).toEqual([
      's.csv:1: column "lon": is missing: add a column named lon or lng or longitude or longitud',
    ]);
  });

  it("points at the line of a GeoJSON feature", () => {
    const geo = template("demanda-poligonos.geojson");
    const broken = { name: geo.name, text: geo.text.replace('"zona": "rural"', '"zona": "costera"') };
    expect(problemsOf({ ...templateFiles("demanda.csv"), demand: broken })).toEqual([
      'demanda-poligonos.geojson:9: column "zona": expected urban or rural (urbana, rural), got "costera"',
    ]);
  });

  it("needs a settings file", () => {
    const { settings: _, ...files } = templateFiles("demanda.csv");
    expect(problemsOf(files)[0]).toMatch(/^paradas\.csv: no settings file/);
  });
});
