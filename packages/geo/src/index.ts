/**
 * @carebus/geo: walking coverage, travel-time matrices (estimate, road graph, OSRM) and
 * turn-by-turn directions. Named exports only.
 */
export type { LatLon, Place, TravelMatrix, TravelTimeProvider, RoutingProvider, RouteLeg, ManeuverStep, Coverage } from "./types.js";
export { GeoError, type GeoErrorCode } from "./errors.js";
export { haversineKm, EARTH_RADIUS_KM } from "./haversineKm.js";
export { DEFAULT_TRAVEL_ESTIMATE, type EstimateSettings } from "./estimate/estimateDefaults.js";
export { createEstimateProvider, estimateLeg } from "./estimate/estimateProvider.js";
export { createTravelProvider, type CreateTravelProviderOptions } from "./createTravelProvider.js";
export { computeCoverage, DEFAULT_CARE_BLOCK_MINUTES } from "./coverage/computeCoverage.js";
export { coverageByStop, type StopCoverage } from "./coverage/coverageByStop.js";
export { addDirections, type AddDirectionsOptions } from "./directions/addDirections.js";
export { instructionText, type DirectionsLanguage } from "./directions/instructionText.js";
export { planToGeoJson, type GeoJsonFeature, type GeoJsonFeatureCollection } from "./planToGeoJson.js";
