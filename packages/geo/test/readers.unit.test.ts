import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GeoError,
  OsmXmlReader,
  readGeoJsonNetwork,
  readOsmPbf,
  readOsmXml,
  readRoadNetworkFile,
  type RoadWay,
} from "@carebus/geo";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const geojsonText = readFileSync(fixture("grid.geojson"), "utf8");
const osmText = readFileSync(fixture("grid.osm"), "utf8");

function expectGeoError(f: () => unknown, code: string, fragment: RegExp): void {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(GeoError);
    expect((error as GeoError).code).toBe(code);
    expect((error as GeoError).message).toMatch(fragment);
    return;
  }
  throw new Error("expected a GeoError");
}

/** Ways as comparable sorted records. */
const normal = (ways: RoadWay[]) =>
  ways
    .map((w) => ({ ...w }))
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name) ||
        a.coordinates[0]![0] - b.coordinates[0]![0] ||
        a.coordinates[0]![1] - b.coordinates[0]![1],
    );

describe("road network readers on the committed grid fixture", () => {
  const fromGeoJson = readGeoJsonNetwork(geojsonText);

  it("reads the drivable streets with their tags, dropping the footway", () => {
    // 8 calles + 8 carreras, Calle 5 and Carrera 5 cut in two by the roundabout, the ring, the island
    expect(fromGeoJson).toHaveLength(20);
    expect(fromGeoJson.some((w) => w.name === "Sendero Peatonal")).toBe(false);
    const byName = (name: string) => fromGeoJson.filter((w) => w.name === name);
    expect(byName("Calle 3")[0]).toMatchObject({ oneway: 1, highway: "residential", roundabout: false });
    expect(byName("Carrera 4")[0]).toMatchObject({ oneway: -1 });
    expect(byName("Carrera 1")[0]).toMatchObject({ highway: "primary", maxspeedKmh: 60, oneway: 0 });
    expect(byName("Glorieta de la Calle 5")[0]).toMatchObject({ roundabout: true, oneway: 1 });
    expect(byName("Calle 5")).toHaveLength(2);
  });

  it("reads the same roads from OSM XML and OSM PBF as from GeoJSON", () => {
    expect(normal(readOsmXml(osmText))).toEqual(normal(fromGeoJson));
    expect(normal(readOsmPbf(readFileSync(fixture("grid.osm.pbf"))))).toEqual(normal(fromGeoJson));
  });

  it("reads OSM XML fed in small chunks exactly as in one piece", () => {
    const reader = new OsmXmlReader();
    for (let i = 0; i < osmText.length; i += 7) reader.feed(osmText.slice(i, i + 7));
    expect(reader.finish()).toEqual(readOsmXml(osmText));
  });

  it("picks the reader by file extension", async () => {
    for (const name of ["grid.geojson", "grid.osm", "grid.osm.pbf"]) {
      expect(normal(await readRoadNetworkFile(fixture(name).pathname))).toEqual(normal(fromGeoJson));
    }
  });

  it("splits a way where the extract lacks its nodes, and decodes entities and quoted '>'", () => {
    const xml = `<osm><node id="1" lat="0" lon="0"/><node id="2" lat="0" lon="0.001"/><node id="4" lat="0" lon="0.003"/><node id="5" lat="0" lon="0.004"/>
      <way id="9"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/><tag k="name" v="Calle &quot;A&quot; &amp; B &gt; C"/><tag k="note" v="a > b"/></way></osm>`;
    const ways = readOsmXml(xml);
    expect(ways.map((w) => w.coordinates.length)).toEqual([2, 2]);
    expect(ways[0]!.name).toBe('Calle "A" & B > C');
  });
});

describe("bad road network files", () => {
  it("rejects text that is not JSON, naming the source", () => {
    expectGeoError(
      () => readGeoJsonNetwork("{ not json", "roads.geojson"),
      "CAREBUS_GEO_INVALID_NETWORK",
      /roads\.geojson: not valid JSON/,
    );
  });
  it("rejects JSON that is not a FeatureCollection", () => {
    expectGeoError(() => readGeoJsonNetwork({ type: "Feature" }), "CAREBUS_GEO_INVALID_NETWORK", /FeatureCollection/);
  });
  it("rejects a LineString with a bad position, naming the feature", () => {
    const doc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: {},
          geometry: {
            type: "LineString",
            coordinates: [
              [0, 0],
              [0, 95],
            ],
          },
        },
      ],
    };
    expectGeoError(() => readGeoJsonNetwork(doc), "CAREBUS_GEO_INVALID_NETWORK", /features\[0\]\.geometry: position 1/);
  });
  it("rejects a collection with no drivable lines", () => {
    const doc = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { highway: "footway" },
          geometry: {
            type: "LineString",
            coordinates: [
              [0, 0],
              [0, 1],
            ],
          },
        },
      ],
    };
    expectGeoError(
      () => readGeoJsonNetwork(doc),
      "CAREBUS_GEO_INVALID_NETWORK",
      /no LineString features of a wanted highway class/,
    );
  });
  it("rejects XML that is not OSM, a node without coordinates, and a cut-off file", () => {
    expectGeoError(() => readOsmXml("<html><body/></html>"), "CAREBUS_GEO_INVALID_NETWORK", /no <osm> element/);
    expectGeoError(
      () => readOsmXml('<osm><node id="1" lat="x" lon="2"/></osm>'),
      "CAREBUS_GEO_INVALID_NETWORK",
      /node 1 needs numeric/,
    );
    expectGeoError(
      () => readOsmXml(osmText.slice(0, osmText.length - 30)),
      "CAREBUS_GEO_INVALID_NETWORK",
      /unterminated tag/,
    );
  });
  it("rejects bytes that are not OSM PBF", () => {
    expectGeoError(
      () => readOsmPbf(new Uint8Array([0, 0, 0, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9])),
      "CAREBUS_GEO_INVALID_NETWORK",
      /not a readable OSM PBF/,
    );
  });
  it("reports a missing file as unavailable and an unknown extension as invalid", async () => {
    await expect(readRoadNetworkFile("/nonexistent/roads.osm")).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
    });
    await expect(readRoadNetworkFile("/nonexistent/roads.shp")).rejects.toMatchObject({
      code: "CAREBUS_GEO_INVALID_NETWORK",
    });
  });
});
