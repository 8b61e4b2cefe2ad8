/**
 * What the OSM readers (XML and PBF) share: collect every node's position and the drivable
 * ways' node lists and tags in any order, then resolve them into roads. A way that refers to
 * nodes missing from the extract (clipped at its border) is split at the gaps.
 */
import { GeoError } from "../errors.js";
import { DRIVABLE_HIGHWAYS, parseMaxspeed, parseOneway, type RoadWay } from "./roadWay.js";

/** Node positions and drivable ways of an OSM extract, resolved into roads at the end. */
export class OsmRoadCollector {
  /** @param highways the `highway` classes kept (default: drivable ones) */
  constructor(private readonly highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS) {}

  private readonly nodeIndex = new Map<number, number>();
  private readonly lats: number[] = [];
  private readonly lons: number[] = [];
  private readonly ways: Array<{ refs: number[]; tags: Record<string, string> }> = [];

  /** Record a node position. */
  addNode(id: number, lat: number, lon: number): void {
    this.nodeIndex.set(id, this.lats.length);
    this.lats.push(lat);
    this.lons.push(lon);
  }

  /** Record a way; ways whose `highway` tag is not wanted are dropped here. */
  addWay(refs: number[], tags: Record<string, string>): void {
    if (this.highways.has(tags.highway ?? "") && refs.length >= 2) this.ways.push({ refs, tags });
  }

  /**
   * The roads collected.
   * @throws GeoError CAREBUS_GEO_INVALID_NETWORK when there are none; `source` names the file.
   */
  roads(source: string): RoadWay[] {
    const roads: RoadWay[] = [];
    for (const way of this.ways) {
      const roundabout = way.tags.junction === "roundabout" || way.tags.junction === "circular";
      const speed = parseMaxspeed(way.tags.maxspeed);
      const base = {
        name: way.tags.name ?? way.tags.ref ?? "",
        highway: way.tags.highway ?? "",
        ...(speed === undefined ? {} : { maxspeedKmh: speed }),
        oneway: parseOneway(way.tags.oneway, roundabout),
        roundabout,
      };
      let run: Array<[number, number]> = [];
      const flush = () => {
        if (run.length >= 2) roads.push({ ...base, coordinates: run });
        run = [];
      };
      for (const ref of way.refs) {
        const k = this.nodeIndex.get(ref);
        if (k === undefined) flush();
        else run.push([this.lons[k]!, this.lats[k]!]);
      }
      flush();
    }
    if (roads.length === 0)
      throw new GeoError("CAREBUS_GEO_INVALID_NETWORK", `${source}: no ways of a wanted highway class found`);
    return roads;
  }
}
