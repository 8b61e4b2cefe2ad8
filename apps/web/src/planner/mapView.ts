/**
 * The planner's map: locality outlines, demand density (and its priority index) and Care Blocks for context, one line
 * per bus-day route, and every stop (zone by colour and shape, visited by fill and outline,
 * size by the caregivers its visits cover). Each kind of layer has its own pane and canvas so
 * toggling one never reorders the others, and canvas keeps a whole week of stops fluid.
 */
import L from "leaflet";
import { formatDate, formatNumber } from "../shared/format.js";
import { shapeMarker } from "../shared/shapeMarker.js";
import { priorityBand, priorityIndexValues } from "@carebus/model/priorityIndex";
import type { PointsDemand } from "@carebus/model";
import {
  busColour,
  CARE_BLOCK_COLOUR,
  DEMAND_COLOUR,
  PRIORITY_COLOUR,
  UNVISITED_DASH,
  ZONE_STYLE,
} from "../shared/style.js";
import type { PlanRoute } from "../shared/types.js";
import { aggregateDemand, convexHull, stopRadius, type LatLon } from "./geometry.js";
import { busName, stopName, type PlanIndex } from "./planIndex.js";
import type { Words } from "./words.js";

/** Layers the page can switch on and off. */
export type ContextLayer = "routes" | "stops" | "demand" | "priority" | "careBlocks" | "localities";

/** Side of a demand density cell in degrees (~1.1 km at Bogotá's latitude). */
const DEMAND_CELL_DEG = 0.01;

/** Zoom from which locality names are written on the map. */
const LOCALITY_LABEL_MIN_ZOOM = 11.5;

/** The planner map and its controls. */
export class PlannerMap {
  private readonly panes: Record<"context" | "routes" | "stops", L.Canvas>;
  private readonly groups: Record<ContextLayer, L.LayerGroup>;
  private readonly routeLines = new Map<string, { line: L.Polyline; busId: string; date: string }>();
  private readonly hiddenBuses = new Set<string>();
  private readonly hiddenDays = new Set<string>();
  /** Stop markers with their radius at street zoom (scaled down when the city is in view). */
  private readonly markers = new Map<string, { marker: L.CircleMarker; radius: number }>();
  private highlight: L.CircleMarker | null = null;

  constructor(
    readonly map: L.Map,
    private readonly onStopClick: (stopId: string) => void,
  ) {
    const pane = (name: string, zIndex: number) => {
      map.createPane(name).style.zIndex = String(zIndex);
      return L.canvas({ pane: name, padding: 0.5, tolerance: 4 });
    };
    this.panes = {
      context: pane("carebus-context", 380),
      routes: pane("carebus-routes", 410),
      stops: pane("carebus-stops", 440),
    };
    this.groups = {
      localities: L.layerGroup().addTo(map),
      demand: L.layerGroup().addTo(map),
      // off until asked for: the index is a second reading of the same demand
      priority: L.layerGroup(),
      careBlocks: L.layerGroup().addTo(map),
      routes: L.layerGroup().addTo(map),
      stops: L.layerGroup().addTo(map),
    };
    // Locality names overlap when the whole city is in view: show them from street-level zooms.
    const syncLabels = () =>
      map.getContainer().classList.toggle("hide-locality-labels", map.getZoom() < LOCALITY_LABEL_MIN_ZOOM);
    map.on("zoomend", syncLabels);
    map.whenReady(syncLabels);
    map.on("zoomend", () => this.scaleMarkers());
  }

  /** Draws a plan (replacing the previous one) in `words`; fits the view when `fit` is set. */
  show(index: PlanIndex, words: Words, fit: boolean): void {
    const { t } = words;
    for (const group of Object.values(this.groups)) group.clearLayers();
    this.routeLines.clear();
    this.markers.clear();
    this.highlight = null;
    const { scenario, plan } = index.loaded;
    this.drawLocalities(index);
    if (scenario.demand.kind === "points") {
      this.drawDemand(scenario.demand.points);
      if (scenario.demand.priority) this.drawPriority(scenario.demand, words);
      const { careBlockMinutes, walkingSpeedKmh, detourFactor } = scenario.demand.coverage;
      // The walking area around a Care Block whose demand the scenario counts as already served.
      const areaMetres = careBlockMinutes ? ((careBlockMinutes / 60) * walkingSpeedKmh * 1000) / detourFactor : 0;
      for (const block of scenario.demand.careBlocks ?? []) {
        if (areaMetres > 0) {
          L.circle([block.lat, block.lon], {
            renderer: this.panes.context,
            radius: areaMetres,
            color: CARE_BLOCK_COLOUR,
            weight: 1.5,
            dashArray: "2 4",
            fillColor: CARE_BLOCK_COLOUR,
            fillOpacity: 0.05,
            interactive: false,
          }).addTo(this.groups.careBlocks);
        }
        shapeMarker([block.lat, block.lon], {
          renderer: this.panes.stops,
          shape: "square",
          radius: 6,
          color: CARE_BLOCK_COLOUR,
          weight: 2,
          fillColor: "#ffffff",
          fillOpacity: 1,
        })
          .bindTooltip(t.careBlock(block.name))
          .addTo(this.groups.careBlocks);
      }
    }
    for (const route of plan.routes) this.drawRoute(index, route, words);
    this.drawStops(index, words);
    for (const depot of scenario.depots) {
      shapeMarker([depot.lat, depot.lon], {
        renderer: this.panes.stops,
        shape: "square",
        radius: 7,
        color: "#111827",
        weight: 2,
        fillColor: "#111827",
        fillOpacity: 1,
      })
        .bindTooltip(t.depot(depot.name))
        .addTo(this.groups.stops);
    }
    if (fit) {
      const points = scenario.stops.map((s) => L.latLng(s.lat, s.lon));
      if (points.length) this.map.fitBounds(L.latLngBounds(points), { padding: [16, 16] });
    }
    this.scaleMarkers();
  }

