/**
 * @carebus/geo: walking coverage, travel-time matrices (estimate, road graph, OSRM) and
 * turn-by-turn directions. Named exports only.
 */
export type {
  LatLon,
  Place,
  TravelMatrix,
  TravelTimeProvider,
  RoutingProvider,
  RouteLeg,
  ManeuverStep,
  Coverage,
} from "./types.js";
export { GeoError, type GeoErrorCode } from "./errors.js";
export { haversineKm, EARTH_RADIUS_KM } from "./haversineKm.js";
export { sharedCopy } from "./sharedCopy.js";

export { createTravelProvider, type CreateTravelProviderOptions } from "./createTravelProvider.js";
export { DEFAULT_TRAVEL_ESTIMATE, type EstimateSettings } from "./estimate/estimateDefaults.js";
export { createEstimateProvider, estimateLeg } from "./estimate/estimateProvider.js";
export {
  createRoadGraphProvider,
  readRoadNetworkFile,
  RoadNetwork,
  DEFAULT_MAX_SNAP_KM,
  type RoadGraphSettings,
  type RoadNetworkOptions,
} from "./roadGraph/roadGraphProvider.js";
export { createOsrmProvider } from "./osrm/osrmProvider.js";
export { osrmGet, type OsrmSettings, type OsrmResponse } from "./osrm/osrmClient.js";

export { readGeoJsonNetwork } from "./roadGraph/readGeoJsonNetwork.js";
export { readOsmXml, readOsmXmlFile, OsmXmlReader } from "./roadGraph/readOsmXml.js";
export { readOsmPbf, readOsmPbfFile } from "./roadGraph/readOsmPbf.js";
export { DRIVABLE_HIGHWAYS, WALKABLE_HIGHWAYS, type RoadWay } from "./roadGraph/roadWay.js";
export { DEFAULT_ROAD_SPEEDS_KMH, DEFAULT_ROAD_SPEED_KMH } from "./roadGraph/roadSpeeds.js";
export {
  buildRoadGraph,
  type RoadGraph,
  type RoadNodeAttributes,
  type RoadEdgeAttributes,
  type BuildRoadGraphOptions,
} from "./roadGraph/buildRoadGraph.js";
export { compileGraph, type CompiledGraph } from "./roadGraph/compileGraph.js";
export { dijkstra, createDijkstraWorkspace, pathEdges, type DijkstraWorkspace } from "./roadGraph/dijkstra.js";

export {
  computeCoverage,
  DEFAULT_CARE_BLOCK_MINUTES,
  type ComputeCoverageOptions,
} from "./catchment/computeCoverage.js";
export { WalkingNetwork } from "./catchment/walkingNetwork.js";
export { coverageByStop, type StopCoverage } from "./catchment/coverageByStop.js";

export { addDirections, type AddDirectionsOptions } from "./directions/addDirections.js";
export { instructionText, type DirectionsLanguage } from "./directions/instructionText.js";
export { buildManeuvers, TURN_SPLIT_DEGREES } from "./directions/buildManeuvers.js";
export {
  planToGeoJson,
  routeCoordinates,
  type GeoJsonFeature,
  type GeoJsonFeatureCollection,
} from "./planToGeoJson.js";
export { areaOf, ferryRoute, type FerryRoute } from "./estimate/ferryCrossings.js";
