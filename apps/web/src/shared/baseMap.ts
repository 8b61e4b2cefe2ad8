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
  /** the map's words in the page's language: its accessible name and, without tiles, its note */
  setWords(words: MapWords): void;
}

/** What the map says of itself, in the page's language. */
export interface MapWords {
  /** the map's accessible name */
  label: string;
  /** the attribution line when no tile layer is configured */
  noTiles: string;
}

/**
 * Creates the map in `element`, named and noted in `words`.
 * @example const { map, renderer } = createBaseMap(el, config, { label: "Plan map", noTiles: "No background map" });
 */
export function createBaseMap(
  element: HTMLElement,
  config: Pick<WebConfig, "tileUrl" | "tileAttribution">,
  words: MapWords,
): BaseMap {
  const renderer = L.canvas({ padding: 0.5, tolerance: 4 });
  const map = L.map(element, { preferCanvas: true, renderer, zoomSnap: 0.5, keyboard: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  element.classList.toggle("no-tiles", !config.tileUrl);
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      maxZoom: 19,
      ...(config.tileAttribution ? { attribution: config.tileAttribution } : {}),
    }).addTo(map);
  }
  let note: string | null = null;
  const setWords = ({ label, noTiles }: MapWords): void => {
    element.setAttribute("aria-label", label);
    if (config.tileUrl) return;
    if (note !== null) map.attributionControl.removeAttribution(note);
    note = noTiles;
    map.attributionControl.addAttribution(note);
  };
  setWords(words);
  return { map, renderer, setWords };
}
