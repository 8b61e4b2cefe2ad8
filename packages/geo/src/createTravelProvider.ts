/**
 * One entry point from the scenario's `travel` settings to a provider, so that moving a plan
 * from the estimate to a road network or an OSRM server is a change of data, not of code.
 */
import type { TravelSettings } from "@carebus/model";
import { createEstimateProvider } from "./estimate/estimateProvider.js";
import { createOsrmProvider } from "./osrm/osrmProvider.js";
import { createRoadGraphProvider } from "./roadGraph/roadGraphProvider.js";
import type { RoutingProvider } from "./types.js";

/** Options of `createTravelProvider`. */
export interface CreateTravelProviderOptions {
  /** folder that a relative road-network `file` is resolved against (the scenario's folder; default the working directory) */
  baseDir?: string;
}

/**
 * The provider the settings describe; `undefined` gives the estimate provider with
 * `DEFAULT_TRAVEL_ESTIMATE`. A road network loads on the first call and is kept.
 * @throws GeoError (from the provider's calls) when a network file or server is unusable.
 * @example const provider = createTravelProvider(scenario.travel, { baseDir: dirname(scenarioPath) });
 */
export function createTravelProvider(
  settings: TravelSettings | undefined,
  options: CreateTravelProviderOptions = {},
): RoutingProvider {
  if (settings === undefined) return createEstimateProvider();
  switch (settings.provider) {
    case "estimate": {
      const { provider: _, ...rest } = settings;
      return createEstimateProvider(rest);
    }
    case "road-graph": {
      const { provider: _, ...rest } = settings;
      return createRoadGraphProvider(rest, options.baseDir);
    }
    case "osrm": {
      const { provider: _, ...rest } = settings;
      return createOsrmProvider(rest);
    }
  }
}
