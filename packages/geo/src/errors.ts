/**
 * The geography package's one error class. Callers (the CLI maps it to exit code 3, the API to
 * HTTP 503 or 400) match on `code`, never on the message.
 */
import { CarebusError } from "@carebus/model";

/** Error codes raised by @carebus/geo. */
export type GeoErrorCode =
  /** a routing server is down, answers badly, or a network file cannot be read */
  | "CAREBUS_GEO_UNAVAILABLE"
  /** a place cannot be reached from (or cannot reach) the others */
  | "CAREBUS_GEO_UNREACHABLE_STOP"
  /** a road-network file is malformed (bad JSON/XML, no usable roads) */
  | "CAREBUS_GEO_INVALID_NETWORK";

/**
 * A geography failure.
 * @example throw new GeoError("CAREBUS_GEO_UNAVAILABLE", "OSRM at http://localhost:5000 did not answer")
 */
export class GeoError extends CarebusError {
  declare readonly code: GeoErrorCode;
  constructor(code: GeoErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