  /** Shows or hides one kind of layer. */
  setLayerVisible(layer: ContextLayer, visible: boolean): void {
    const group = this.groups[layer];
    if (visible) group.addTo(this.map);
    else group.remove();
  }

  /** Shows or hides the routes of one bus. */
  setBusVisible(busId: string, visible: boolean): void {
    if (visible) this.hiddenBuses.delete(busId);
    else this.hiddenBuses.add(busId);
    this.syncRoutes();
  }

  /** Shows or hides the routes of one date. */
  setDayVisible(date: string, visible: boolean): void {
    if (visible) this.hiddenDays.delete(date);
    else this.hiddenDays.add(date);
    this.syncRoutes();
  }

  /** Whether the routes of a bus are shown. */
  isBusVisible(busId: string): boolean {
    return !this.hiddenBuses.has(busId);
  }

  /** Whether the routes of a date are shown. */
  isDayVisible(date: string): boolean {
    return !this.hiddenDays.has(date);
  }

  /** Rings a stop and brings it into view. */
  focusStop(index: PlanIndex, stopId: string): void {
    const stop = index.stops.get(stopId);
    this.highlight?.remove();
    if (!stop) return;
    this.highlight = L.circleMarker([stop.lat, stop.lon], {
      renderer: this.panes.stops,
      radius: 18,
      color: "#111827",
      weight: 3,
      fill: false,
      dashArray: "6 3",
      interactive: false,
    }).addTo(this.map);
    this.map.panTo([stop.lat, stop.lon]);
  }

  /** Number of route lines currently drawn (for status text). */
  visibleRouteCount(): number {
    let n = 0;
    for (const entry of this.routeLines.values()) if (this.groups.routes.hasLayer(entry.line)) n++;
    return n;
  }

  /** Shrinks stop markers at city-wide zooms so neighbouring stops stay apart. */
  private scaleMarkers(): void {
    const factor = markerScale(this.map.getZoom());
    for (const { marker, radius } of this.markers.values()) marker.setRadius(Math.max(2, radius * factor));
  }

  private syncRoutes(): void {
    for (const { line, busId, date } of this.routeLines.values()) {
      const visible = !this.hiddenBuses.has(busId) && !this.hiddenDays.has(date);
      if (visible && !this.groups.routes.hasLayer(line)) this.groups.routes.addLayer(line);
      if (!visible && this.groups.routes.hasLayer(line)) this.groups.routes.removeLayer(line);
    }
  }

  private drawLocalities(index: PlanIndex): void {
    const { scenario } = index.loaded;
    const byLocality = new Map<string, LatLon[]>();
    const add = (locality: string | undefined, p: LatLon) => {
      if (!locality) return;
      const list = byLocality.get(locality) ?? [];
      list.push(p);
      byLocality.set(locality, list);
    };
    for (const s of scenario.stops) add(s.locality, s);
    if (scenario.demand.kind === "points") for (const p of scenario.demand.points) add(p.locality, p);
    for (const [locality, points] of byLocality) {
      const hull = convexHull(points);
      if (hull.length < 3) continue;
      L.polygon(
        hull.map((p) => [p.lat, p.lon] as L.LatLngTuple),
        {
          renderer: this.panes.context,
          color: "#6b7280",
          weight: 1,
          dashArray: "4 4",
          fillColor: "#9ca3af",
          fillOpacity: 0.06,
          interactive: false,
        },
      ).addTo(this.groups.localities);
      const centre = L.latLngBounds(hull.map((p) => [p.lat, p.lon] as L.LatLngTuple)).getCenter();
      L.tooltip({ permanent: true, direction: "center", className: "locality-label", interactive: false })
        .setLatLng(centre)
        .setContent(locality)
        .addTo(this.groups.localities);
    }
  }

