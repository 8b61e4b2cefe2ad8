/**
 * The pages' only door to the server: same-origin relative URLs, JSON in and out, and one
 * error type carrying the HTTP status and the server's message, so every caller can show a
 * useful line instead of "failed to fetch".
 */

/** A failed API call: `status` is the HTTP status (0 when the network failed). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { message?: unknown; code?: unknown };
    if (typeof body.message === "string") message = body.message;
    if (typeof body.code === "string") code = body.code;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(message, response.status, code);
}

/**
 * Sends a request and parses the JSON answer.
 * @throws ApiError on a network failure or a non-2xx status.
 */
export async function requestJson<T>(
  method: string,
  url: string,
  options: { body?: unknown; token?: string | null; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(`network error: ${error instanceof Error ? error.message : String(error)}`, 0);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET a JSON document. @throws ApiError */
export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>("GET", url, signal ? { signal } : {});
}

/**
 * The pages' settings (GET /api/v1/config). A server without that route still gets working
 * pages: no tiles, default scenario chosen by the server.
 */
export async function loadWebConfig(): Promise<import("./types.js").WebConfig> {
  try {
    return await getJson<import("./types.js").WebConfig>("/api/v1/config");
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      return { defaultScenarioId: null, tileUrl: null, tileAttribution: null };
    throw error;
  }
}
