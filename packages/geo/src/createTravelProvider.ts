/**
 * One entry point from the scenario's `travel` settings to a provider, so that moving a plan
 * from the estimate to a road network or an OSRM server is a change of data, not of code.
 */
import type { TravelSettings } from "@carebus/model";
import { createEstimateProvider } from "./estimate/estimateProvider.js";
import { GeoError } from "./errors.js";
import type { RoutingProvider } from "./types.js";

/** Options of `createTravelProvider`. */
export interface CreateTravelProviderOptions {
  /** folder that a relative road-network `file` is resolved against (the scenario's folder) */
  baseDir?: string;
}

/**
 * The provider the settings describe; `undefined` gives the estimate provider with
 * `DEFAULT_TRAVEL_ESTIMATE`. Road networks load lazily on the first call.
 * @throws GeoError (from the provider's calls) when a network file or server is unusable.
 */
export function createTravelProvider(settings: TravelSettings | undefined, options: CreateTravelProviderOptions = {}): RoutingProvider {
  void options;
  if (settings === undefined) return createEstimateProvider();
  switch (settings.provider) {
    case "estimate": {
      const { provider: _, ...rest } = settings;
      return createEstimateProvider(rest);
    }
    default:
      throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `travel.provider ${JSON.stringify(settings.provider)} is not available yet in this build`);
  }
}
