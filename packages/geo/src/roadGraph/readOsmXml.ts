/**
 * Reads the roads of an OpenStreetMap XML extract (`.osm`). A small streaming scanner rather
 * than a general XML parser: OSM XML is flat (node, way/nd/tag, relation) and extracts run to
 * gigabytes, so text is fed in chunks and only what routing needs is kept — every node's
 * position and the drivable ways' node lists and tags.
 */
import { createReadStream } from "node:fs";
import { GeoError } from "../errors.js";
import { OsmRoadCollector } from "./osmRoadCollector.js";
import { DRIVABLE_HIGHWAYS, type RoadWay } from "./roadWay.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[1]!] = decode(m[2] ?? m[3] ?? "");
  return out;
}

/**
 * Index of the `>` closing the tag that starts before `from`, or -1 if not in `text` yet.
 * A `>` inside a double-quoted attribute value (legal XML, seen in OSM notes) is skipped by
 * checking that the quotes before it are balanced.
 */
function tagEnd(text: string, from: number): number {
  let start = from;
  for (;;) {
    const close = text.indexOf(">", start);
    if (close < 0) return -1;
    let quotes = 0;
    for (let q = text.indexOf('"', from); q >= 0 && q < close; q = text.indexOf('"', q + 1)) quotes++;
    if (quotes % 2 === 0) return close;
    start = close + 1;
  }
}

interface PendingWay {
  refs: number[];
  tags: Record<string, string>;
}

/**
 * Incremental OSM XML reader: `feed` text chunks in order, then `finish` for the roads.
 * @throws GeoError CAREBUS_GEO_INVALID_NETWORK for text that is not OSM XML, a node without a
 *   valid position, an unterminated tag, or an extract without drivable roads.
 */
export class OsmXmlReader {
  private carry = "";
  private sawRoot = false;
  private readonly roads: OsmRoadCollector;
  private way: PendingWay | null = null;

  /** @param highways the `highway` classes kept (default: drivable ones) */
  constructor(
    private readonly source = "OSM XML",
    highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
  ) {
    this.roads = new OsmRoadCollector(highways);
  }

  /** Scan one chunk; an incomplete trailing tag waits for the next chunk. */
  feed(chunk: string): void {
    const text = this.carry + chunk;
    let pos = 0;
    for (;;) {
      const open = text.indexOf("<", pos);
      if (open < 0) {
        pos = text.length;
        break;
      }
      if (text.startsWith("<!--", open)) {
        const close = text.indexOf("-->", open + 4);
        if (close < 0) break;
        pos = close + 3;
        continue;
      }
      const close = tagEnd(text, open + 1);
      if (close < 0) {
        pos = open;
        break;
      }
      this.tag(text.slice(open + 1, close));
      pos = close + 1;
    }
    this.carry = text.slice(pos);
  }

  /** The drivable roads read, split where a way refers to nodes missing from the extract. */
  finish(): RoadWay[] {
    if (this.carry.trim() !== "") throw this.invalid(`unterminated tag near "${this.carry.trim().slice(0, 40)}"`);
    if (!this.sawRoot) throw this.invalid("not an OpenStreetMap XML document (no <osm> element)");
    return this.roads.roads(this.source);
  }

  private tag(body: string): void {
    if (body.startsWith("?") || body.startsWith("!")) return;
    if (body.startsWith("/")) {
      if (body.slice(1).trim() === "way") this.endWay();
      return;
    }
    const selfClosing = body.endsWith("/");
    const name = /^[\w:.-]+/.exec(body)?.[0] ?? "";
    switch (name) {
      case "osm":
        this.sawRoot = true;
        return;
      case "node": {
        const a = attributes(body);
        if (a.action === "delete" || a.visible === "false") return;
        const id = Number(a.id);
        const lat = Number(a.lat);
        const lon = Number(a.lon);
        if (
          !Number.isFinite(id) ||
          !(Math.abs(lat) <= 90) ||
          !(Math.abs(lon) <= 180) ||
          a.lat === undefined ||
          a.lon === undefined
        ) {
          throw this.invalid(`node ${a.id ?? "(no id)"} needs numeric id, lat and lon attributes`);
        }
        this.roads.addNode(id, lat, lon);
        return;
      }
      case "way": {
        const a = attributes(body);
        this.way = a.action === "delete" || a.visible === "false" ? null : { refs: [], tags: {} };
        if (selfClosing) this.endWay();
        return;
      }
      case "nd": {
        if (!this.way) return;
        const ref = Number(attributes(body).ref);
        if (!Number.isFinite(ref)) throw this.invalid("a way's <nd> needs a numeric ref");
        this.way.refs.push(ref);
        return;
      }
      case "tag": {
        if (!this.way) return;
        const a = attributes(body);
        if (a.k !== undefined) this.way.tags[a.k] = a.v ?? "";
        return;
      }
      default:
        return;
    }
  }

  private endWay(): void {
    const way = this.way;
    this.way = null;
    if (way) this.roads.addWay(way.refs, way.tags);
  }

  private invalid(what: string): GeoError {
    return new GeoError("CAREBUS_GEO_INVALID_NETWORK", `${this.source}: ${what}`);
  }
}

/** Roads of an OSM XML document held in memory. */
export function readOsmXml(
  text: string,
  source = "OSM XML",
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): RoadWay[] {
  const reader = new OsmXmlReader(source, highways);
  reader.feed(text);
  return reader.finish();
}

/**
 * Roads of an OSM XML file, streamed in chunks (files larger than a JS string can hold work).
 * @throws GeoError CAREBUS_GEO_UNAVAILABLE when the file cannot be read.
 */
export async function readOsmXmlFile(
  path: string,
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): Promise<RoadWay[]> {
  const reader = new OsmXmlReader(path, highways);
  try {
    for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }))
      reader.feed(chunk as string);
  } catch (error) {
    throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `${path}: cannot read (${(error as Error).message})`, {
      cause: error,
    });
  }
  return reader.finish();
}
