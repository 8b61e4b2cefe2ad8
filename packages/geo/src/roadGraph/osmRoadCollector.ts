/**
 * What the OSM readers (XML and PBF) share: collect every node's position and the drivable
 * ways' node lists and tags in any order, then resolve them into roads. A way that refers to
 * nodes missing from the extract (clipped at its border) is split at the gaps.
 */
import { GeoError } from "../errors.js";
import {
  DRIVABLE_HIGHWAYS,
  isVehicleFerry,
  parseDurationMinutes,
  parseMaxspeed,
  parseOneway,
  type RoadWay,
} from "./roadWay.js";

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

  /** Record a way; ways whose `highway` tag is not wanted (and that are no vehicle ferry) are dropped here. */
  addWay(refs: number[], tags: Record<string, string>): void {
    if ((this.highways.has(tags.highway ?? "") || isVehicleFerry(tags)) && refs.length >= 2)
      this.ways.push({ refs, tags });
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
      const ferry = isVehicleFerry(way.tags);
      const minutes = parseDurationMinutes(way.tags.duration);
      const base = {
        name: way.tags.name ?? way.tags.ref ?? "",
        highway: ferry ? "ferry" : (way.tags.highway ?? ""),
        ...(speed === undefined ? {} : { maxspeedKmh: speed }),
        oneway: parseOneway(way.tags.oneway, roundabout),
        roundabout,
        ...(ferry ? { ferry: minutes === undefined ? {} : { minutes } } : {}),
      };
      // A ferry clipped at the extract's border cannot be crossed: keep it only whole.
      if (ferry && way.refs.some((ref) => !this.nodeIndex.has(ref))) continue;
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
