/**
 * The map both pages start from: Leaflet with a canvas renderer (many markers stay fast) and
 * a tile layer only when the deployment configures one. With none, the pages draw vector
 * layers on a plain background, which is how offline deployments and the tests run.
 */
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { WebConfig } from "./types.js";

/** A map and the canvas renderer its vector layers should share. */
export interface BaseMap {
  map: L.Map;
  renderer: L.Canvas;
}

/**
 * Creates the map in `element`. `label` becomes the map's accessible name.
 * @example const { map, renderer } = createBaseMap(el, config, "Plan map");
 */
export function createBaseMap(
  element: HTMLElement,
  config: Pick<WebConfig, "tileUrl" | "tileAttribution">,
  label: string,
): BaseMap {
  const renderer = L.canvas({ padding: 0.5, tolerance: 4 });
  const map = L.map(element, { preferCanvas: true, renderer, zoomSnap: 0.5, keyboard: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  element.setAttribute("aria-label", label);
  element.classList.toggle("no-tiles", !config.tileUrl);
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      maxZoom: 19,
      ...(config.tileAttribution ? { attribution: config.tileAttribution } : {}),
    }).addTo(map);
  } else {
    map.attributionControl.addAttribution("carebus vector map (no tiles configured)");
  }
  return { map, renderer };
}
