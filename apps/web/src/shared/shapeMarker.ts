/**
 * A canvas marker that can be a circle, a diamond or a square. Leaflet's canvas renderer
 * draws only circles, and thousands of DOM markers would freeze the planner page, so this
 * extends CircleMarker (keeping its hit-testing, tooltips and events) and swaps only the path
 * it traces. It relies on Leaflet 1.9's renderer internals (_ctx, _drawing, _fillStroke),
 * which is why leaflet is pinned to 1.9.4.
 */
import L from "leaflet";
import type { MarkerShape } from "./style.js";

/** Options of a shape marker: CircleMarker's plus the shape. */
export interface ShapeMarkerOptions extends L.CircleMarkerOptions {
  shape: MarkerShape;
  renderer: L.Canvas;
}

interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: unknown): void;
  _updateCircle(layer: unknown): void;
}

interface ShapeInternals {
  options: ShapeMarkerOptions;
  _renderer: CanvasInternals;
  _point: L.Point;
  _radius: number;
  _empty(): boolean;
}

const ShapeMarkerClass = L.CircleMarker.extend({
  _updatePath(this: ShapeInternals) {
    const renderer = this._renderer;
    if (this.options.shape === "circle") {
      renderer._updateCircle(this);
      return;
    }
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    ctx.beginPath();
    if (this.options.shape === "diamond") {
      // A diamond of the same area as the circle reads as the same size.
      const d = Math.max(this._radius * 1.25, 2);
      ctx.moveTo(x, y - d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
    } else {
      const s = Math.max(this._radius * 0.9, 2);
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
    }
    renderer._fillStroke(ctx, this);
  },
}) as unknown as new (
  latlng: L.LatLngExpression,
  options: ShapeMarkerOptions,
) => L.CircleMarker;

/** Creates a shape marker; it must be drawn by a canvas renderer (passed in the options). */
export function shapeMarker(latlng: L.LatLngExpression, options: ShapeMarkerOptions): L.CircleMarker {
  return new ShapeMarkerClass(latlng, options);
}
