import { describe, expect, it } from "vitest";
import type { FerryCrossing } from "@carebus/model";
import { createEstimateProvider, haversineKm, readGeoJsonNetwork, readOsmXml, RoadNetwork } from "@carebus/geo";

/**
 * Issue 14: Chiloé is an island. A road on each side of a channel, joined only by a ferry
 * (OSM route=ferry): the road graph must cross by the ferry and pay its duration and wait;
 * the estimate provider must go by the ramps of a listed ferry.
 */
const mainland = [
  [-73.45, -41.7],
  [-73.45, -41.79],
];
const island = [
  [-73.52, -41.83],
  [-73.52, -41.9],
];
const line = (coordinates: number[][], properties: Record<string, unknown>) => ({
  type: "Feature",
  properties,
  geometry: { type: "LineString", coordinates },
});
const network = (ferryProps: Record<string, unknown>) => ({
  type: "FeatureCollection",
  features: [
    line(mainland, { highway: "primary", name: "Ruta 5" }),
    line(island, { highway: "primary", name: "Ruta 5 Chiloé" }),
    line(
      [
        [-73.45, -41.79],
        [-73.49, -41.81],
        [-73.52, -41.83],
      ],
      { route: "ferry", name: "Canal de Chacao", ...ferryProps },
    ),
  ],
});
const NORTH = { lat: -41.7, lon: -73.45 };
const SOUTH = { lat: -41.9, lon: -73.52 };

describe("ferries in the road graph (issue 14)", () => {
  it("crosses by the ferry, paying its tagged duration and the wait", async () => {
    const roads = new RoadNetwork(readGeoJsonNetwork(network({ duration: "00:35" })), { ferryWaitMinutes: 15 });
    const m = await roads.matrix([NORTH, SOUTH]);
    const driveMinutes = ((10.0 + 7.8) / 30) * 60; // ≈ 10 km and 7.8 km of primary road at 30 km/h
    expect(m.minutes[1]).toBeGreaterThan(35 + 15 + driveMinutes * 0.95);
    expect(m.minutes[1]).toBeLessThan(35 + 15 + driveMinutes * 1.05);
    expect(m.minutes[2]).toBeCloseTo(m.minutes[1]!, 6);
  });

  it("times an untagged ferry by its length, and never lets a foot ferry carry a bus", async () => {
    const untagged = new RoadNetwork(readGeoJsonNetwork(network({})));
    const tagged = new RoadNetwork(readGeoJsonNetwork(network({ duration: "00:35" })));
    const [u, t] = [await untagged.matrix([NORTH, SOUTH]), await tagged.matrix([NORTH, SOUTH])];
    expect(u.minutes[1]! - t.minutes[1]!).toBeGreaterThan(0); // ~9 km at 8 km/h is more than 35 min
    const foot = new RoadNetwork(readGeoJsonNetwork(network({ motor_vehicle: "no" })));
    expect((await foot.matrix([NORTH, SOUTH])).unreachable).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("reads route=ferry ways from OSM XML with their duration", async () => {
    const xml = `<?xml version="1.0"?><osm version="0.6">
      <node id="1" lat="-41.70" lon="-73.45"/><node id="2" lat="-41.79" lon="-73.45"/>
      <node id="3" lat="-41.81" lon="-73.49"/><node id="4" lat="-41.83" lon="-73.52"/><node id="5" lat="-41.90" lon="-73.52"/>
      <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way>
      <way id="11"><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="route" v="ferry"/><tag k="duration" v="0:35"/><tag k="motor_vehicle" v="yes"/></way>
      <way id="12"><nd ref="4"/><nd ref="5"/><tag k="highway" v="primary"/></way>
    </osm>`;
    const ways = readOsmXml(xml);
    expect(ways.find((w) => w.ferry)).toMatchObject({ highway: "ferry", ferry: { minutes: 35 } });
    const m = await new RoadNetwork(ways).matrix([NORTH, SOUTH]);
    expect(m.unreachable).toEqual([]);
    expect(m.minutes[1]).toBeGreaterThan(35);
  });
});

describe("ferries in the estimate provider (issue 14)", () => {
  const chacao: FerryCrossing = {
    name: "Canal de Chacao",
    area: [
      [-74.5, -41.81],
      [-73.25, -41.81],
      [-73.25, -43.5],
      [-74.5, -43.5],
      [-74.5, -41.81],
    ],
    mainlandRamp: { lat: -41.79, lon: -73.45 },
    islandRamp: { lat: -41.83, lon: -73.52 },
    crossingMinutes: 35,
    waitMinutes: 15,
  };
  const settings = { urbanSpeedKmh: 60, ruralSpeedKmh: 60, detourFactor: 1, accessMinutes: 0, ferries: [chacao] };
  const puertoMontt = { lat: -41.4693, lon: -72.9424, zone: "rural" as const };
  const ancud = { lat: -41.8707, lon: -73.8162, zone: "rural" as const };
  const castro = { lat: -42.4721, lon: -73.7732, zone: "rural" as const };

  it("drives to the ramp, waits, crosses and drives on when one end is on the island", async () => {
    const m = await createEstimateProvider(settings).matrix([puertoMontt, ancud]);
    const roadKm = haversineKm(puertoMontt, chacao.mainlandRamp) + haversineKm(chacao.islandRamp, ancud);
    expect(m.km[1]).toBeCloseTo(roadKm, 9);
    expect(m.minutes[1]).toBeCloseTo(roadKm + 50, 9); // 60 km/h: one minute per km
    expect(m.minutes[2]).toBeCloseTo(m.minutes[1]!, 9);
  });

  it("keeps the straight line on one side of the channel", async () => {
    const m = await createEstimateProvider(settings).matrix([ancud, castro]);
    expect(m.minutes[1]).toBeCloseTo(haversineKm(ancud, castro), 9);
  });

  it("draws a crossing route by the ramps", async () => {
    const [leg] = await createEstimateProvider(settings).route([puertoMontt, ancud]);
    expect(leg!.coordinates).toEqual([
      [puertoMontt.lon, puertoMontt.lat],
      [chacao.mainlandRamp.lon, chacao.mainlandRamp.lat],
      [chacao.islandRamp.lon, chacao.islandRamp.lat],
      [ancud.lon, ancud.lat],
    ]);
  });
});