  private drawDemand(points: readonly (LatLon & { caregivers: number })[]): void {
    const cells = aggregateDemand(points, DEMAND_CELL_DEG);
    const max = cells.reduce((m, c) => Math.max(m, c.caregivers), 0);
    for (const cell of cells) {
      L.rectangle(
        [
          [cell.south, cell.west],
          [cell.north, cell.east],
        ],
        {
          renderer: this.panes.context,
          stroke: false,
          fillColor: DEMAND_COLOUR,
          fillOpacity: 0.08 + 0.42 * Math.sqrt(cell.caregivers / max),
          interactive: false,
        },
      ).addTo(this.groups.demand);
    }
  }

  /** Each demand point as a dot coloured by its priority band, its index in the tooltip. */
  private drawPriority(demand: Pick<PointsDemand, "points" | "priority">, { t, locale }: Words): void {
    const values = priorityIndexValues(demand);
    demand.points.forEach((p, i) => {
      const band = priorityBand(values[i]!);
      L.circleMarker([p.lat, p.lon], {
        renderer: this.panes.context,
        radius: 3,
        stroke: false,
        fillColor: PRIORITY_COLOUR[band],
        fillOpacity: 0.9,
      })
        .bindTooltip(
          t.priorityTooltip(
            t.priorityBands[band],
            formatNumber(values[i]!, locale, 2),
            formatNumber(p.caregivers, locale, 0),
          ),
        )
        .addTo(this.groups.priority);
    });
  }

  private drawRoute(index: PlanIndex, route: PlanRoute, { t, locale }: Words): void {
    const latlngs = routeLatLngs(index, route);
    if (latlngs.length < 2) return;
    const colour = busColour(index.busIndex.get(route.busId) ?? 0);
    const line = L.polyline(latlngs, {
      renderer: this.panes.routes,
      color: colour,
      weight: 3,
      opacity: 0.85,
    }).bindTooltip(t.routeTooltip(busName(index, route.busId), formatDate(route.date, locale), route.visits.length), {
      sticky: true,
    });
    this.routeLines.set(`${route.busId}|${route.date}`, { line, busId: route.busId, date: route.date });
    if (!this.hiddenBuses.has(route.busId) && !this.hiddenDays.has(route.date)) this.groups.routes.addLayer(line);
  }

  private drawStops(index: PlanIndex, { t, locale }: Words): void {
    const { scenario } = index.loaded;
    // Unvisited first so visited stops are drawn (and clicked) on top.
    const ordered = [...scenario.stops].sort(
      (a, b) => Number(index.visitsByStop.has(a.id)) - Number(index.visitsByStop.has(b.id)),
    );
    for (const stop of ordered) {
      const visits = index.visitsByStop.get(stop.id) ?? [];
      const visited = visits.length > 0;
      const zone = ZONE_STYLE[stop.zone];
      const value = index.valueByStop.get(stop.id) ?? 0;
      const marker = shapeMarker([stop.lat, stop.lon], {
        renderer: this.panes.stops,
        shape: zone.shape,
        radius: visited ? stopRadius(value, index.maxStopValue) : 3,
        color: zone.colour,
        weight: visited ? 2 : 1.5,
        ...(visited ? {} : { dashArray: UNVISITED_DASH }),
        fillColor: visited ? zone.colour : "#ffffff",
        fillOpacity: visited ? 0.75 : 0.9,
      });
      const reason = index.unvisited.get(stop.id)?.reason;
      const status = visited
        ? t.stopVisited(visits.length, formatNumber(value, locale))
        : t.stopNotVisited(reason ? t.reasons[reason] : t.notInAnyRoute);
      marker.bindTooltip(`${stopName(index, stop.id)} — ${t.zones[stop.zone]} · ${status}`);
      marker.on("click", () => this.onStopClick(stop.id));
      marker.addTo(this.groups.stops);
      this.markers.set(stop.id, { marker, radius: marker.getRadius() });
    }
  }
}

/** Marker size factor for a zoom level: half size for a whole city, full size at street level. */
export function markerScale(zoom: number): number {
  return Math.min(1, Math.max(0.45, 0.45 + (zoom - 10) * 0.2));
}

/**
 * The line of a route: its road geometry when the plan carries one (GeoJSON LineString legs),
 * else straight legs depot → stops → depot.
 */
export function routeLatLngs(index: PlanIndex, route: PlanRoute): L.LatLngTuple[] {
  const geometry = route.geometry as
    | { features?: { geometry?: { type?: string; coordinates?: number[][] } }[] }
    | undefined;
  const fromGeometry: L.LatLngTuple[] = [];
  for (const feature of geometry?.features ?? []) {
    if (feature.geometry?.type !== "LineString") continue;
    for (const c of feature.geometry.coordinates ?? []) if (c.length >= 2) fromGeometry.push([c[1]!, c[0]!]);
  }
  if (fromGeometry.length >= 2) return fromGeometry;
  const depot = index.loaded.scenario.depots.find((d) => d.id === route.depotId);
  const points: L.LatLngTuple[] = [];
  if (depot) points.push([depot.lat, depot.lon]);
  for (const visit of route.visits) {
    const stop = index.stops.get(visit.stopId);
    if (stop) points.push([stop.lat, stop.lon]);
  }
  if (depot) points.push([depot.lat, depot.lon]);
  return points;
}
