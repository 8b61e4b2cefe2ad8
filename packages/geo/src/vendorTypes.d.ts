// Types for the untyped CommonJS packages this package uses, limited to what it calls.
declare module "osrm-text-instructions" {
  interface Compiler {
    compile(
      language: string,
      step: unknown,
      options?: { legCount?: number; legIndex?: number; waypointName?: string },
    ): string;
  }
  function osrmTextInstructions(version: "v5"): Compiler;
  export default osrmTextInstructions;
}

declare module "tiny-osmpbf" {
  type Element =
    | { type: "node"; id: number; lat: number; lon: number; tags: Record<string, string> }
    | { type: "way"; id: number; nodes: number[]; tags: Record<string, string> }
    | { type: "relation"; id: number; tags: Record<string, string> };
  function tinyOsmPbf(input: ArrayBuffer, handler: (element: Element) => void): void;
  export default tinyOsmPbf;
}
