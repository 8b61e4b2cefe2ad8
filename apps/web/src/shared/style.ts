/**
 * The visual vocabulary shared by the map, the legend and the week grid. Nothing is told by
 * colour alone: a zone has a colour AND a shape (urban circle, rural diamond); a visited stop
 * is filled with a solid outline, an unvisited one hollow with a dashed outline; a bus has a
 * colour AND its name next to it wherever it appears.
 */

/** Marker shapes the canvas stop layer can draw. */
export type MarkerShape = "circle" | "diamond" | "square";

/** Colour and shape per zone (colours pass 4.5:1 against white). */
export const ZONE_STYLE = {
  urban: { colour: "#1d4ed8", shape: "circle" as MarkerShape },
  rural: { colour: "#9a3412", shape: "diamond" as MarkerShape },
} as const;

/** Bus colours (Okabe–Ito based, darkened for contrast on a pale map). */
const BUS_COLOURS = ["#0072b2", "#c2410c", "#007a5e", "#a8327f", "#8a6d00", "#4b5563", "#5b3fa8", "#b91c1c"];

/** The colour of the i-th bus in scenario order (repeats after eight buses). */
export function busColour(index: number): string {
  return BUS_COLOURS[((index % BUS_COLOURS.length) + BUS_COLOURS.length) % BUS_COLOURS.length]!;
}

/** Dash pattern of an unvisited stop's outline. */
export const UNVISITED_DASH = "3 3";

/** Colour of the demand density cells and of the Care Blocks. */
export const DEMAND_COLOUR = "#6d28d9";

/** Priority bands of the needs index, low to high (a sequential, colour-blind-safe orange ramp). */
export const PRIORITY_COLOUR = { low: "#fdd0a2", medium: "#fd8d3c", high: "#a63603" } as const;
export const CARE_BLOCK_COLOUR = "#047857";
